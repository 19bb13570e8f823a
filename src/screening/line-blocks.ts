import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** Consecutive input lines, joined by `\n`, the first of them line `firstLine` (1-based). */
export interface LineBlock {
  text: string;
  firstLine: number;
  /** Lines in `text`, blank ones included: the next block starts at `firstLine + lines`. */
  lines: number;
}

/** Line breaks as readline reads them: `\r\n`, or a lone `\r`, are one break like `\n`. */
function normaliseBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Splits a stream of JSON lines into blocks of `linesPerBlock` lines (the last one shorter). A
 * block is one string, so it travels to a worker thread as one message and is split there:
 * the main thread only looks for line ends, never at a line. Line numbers are the input's, as
 * readline would count them.
 */
export async function* lineBlocks(input: Readable, linesPerBlock: number): AsyncGenerator<LineBlock> {
  const decoder = new StringDecoder('utf8');
  let buffer = '';
  let firstLine = 1;
  // A piece ending in `\r` may be the first half of a `\r\n` that the next piece completes.
  let heldCarriageReturn = false;

  function* cut(): Generator<LineBlock> {
    let blockStart = 0;
    let scan = 0;
    let lines = 0;
    for (;;) {
      const end = buffer.indexOf('\n', scan);
      if (end < 0) break;
      lines += 1;
      scan = end + 1;
      if (lines === linesPerBlock) {
        yield { text: buffer.slice(blockStart, end), firstLine, lines };
        firstLine += lines;
        lines = 0;
        blockStart = scan;
      }
    }
    buffer = buffer.slice(blockStart);
  }

  for await (const piece of input as AsyncIterable<string | Buffer>) {
    let text: string = (heldCarriageReturn ? '\r' : '') + (typeof piece === 'string' ? piece : decoder.write(piece));
    heldCarriageReturn = text.endsWith('\r');
    if (heldCarriageReturn) text = text.slice(0, -1);
    buffer += normaliseBreaks(text);
    yield* cut();
  }
  buffer += normaliseBreaks(decoder.end() + (heldCarriageReturn ? '\r' : ''));
  yield* cut();
  if (buffer === '') return;
  // What is left holds fewer than `linesPerBlock` lines; a final line end closes the last one.
  const text = buffer.endsWith('\n') ? buffer.slice(0, -1) : buffer;
  yield { text, firstLine, lines: countLines(text) };
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}
