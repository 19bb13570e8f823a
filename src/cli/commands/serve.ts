import cluster from 'node:cluster';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import pino, { type Logger } from 'pino';
import { createAuditLog } from '../../audit/index.js';
import type { VigilConfig } from '../../config/index.js';
import { VigilError } from '../../domain/index.js';
import { ScreeningEngine } from '../../screening/index.js';
import { buildApp, WriteThread, type ServerConfigInput } from '../../server/index.js';
import { importFiles } from '../../store/index.js';
import { createIdentityService } from '../../sharing/index.js';
import { openStore } from '../../store/index.js';
import { configFrom, type GlobalOptions } from '../context.js';
import { parseVersionOption } from '../parse-options.js';
import { stopRequested, superviseWorkers, tellPrimary } from './serve-cluster.js';

interface ServeOptions extends GlobalOptions {
  host: string;
  port: string;
  lists?: string[];
  dev?: boolean;
  rateLimit?: string;
  corsOrigin?: string[];
  workers?: string;
}

/** Where the first start leaves the bootstrap admin key, relative to the working directory. */
export const ADMIN_KEY_FILE = join('.vigil', 'admin-key');

/** Each worker holds its own index (hundreds of MB with the full lists): a bound against typos. */
const MAX_WORKERS = 64;

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new VigilError('INVALID_INPUT', `--port must be 0 to 65535, not "${value}"`, { field: '--port' });
  return Number(value);
}

function parseWorkers(value: string | undefined): number {
  const workers = parseVersionOption(value, '--workers') ?? 1;
  if (workers > MAX_WORKERS) throw new VigilError('INVALID_INPUT', `--workers must be at most ${MAX_WORKERS}, not ${workers}`, { field: '--workers' });
  return workers;
}

/** Imports the named lists and creates the first administrator on an empty store; done once, before any process serves. */
async function prepareStore(config: VigilConfig, lists: string[] | undefined, logger: Logger): Promise<void> {
  const store = await openStore(config.db, { logger });
  try {
    // The store logs each import (created or unchanged) itself.
    if (lists !== undefined && lists.length > 0) await importFiles(store, lists);
    const bootstrap = await createIdentityService(store).ensureBootstrapAdmin();
    if (bootstrap.created && bootstrap.key !== undefined) {
      await mkdir('.vigil', { recursive: true, mode: 0o700 });
      await writeFile(ADMIN_KEY_FILE, `${bootstrap.key}\n`, { mode: 0o600 });
      process.stderr.write(`vigil: created organisation "default" and its admin API key (shown once, also in ${ADMIN_KEY_FILE}):\n${bootstrap.key}\n`);
    }
  } finally {
    await store.close();
  }
}

interface ServeRun {
  config: VigilConfig;
  serverConfig: ServerConfigInput;
  logger: Logger;
  host: string;
  port: number;
  /** Called with the address once listening, and with whether the index loaded once it has. */
  onListening: (address: string) => void;
  onIndex: (ready: boolean) => void;
  /** Resolves when the server should finish its requests, flush the audit trail and exit. */
  stop: () => Promise<NodeJS.Signals | 'primary'>;
}

/** One serving process: the app over its own store connection, audit log and index, until asked to stop. */
async function serveUntilStopped(run: ServeRun): Promise<void> {
  const { config, logger } = run;
  const store = await openStore(config.db, { logger, checkpoints: 'background', lockWaits: 'event-loop' });
  let writes: WriteThread;
  try {
    writes = await WriteThread.start(store, {
      db: config.db,
      onFailure: (error) => {
        // Every screening would now fail: stop, and let the supervisor (or operator) restart.
        logger.fatal({ reason: error.message }, 'the write thread failed: stopping');
        process.kill(process.pid, 'SIGTERM');
      },
      // Screening goes on; vetting runs index the journal themselves.
      onWarning: (error) => logger.warn({ reason: error.message }, 'the write thread stopped indexing journaled enrolments'),
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const audit = writes.audit;
  try {
    const identity = createIdentityService(store);
    const app = buildApp({
      store,
      engine: ScreeningEngine.open(store),
      identity,
      audit,
      screenings: writes.screenings,
      config: run.serverConfig,
      logger,
      vettingSettings: config.vetting,
      ...(config.advisories !== undefined ? { advisorySettings: config.advisories } : {}),
    });
    const address = await app.listen({ host: run.host, port: run.port });
    run.onListening(address);
    void app.engineLoaded.then(async () => run.onIndex((await app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200));
    const reason = await run.stop();
    logger.info({ reason }, 'shutting down: finishing requests and flushing the audit trail');
    await app.close();
  } finally {
    await writes.close();
    await store.close();
  }
}

/** Bytes of log lines gathered before one write, and the longest a line waits when it is quiet. */
const LOG_BUFFER_BYTES = 8 * 1024;
const LOG_FLUSH_MS = 500;

/**
 * Standard output for the logger, written in blocks: the server logs a line per request, and a
 * write per line cost several per cent of a screening request's CPU. Quiet periods are written
 * by the stream's own periodic flush (which, unlike `flush(callback)`, does not fsync: standard
 * output is usually a pipe, where fsync fails), and pino writes what is left when the process
 * exits. A failed write is said once on standard error rather than stopping the server.
 */
function bufferedLog(): ReturnType<typeof pino.destination> {
  const destination = pino.destination({ dest: 1, sync: false, minLength: LOG_BUFFER_BYTES, periodicFlush: LOG_FLUSH_MS });
  let reported = false;
  destination.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    process.stderr.write(`vigil: could not write the log: ${error.message}\n`);
  });
  return destination;
}

/** A single process's stop: the first SIGINT or SIGTERM stops gracefully, a second exits at once. */
function signalled(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) {
        // A second signal: the operator wants out now.
        process.exit(1);
      }
      stopping = true;
      resolve(signal);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('run the HTTP API (OpenAPI at /openapi.json, explorer at /docs)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', '8080')
    .option('--lists <files...>', 'list files to import before serving, as `vigil lists import` (unchanged files make no version)')
    .option('--dev', 'development: the session cookie is sent over plain HTTP (no Secure flag)')
    .option('--rate-limit <n>', 'requests per minute per API key or session, counted in each worker process (default: server.rateLimit in the config file, else 6000)')
    .option('--cors-origin <origins...>', 'browser origins allowed to call the API (default: none)')
    .option('--workers <n>', 'processes serving the port together, each with its own copy of the index (default 1)')
    .action(async (_options: ServeOptions, command: Command) => {
      const options = command.optsWithGlobals<ServeOptions>();
      const port = parsePort(options.port);
      const rate = parseVersionOption(options.rateLimit, '--rate-limit');
      const workers = parseWorkers(options.workers);
      const config = configFrom(options);
      const logger = pino({ level: config.logLevel, base: { service: 'vigil', ...(cluster.isWorker ? { worker: cluster.worker?.id } : {}) } }, bufferedLog());
      // The config file's `server` settings, with the flags over them.
      const serverConfig: ServerConfigInput = {
        ...config.server,
        secureCookies: options.dev === true ? false : (config.server?.secureCookies ?? true),
        ...(rate !== undefined ? { rateLimit: { max: rate, windowMs: 60_000 } } : {}),
        ...(options.corsOrigin !== undefined ? { corsOrigins: options.corsOrigin } : {}),
      };
      const run = { config, serverConfig, logger, host: options.host, port };

      if (cluster.isWorker) {
        // The primary imported the lists and made the first administrator before forking.
        await serveUntilStopped({ ...run, onListening: (address) => tellPrimary({ type: 'vigil:listening', address }), onIndex: (ready) => tellPrimary({ type: 'vigil:index', ready }), stop: stopRequested });
        logger.info('stopped');
        // The channel to the primary would keep this process alive.
        cluster.worker?.disconnect();
        return;
      }
      await prepareStore(config, options.lists, logger);
      if (workers > 1) {
        process.exitCode = await superviseWorkers(workers, logger);
        logger.info('stopped');
        return;
      }
      await serveUntilStopped({ ...run, onListening: (address) => process.stderr.write(`vigil: listening on ${address}\n`), onIndex: () => undefined, stop: signalled });
      logger.info('stopped');
    });
}
