import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Subject } from '../domain/index.js';
import type { SubjectKeys } from './subject-keys.js';

/**
 * Name analysis for bulk enrolment on a worker thread, so that analysing the next chunk of
 * subjects overlaps with writing the last one (analysis and the database each take about half
 * of an enrolment). Compiled, the worker is the .js file beside this one; under tsx or vitest
 * a small bootstrap registers tsx in the worker first, as src/screening does for its pool.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./key-worker-entry.js', import.meta.url));
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./key-worker-entry.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

export interface KeyRequest {
  id: number;
  subjects: Subject[];
}

export type KeyResponse = { id: number; keys: SubjectKeys[] } | { id: number; error: string };

export class KeyWorker {
  private readonly worker = startWorker();
  private readonly pending = new Map<number, { resolve: (keys: SubjectKeys[]) => void; reject: (error: Error) => void }>();
  private next = 0;

  constructor() {
    this.worker.on('message', (response: KeyResponse) => {
      const waiting = this.pending.get(response.id);
      this.pending.delete(response.id);
      if ('error' in response) waiting?.reject(new Error(response.error));
      else waiting?.resolve(response.keys);
    });
    this.worker.on('error', (error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    });
  }

  /** The keys of each subject, in order. */
  keysOf(subjects: Subject[]): Promise<SubjectKeys[]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, subjects } satisfies KeyRequest);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
