import { parentPort } from 'node:worker_threads';
import { createScreener, MatchIndex, warmUpMatching, type Screener, type ScreenerOptions, type TransferableIndex } from '../matching/index.js';
import { screenBlock, type LineOptions, type ScreenedBlock } from './screen-line.js';

/** What the pool hands a worker before its blocks: the shared index and the screening settings. */
export interface WorkerSetup {
  index: TransferableIndex;
  screener: ScreenerOptions;
  line: LineOptions;
}

export interface LoadRequest {
  load: WorkerSetup;
  /** Which load this is: the worker answers it when ready, and the pool ignores stale answers. */
  generation: number;
}

/** A block of input lines (see `LineBlock`), sent as one string. */
export interface BlockRequest {
  block: number;
  text: string;
  firstLine: number;
}

export interface BlockResponse extends ScreenedBlock {
  block: number;
}

/** Sent once the worker has loaded an index: until then the pool hands it nothing it could wait on. */
export interface ReadyMessage {
  ready: number;
}

// Before any index arrives (the caller is usually still reading the lists): the first block
// then runs at full speed instead of paying for dictionaries and compilation.
warmUpMatching();

let current: { screener: Screener; line: LineOptions } | undefined;

parentPort?.on('message', (request: BlockRequest | LoadRequest) => {
  if ('load' in request) {
    current = { screener: createScreener(MatchIndex.fromTransferable(request.load.index), request.load.screener), line: request.load.line };
    const ready: ReadyMessage = { ready: request.generation };
    parentPort?.postMessage(ready);
    return;
  }
  if (current === undefined) throw new Error('a screening block arrived before any index');
  const response: BlockResponse = { block: request.block, ...screenBlock(current.screener, request.text, request.firstLine, current.line) };
  parentPort?.postMessage(response);
});
