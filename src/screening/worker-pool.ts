import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChunkRequest, ChunkResponse, WorkerSetup } from './screen-worker.js';

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

/** A fixed set of screening workers sharing one index; chunks are answered in any order. */
export class ScreeningPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (r: ChunkResponse) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(size: number, setup: WorkerSetup) {
    this.workers = Array.from({ length: size }, () => {
      const worker = startWorker(setup);
      worker.on('message', (response: ChunkResponse) => {
        const waiting = this.pending.get(response.chunk);
        this.pending.delete(response.chunk);
        waiting?.resolve(response);
      });
      worker.on('error', (error) => this.failAll(error));
      return worker;
    });
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  screen(request: ChunkRequest): Promise<ChunkResponse> {
    const worker = this.workers[this.next % this.workers.length];
    this.next += 1;
    return new Promise((resolve, reject) => {
      this.pending.set(request.chunk, { resolve, reject });
      worker?.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
