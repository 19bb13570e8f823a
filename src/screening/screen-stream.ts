import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { createScreener, type MatchIndex, type ScreenerOptions } from '../matching/index.js';
import { screenLine, type LineOptions } from './screen-line.js';
import type { ChunkResponse } from './screen-worker.js';
import { ScreeningPool } from './worker-pool.js';

export interface ScreenStreamOptions {
  screener?: ScreenerOptions;
  line?: LineOptions;
  /** Worker threads for large inputs; default every core, 0 or 1 screens on this thread. */
  workers?: number;
  /** Inputs shorter than this are screened on this thread: starting workers costs more. */
  workerThreshold?: number;
  chunkSize?: number;
  onProgress?: (screened: number) => void;
}

export interface ScreenStreamSummary {
  subjects: number;
  failed: number;
  workers: number;
}

/** Non-blank input lines with their 1-based line numbers, for error messages. */
interface Chunk {
  lineNumbers: number[];
  lines: string[];
}

async function write(output: Writable, text: string): Promise<void> {
  if (!output.write(text)) await once(output, 'drain');
}

/**
 * Screens JSON lines (one subject each) from `input` and writes one result line per subject to
 * `output`, in input order. Blank lines are skipped; a bad line yields an error line and the run
 * goes on.
 */
export async function screenStream(index: MatchIndex, input: Readable, output: Writable, options: ScreenStreamOptions = {}): Promise<ScreenStreamSummary> {
  const chunkSize = options.chunkSize ?? 500;
  const threshold = options.workerThreshold ?? 4_000;
  const workerCount = options.workers ?? availableParallelism();
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();

  let lineNumber = 0;
  async function nextChunk(): Promise<Chunk | undefined> {
    const chunk: string[] = [];
    const numbers: number[] = [];
    while (chunk.length < chunkSize) {
      const next = await lines.next();
      if (next.done === true) break;
      lineNumber += 1;
      if (next.value.trim() === '') continue;
      numbers.push(lineNumber);
      chunk.push(next.value);
    }
    return chunk.length > 0 ? { lineNumbers: numbers, lines: chunk } : undefined;
  }

  // Read ahead up to the threshold to decide whether workers pay for themselves.
  const head: Chunk[] = [];
  let headLines = 0;
  let exhausted = false;
  while (headLines < threshold) {
    const chunk = await nextChunk();
    if (chunk === undefined) {
      exhausted = true;
      break;
    }
    head.push(chunk);
    headLines += chunk.lines.length;
  }

  let subjects = 0;
  let failed = 0;
  if (exhausted || workerCount <= 1) {
    const screener = createScreener(index, options.screener);
    const screenChunk = async (chunk: Chunk): Promise<void> => {
      const out: string[] = [];
      chunk.lines.forEach((line, offset) => {
        const screened = screenLine(screener, line, chunk.lineNumbers[offset] ?? 0, options.line);
        out.push(screened.output);
        if (screened.failed) failed += 1;
      });
      subjects += chunk.lines.length;
      await write(output, `${out.join('\n')}\n`);
      options.onProgress?.(subjects);
    };
    for (const chunk of head) await screenChunk(chunk);
    for (let chunk = await nextChunk(); chunk !== undefined; chunk = await nextChunk()) await screenChunk(chunk);
    return { subjects, failed, workers: 0 };
  }

  const pool = new ScreeningPool(workerCount, { index: index.toTransferable(), screener: options.screener ?? {}, line: options.line ?? {} });
  try {
    const inFlight: Array<Promise<ChunkResponse>> = [];
    let chunkId = 0;
    const flushOne = async (): Promise<void> => {
      const response = await inFlight.shift();
      if (response === undefined) return;
      subjects += response.outputs.length;
      failed += response.failed;
      await write(output, `${response.outputs.join('\n')}\n`);
      options.onProgress?.(subjects);
    };
    const submit = async (chunk: Chunk): Promise<void> => {
      inFlight.push(pool.screen({ chunk: chunkId, lineNumbers: chunk.lineNumbers, lines: chunk.lines }));
      chunkId += 1;
      // Keep every worker busy with one chunk queued behind it, and memory bounded.
      if (inFlight.length >= workerCount * 3) await flushOne();
    };
    for (const chunk of head) await submit(chunk);
    for (let chunk = await nextChunk(); chunk !== undefined; chunk = await nextChunk()) await submit(chunk);
    while (inFlight.length > 0) await flushOne();
  } finally {
    await pool.close();
  }
  return { subjects, failed, workers: workerCount };
}
