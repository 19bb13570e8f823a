import { parentPort, workerData } from 'node:worker_threads';
import { createScreener, MatchIndex, type ScreenerOptions, type TransferableIndex } from '../matching/index.js';
import { screenBlock, type LineOptions, type ScreenedBlock } from './screen-line.js';

/** What the pool hands each worker once: the shared index and the screening settings. */
export interface WorkerSetup {
  index: TransferableIndex;
  screener: ScreenerOptions;
  line: LineOptions;
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

/** Sent once the worker has loaded the index: until then the pool hands it nothing it could wait on. */
export interface ReadyMessage {
  ready: true;
}

const setup = workerData as WorkerSetup;
const screener = createScreener(MatchIndex.fromTransferable(setup.index), setup.screener);

parentPort?.on('message', (request: BlockRequest) => {
  const response: BlockResponse = { block: request.block, ...screenBlock(screener, request.text, request.firstLine, setup.line) };
  parentPort?.postMessage(response);
});
const ready: ReadyMessage = { ready: true };
parentPort?.postMessage(ready);
