import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createScreener, type MatchIndex, type ScreenerOptions } from '../matching/index.js';
import { lineBlocks, type LineBlock } from './line-blocks.js';
import { screenBlock, type LineOptions, type ScreenedBlock } from './screen-line.js';
import { ScreeningPool } from './worker-pool.js';

export interface ScreenStreamOptions {
  screener?: ScreenerOptions;
  line?: LineOptions;
  /**
   * Threads that screen large inputs, this one included (it screens between handing out
   * blocks): default every core; 0 or 1 screens on this thread alone.
   */
  workers?: number;
  /** Inputs shorter than this many lines are screened on this thread: starting workers costs more. */
  workerThreshold?: number;
  /** Lines per block handed to a thread. */
  chunkSize?: number;
  /**
   * Workers started earlier (see `ScreeningPool`): used whatever the input's size, loaded with
   * this index, and left running for the caller to close. Without it, a pool of `workers - 1`
   * is started for a large input and closed at the end.
   */
  pool?: ScreeningPool;
  onProgress?: (screened: number) => void;
}

export interface ScreenStreamSummary {
  subjects: number;
  failed: number;
  /** Threads that screened, this one included; 0 when this thread screened alone. */
  workers: number;
}

/**
 * Blocks a worker holds at once. This thread hands out blocks only between the blocks it
 * screens itself, so a worker needs enough in hand to stay busy meanwhile.
 */
const WORKER_DEPTH = 3;

/** A block's result, pending on a worker or ready, in input order. */
interface Slot {
  readonly result: Promise<ScreenedBlock>;
  ready: boolean;
}

/** Writes block results in input order, as soon as the earliest is ready. */
class OrderedOutput {
  private readonly slots: Slot[] = [];
  subjects = 0;
  failed = 0;

  constructor(
    private readonly output: Writable,
    private readonly onProgress: ((screened: number) => void) | undefined,
  ) {}

  get pending(): number {
    return this.slots.length;
  }

  add(result: Promise<ScreenedBlock>): void {
    const slot: Slot = { result, ready: false };
    // Marks readiness only; a failure surfaces when the slot is written (`writeFirst`).
    result.then(
      () => (slot.ready = true),
      () => (slot.ready = true),
    );
    this.slots.push(slot);
  }

  addReady(block: ScreenedBlock): void {
    this.slots.push({ result: Promise.resolve(block), ready: true });
  }

  /** Writes the earliest block, waiting for it if need be. */
  async writeFirst(): Promise<void> {
    const slot = this.slots.shift();
    if (slot === undefined) return;
    const block = await slot.result;
    this.subjects += block.subjects;
    this.failed += block.failed;
    if (block.output !== '' && !this.output.write(block.output)) await once(this.output, 'drain');
    this.onProgress?.(this.subjects);
  }

  async writeReady(): Promise<void> {
    while (this.slots[0]?.ready === true) await this.writeFirst();
  }

  async writeAll(): Promise<void> {
    while (this.slots.length > 0) await this.writeFirst();
  }
}

async function readHead(blocks: AsyncIterator<LineBlock>, lines: number): Promise<{ head: LineBlock[]; exhausted: boolean }> {
  const head: LineBlock[] = [];
  let read = 0;
  while (read < lines) {
    const next = await blocks.next();
    if (next.done === true) return { head, exhausted: true };
    head.push(next.value);
    read += next.value.lines;
  }
  return { head, exhausted: false };
}

/**
 * Screens JSON lines (one subject each) from `input` and writes one result line per subject to
 * `output`, in input order. Blank lines are skipped; a bad line yields an error line and the run
 * goes on.
 *
 * Large inputs are cut into blocks of lines; worker threads sharing the index screen most of
 * them and this thread screens the rest, starting at once while the workers are still loading.
 */
export async function screenStream(index: MatchIndex, input: Readable, output: Writable, options: ScreenStreamOptions = {}): Promise<ScreenStreamSummary> {
  const threads = options.workers ?? availableParallelism();
  const blocks = lineBlocks(input, options.chunkSize ?? 500)[Symbol.asyncIterator]();
  // Read ahead up to the threshold to decide whether workers pay for themselves.
  const { head, exhausted } = await readHead(blocks, options.workerThreshold ?? 4_000);
  const screener = createScreener(index, options.screener);
  const ownPool = options.pool === undefined && !exhausted && threads > 1 ? new ScreeningPool(threads - 1) : undefined;
  const pool = options.pool ?? ownPool;
  pool?.load(index, { screener: options.screener ?? {}, line: options.line ?? {} });
  const threadCount = pool === undefined ? 1 : pool.size + 1;
  const out = new OrderedOutput(output, options.onProgress);
  // Bounds memory: results waiting for an earlier block to be written.
  const mostPending = Math.max(4, threadCount * WORKER_DEPTH * 4);
  let blockId = 0;

  const dispatch = async (block: LineBlock): Promise<void> => {
    if (pool?.hasRoom(WORKER_DEPTH) === true) {
      out.add(pool.screen({ block: blockId, text: block.text, firstLine: block.firstLine }));
    } else {
      out.addReady(screenBlock(screener, block.text, block.firstLine, options.line));
      // Let the workers' answers in, so they get their next blocks.
      if (pool !== undefined) await nextTurn();
    }
    blockId += 1;
    await out.writeReady();
    while (out.pending >= mostPending) await out.writeFirst();
  };

  try {
    for (const block of head) await dispatch(block);
    for (let next = await blocks.next(); next.done !== true; next = await blocks.next()) await dispatch(next.value);
    await out.writeAll();
  } finally {
    await ownPool?.close();
  }
  return { subjects: out.subjects, failed: out.failed, workers: pool === undefined ? 0 : threadCount };
}
