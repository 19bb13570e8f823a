import { parentPort, workerData } from 'node:worker_threads';
import { createScreener, MatchIndex, type ScreenerOptions, type TransferableIndex } from '../matching/index.js';
import { screenLine, type LineOptions } from './screen-line.js';

/** What the pool hands each worker once: the shared index and the screening settings. */
export interface WorkerSetup {
  index: TransferableIndex;
  screener: ScreenerOptions;
  line: LineOptions;
}

export interface ChunkRequest {
  chunk: number;
  lineNumbers: number[];
  lines: string[];
}

export interface ChunkResponse {
  chunk: number;
  outputs: string[];
  failed: number;
}

const setup = workerData as WorkerSetup;
const screener = createScreener(MatchIndex.fromTransferable(setup.index), setup.screener);

parentPort?.on('message', (request: ChunkRequest) => {
  const outputs: string[] = [];
  let failed = 0;
  request.lines.forEach((line, offset) => {
    const screened = screenLine(screener, line, request.lineNumbers[offset] ?? 0, setup.line);
    outputs.push(screened.output);
    if (screened.failed) failed += 1;
  });
  const response: ChunkResponse = { chunk: request.chunk, outputs, failed };
  parentPort?.postMessage(response);
});
