import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineBlocks } from './line-blocks.js';

/** Lines with their 1-based numbers as readline gives them: what `vigil screen` promised before blocks. */
async function readlineLines(pieces: readonly Buffer[]): Promise<Array<[number, string]>> {
  const out: Array<[number, string]> = [];
  let n = 0;
  for await (const line of createInterface({ input: Readable.from(pieces), crlfDelay: Infinity })) out.push([(n += 1), line]);
  return out;
}

async function blockLines(pieces: readonly Buffer[], linesPerBlock: number): Promise<Array<[number, string]>> {
  const out: Array<[number, string]> = [];
  let expectedFirst = 1;
  for await (const block of lineBlocks(Readable.from(pieces), linesPerBlock)) {
    expect(block.firstLine).toBe(expectedFirst);
    const lines = block.text.split('\n');
    expect(lines.length).toBe(block.lines);
    lines.forEach((line, offset) => out.push([block.firstLine + offset, line]));
    expectedFirst += block.lines;
  }
  return out;
}

/** Only non-blank lines are screened, so those (and their numbers) are what must agree. */
function screened(lines: Array<[number, string]>): Array<[number, string]> {
  return lines.filter(([, line]) => line.trim() !== '');
}

describe('lineBlocks', () => {
  it('numbers and splits lines as readline does, whatever the line breaks and read boundaries', async () => {
    const text = fc.array(fc.constantFrom('a', 'é', '名', ' ', '\n', '\r', '\r\n', '{"id":1}'), { maxLength: 60 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(80), { maxLength: 4 }), fc.integer({ min: 1, max: 4 }), async (input, cuts, linesPerBlock) => {
        // Cut the UTF-8 bytes anywhere, inside a character or between `\r` and `\n` included.
        const bytes = Buffer.from(input, 'utf8');
        const at = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
        const pieces = [0, ...at].map((from, k) => bytes.subarray(from, at[k] ?? bytes.length)).filter((p) => p.length > 0);
        expect(screened(await blockLines(pieces, linesPerBlock))).toEqual(screened(await readlineLines(pieces)));
      }),
      { numRuns: 300 },
    );
  });

  it('cuts blocks of the requested size, the last one shorter', async () => {
    const input = Array.from({ length: 7 }, (_, n) => `line ${n + 1}`).join('\n');
    const blocks = [];
    for await (const block of lineBlocks(Readable.from([input]), 3)) blocks.push(block);
    expect(blocks).toEqual([
      { text: 'line 1\nline 2\nline 3', firstLine: 1, lines: 3 },
      { text: 'line 4\nline 5\nline 6', firstLine: 4, lines: 3 },
      { text: 'line 7', firstLine: 7, lines: 1 },
    ]);
  });
});
