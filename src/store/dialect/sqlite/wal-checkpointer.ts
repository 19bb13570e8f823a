import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { StoreLogger } from '../../store.js';

/** How often the thread copies the write-ahead log back into the database. */
const EVERY_MS = 200;

/**
 * The thread's code, plain CommonJS so that it runs the same from the sources and from dist.
 * A PASSIVE checkpoint never waits for a lock and never blocks a writer: what a reader still
 * needs stays in the log until the next one.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
let failed = false;
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    failed = false;
  } catch (error) {
    // Said once per run of failures: the next success says nothing, the log only grows meanwhile.
    if (!failed) parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
    failed = true;
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /** Stops the thread (it finishes the checkpoint it is in) and closes its connection. */
  stop(): void;
}

/**
 * Copies an SQLite database's write-ahead log back into it from another thread. Left to SQLite,
 * the commit that fills the log to its limit (1,000 pages) does the copy and its sync itself,
 * and a server's main thread stopped for 5-10 ms about every 50 commits: most of the time it
 * spent in SQLite, and its slowest answers. The connection that writes keeps a far larger limit
 * as a backstop, in case this thread falls behind or fails.
 */
export function startWalCheckpointer(path: string, logger?: StoreLogger): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD, { eval: true, workerData: { path, driver, everyMs: EVERY_MS } });
  // Never what keeps a process alive: the store's close stops it, and so does the exit.
  worker.unref();
  const report = (message: string): void => {
    if (logger !== undefined) logger.warn({ path, reason: message }, 'SQLite background checkpoint failed; commits checkpoint the log themselves past the backstop');
    else process.emitWarning(`vigil store: SQLite background checkpoint of ${path} failed: ${message}`);
  };
  worker.on('message', (message: { error?: string }) => {
    if (message.error !== undefined) report(message.error);
  });
  worker.on('error', (error) => report(error.message));
  return { stop: () => worker.postMessage('stop') };
}
