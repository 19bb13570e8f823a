import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MatchIndex } from '../matching/index.js';
import type { BlockRequest, BlockResponse, LoadRequest, ReadyMessage, WorkerSetup } from './screen-worker.js';

/**
 * Compiled, the worker is a .js file beside this one. Under tsx or vitest this module runs from
 * its .ts source, and the worker must too: a small eval'd bootstrap registers tsx in the worker
 * (loader flags are not inherited by workers on Node 20) and then imports the TypeScript worker.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./screen-worker.js', import.meta.url));
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const worker = new URL('./screen-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(bootstrap, { eval: true });
}

interface Waiting {
  resolve: (response: BlockResponse) => void;
  reject: (error: Error) => void;
}

interface PooledWorker {
  worker: Worker;
  /** Whether it has loaded the current index (loading takes from milliseconds to seconds). */
  ready: boolean;
  /** Blocks sent and not yet answered, by block id. */
  readonly waiting: Map<number, Waiting>;
}

/** The settings a pool's workers screen with, beside the index (see `WorkerSetup`). */
export type PoolSettings = Omit<WorkerSetup, 'index'>;

/**
 * A fixed set of screening workers. Workers start (and warm up their code) as soon as the pool
 * is made, before there is an index: a caller that makes the pool first and then reads the lists
 * gets workers that are ready the moment the index is. `load` hands them an index; each block
 * then goes to the worker with the fewest blocks in hand, and blocks are answered in any order.
 * A pool may be loaded again (another index or settings) and used for several runs.
 */
export class ScreeningPool {
  private readonly workers: PooledWorker[];
  /** The first worker failure: the run stops on it rather than going on with fewer threads unnoticed. */
  private failure: Error | undefined;
  private generation = 0;
  private loaded: { index: MatchIndex; settings: string } | undefined;
  private closing = false;

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => {
      const pooled: PooledWorker = { worker: startWorker(), ready: false, waiting: new Map() };
      pooled.worker.on('message', (response: BlockResponse | ReadyMessage) => {
        if ('ready' in response) {
          if (response.ready === this.generation) pooled.ready = true;
          return;
        }
        const waiting = pooled.waiting.get(response.block);
        pooled.waiting.delete(response.block);
        waiting?.resolve(response);
      });
      pooled.worker.on('error', (error) => this.failAll(error));
      pooled.worker.on('exit', (code) => {
        if (!this.closing) this.failAll(new Error(`a screening worker stopped (exit code ${code})`));
      });
      return pooled;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Hands the workers an index and settings (nothing is sent when they already have these).
   * Blocks sent afterwards are screened with them; until a worker has loaded them it is not
   * counted as having room (`hasRoom`).
   */
  load(index: MatchIndex, settings: PoolSettings): void {
    const key = JSON.stringify(settings);
    if (this.loaded?.index === index && this.loaded.settings === key) return;
    this.loaded = { index, settings: key };
    this.generation += 1;
    const request: LoadRequest = { load: { index: index.toTransferable(), ...settings }, generation: this.generation };
    for (const pooled of this.workers) {
      pooled.ready = false;
      pooled.worker.postMessage(request);
    }
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const pooled of this.workers) {
      for (const waiting of pooled.waiting.values()) waiting.reject(error);
      pooled.waiting.clear();
    }
  }

  /** The worker with the fewest blocks in hand, a loaded one if any. */
  private leastBusy(): PooledWorker | undefined {
    let best: PooledWorker | undefined;
    for (const pooled of this.workers) {
      if (best === undefined || (pooled.ready && !best.ready) || (pooled.ready === best.ready && pooled.waiting.size < best.waiting.size)) best = pooled;
    }
    return best;
  }

  /**
   * Whether some loaded worker holds fewer than `depth` blocks. A block handed to a worker
   * still loading would hold back every later result (output keeps input order), so the
   * caller screens it itself instead.
   */
  hasRoom(depth: number): boolean {
    if (this.failure !== undefined) throw this.failure;
    const pooled = this.leastBusy();
    return pooled !== undefined && pooled.ready && pooled.waiting.size < depth;
  }

  /** Hands a block to the least busy worker (queued there if it is still loading). */
  screen(request: BlockRequest): Promise<BlockResponse> {
    if (this.loaded === undefined) return Promise.reject(new Error('the screening pool has no index: call load first'));
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const pooled = this.leastBusy();
    if (pooled === undefined) return Promise.reject(new Error('the screening pool has no workers'));
    return new Promise((resolve, reject) => {
      pooled.waiting.set(request.block, { resolve, reject });
      pooled.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((pooled) => pooled.worker.terminate()));
  }
}
