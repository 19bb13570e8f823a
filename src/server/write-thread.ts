import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createAuditLog, type AuditInput, type AuditLog, type AuditRecord } from '../audit/index.js';
import type { OpenedCase } from '../cases/index.js';
import { VigilError } from '../domain/index.js';
import type { Store } from '../store/index.js';
import type { ScreeningWrites } from './screening-writes.js';
import { fromWire, type ThreadNotice, type WriteReply, type WriteRequest } from './write-thread-protocol.js';

/** Compiled, the entry is the .js file beside this one; under tsx or vitest a bootstrap registers tsx first. */
function startWorker(db: string): Worker {
  const workerData = { db };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./write-thread-entry.js', import.meta.url), { workerData });
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./write-thread-entry.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, workerData });
}

type Job = WriteRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The server's writes that every screening makes (its audit record, the enrolment of its
 * subjects for recurrent vetting, and the case it opens when it is not clear) on a thread of
 * their own with its own connection to the store: on a 2-core machine they took about a third of the thread that answers requests,
 * which the other core now does. Each request still waits for its own records to be committed
 * and gets the failure if they were not. A screening's writes (cases, enrolment, record) cross
 * as one job, so a result that is not clear costs one round trip like a clear one; requests
 * made in one turn of the event loop cross in one message, and so do the replies.
 *
 * @example
 * const writes = await WriteThread.start(store, { onFailure: (error) => logger.fatal(error) });
 * const app = buildApp({ store, audit: writes.audit, screenings: writes.screenings, ... });
 * ...
 * await writes.close();
 */
export class WriteThread {
  readonly audit: AuditLog;
  readonly screenings: ScreeningWrites;
  private readonly waiting = new Map<number, Waiting>();
  private outgoing: WriteRequest[] = [];
  private scheduled = false;
  private nextId = 0;
  private failure: Error | undefined;
  private closing: Promise<void> | undefined;
  private auditClosed = false;

  private constructor(
    private readonly worker: Worker,
    store: Store,
    private readonly onFailure: (error: Error) => void,
  ) {
    const local = createAuditLog(store);
    this.audit = {
      append: (input: AuditInput) => {
        if (this.auditClosed) return Promise.reject(new VigilError('AUDIT_FAILED', 'the audit log is closed; the action was not done'));
        return this.ask({ kind: 'audit', input }, 'AUDIT_FAILED') as Promise<AuditRecord>;
      },
      flush: () => this.flush(),
      verify: async () => {
        await this.flush();
        return local.verify();
      },
      export: (options) => local.export(options),
      close: async () => {
        this.auditClosed = true;
        await this.flush();
      },
    };
    this.screenings = {
      commit: async (job) => {
        if (this.auditClosed) throw new VigilError('AUDIT_FAILED', 'the audit log is closed; the action was not done');
        return (await this.ask({ kind: 'screened', job }, undefined)) as OpenedCase[];
      },
      flush: () => this.flush(),
    };
  }

  /** Starts the thread on the store's database; resolves once its connection is open. */
  /** `onWarning`: the thread met a failure it carries on after (the journal's indexing stopped). */
  static start(store: Store, options: { db: string; onFailure: (error: Error) => void; onWarning?: (error: Error) => void }): Promise<WriteThread> {
    const worker = startWorker(options.db);
    const thread = new WriteThread(worker, store, options.onFailure);
    return new Promise((resolve, reject) => {
      let started = false;
      worker.on('message', (message: WriteReply[] | ThreadNotice) => {
        if (Array.isArray(message)) {
          thread.settle(message);
          return;
        }
        if (message.notice === 'ready') {
          started = true;
          resolve(thread);
        } else if (message.notice === 'warning') {
          options.onWarning?.(fromWire(message.error));
        } else if (message.notice === 'failed') {
          const error = fromWire(message.error);
          if (started) thread.fail(error);
          else reject(error);
        }
      });
      worker.on('error', (error) => (started ? thread.fail(error) : reject(error)));
      worker.on('exit', (code) => {
        const error = new Error(`the write thread exited (code ${code})`);
        if (!started) reject(error);
        else if (thread.closing === undefined) thread.fail(error);
      });
    });
  }

  /** Waits for everything asked so far to be written. */
  async flush(): Promise<void> {
    await this.ask({ kind: 'flush' }, 'STORE_FAILED');
  }

  /** Writes what is waiting, closes the thread's connection and stops it. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.auditClosed = true;
      if (this.failure === undefined) {
        await this.flush().catch(() => undefined);
        const closed = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
        this.worker.postMessage('close');
        await closed;
      } else {
        await this.worker.terminate();
      }
    })();
    return this.closing;
  }

  /** `code`: what a failure that is not already a VigilError becomes; undefined, the caller says. */
  private ask(job: Job, code: 'AUDIT_FAILED' | 'STORE_FAILED' | undefined): Promise<unknown> {
    if (this.failure !== undefined) return Promise.reject(this.failed(code ?? 'AUDIT_FAILED', this.failure));
    const id = (this.nextId += 1);
    this.outgoing.push({ ...job, id } as WriteRequest);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.send());
    }
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject: (error) => reject(error instanceof VigilError || code === undefined ? error : this.failed(code, error)) }));
  }

  private send(): void {
    this.scheduled = false;
    if (this.outgoing.length === 0) return;
    const sending = this.outgoing;
    this.outgoing = [];
    this.worker.postMessage(sending);
  }

  private settle(replies: WriteReply[]): void {
    for (const reply of replies) {
      const waiting = this.waiting.get(reply.id);
      if (waiting === undefined) continue;
      this.waiting.delete(reply.id);
      if ('error' in reply) waiting.reject(fromWire(reply.error));
      else waiting.resolve(reply.value);
    }
  }

  private failed(code: 'AUDIT_FAILED' | 'STORE_FAILED', cause: unknown): VigilError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const what = code === 'AUDIT_FAILED' ? 'the audit record could not be stored' : 'the write could not be done';
    return new VigilError(code, `${what}: ${reason}`, {}, { cause });
  }

  /** The thread died: everything waiting fails, and so does everything asked from now on. */
  private fail(error: Error): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
    this.outgoing = [];
    this.onFailure(error);
  }
}
