import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BlockRequest, BlockResponse, ReadyMessage, WorkerSetup } from './screen-worker.js';

/**
 * Compiled, the worker is a .js file beside this one. Under tsx or vitest this module runs from
 * its .ts source, and the worker must too: a small eval'd bootstrap registers tsx in the worker
 * (loader flags are not inherited by workers on Node 20) and then imports the TypeScript worker.
 */
function startWorker(setup: WorkerSetup): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./screen-worker.js', import.meta.url), { workerData: setup });
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const worker = new URL('./screen-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: setup });
}

interface Waiting {
  resolve: (response: BlockResponse) => void;
  reject: (error: Error) => void;
}

interface PooledWorker {
  worker: Worker;
  /** Whether it has loaded the index (a worker takes a second or more to start). */
  ready: boolean;
  /** Blocks sent and not yet answered, by block id. */
  readonly waiting: Map<number, Waiting>;
}

/**
 * A fixed set of screening workers sharing one index. Each block goes to the worker with the
 * fewest blocks in hand, so a slow or still-starting worker is not handed more than its share;
 * blocks are answered in any order.
 */
export class ScreeningPool {
  private readonly workers: PooledWorker[];
  /** The first worker failure: the run stops on it rather than going on with fewer threads unnoticed. */
  private failure: Error | undefined;

  constructor(size: number, setup: WorkerSetup) {
    this.workers = Array.from({ length: size }, () => {
      const pooled: PooledWorker = { worker: startWorker(setup), ready: false, waiting: new Map() };
      pooled.worker.on('message', (response: BlockResponse | ReadyMessage) => {
        if ('ready' in response) {
          pooled.ready = true;
          return;
        }
        const waiting = pooled.waiting.get(response.block);
        pooled.waiting.delete(response.block);
        waiting?.resolve(response);
      });
      pooled.worker.on('error', (error) => this.failAll(error));
      pooled.worker.on('exit', (code) => this.failAll(new Error(`a screening worker stopped (exit code ${code})`)));
      return pooled;
    });
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const pooled of this.workers) {
      for (const waiting of pooled.waiting.values()) waiting.reject(error);
      pooled.waiting.clear();
    }
  }

  /** The worker with the fewest blocks in hand, a started one if any. */
  private leastBusy(): PooledWorker | undefined {
    let best: PooledWorker | undefined;
    for (const pooled of this.workers) {
      if (best === undefined || (pooled.ready && !best.ready) || (pooled.ready === best.ready && pooled.waiting.size < best.waiting.size)) best = pooled;
    }
    return best;
  }

  /**
   * Whether some started worker holds fewer than `depth` blocks. A block handed to a worker
   * still starting would hold back every later result (output keeps input order), so the
   * caller screens it itself instead.
   */
  hasRoom(depth: number): boolean {
    if (this.failure !== undefined) throw this.failure;
    const pooled = this.leastBusy();
    return pooled !== undefined && pooled.ready && pooled.waiting.size < depth;
  }

  /** Hands a block to the least busy worker (queued there if it is still starting). */
  screen(request: BlockRequest): Promise<BlockResponse> {
    const pooled = this.leastBusy();
    if (pooled === undefined) return Promise.reject(new Error('the screening pool has no workers'));
    return new Promise((resolve, reject) => {
      pooled.waiting.set(request.block, { resolve, reject });
      pooled.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((pooled) => pooled.worker.terminate()));
  }
}
