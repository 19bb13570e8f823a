import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUtf8Lines, type TextLine } from './index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-lines-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function lines(content: Buffer | string): Promise<TextLine[]> {
  const file = join(dir, `f-${Math.random().toString(36).slice(2)}`);
  await writeFile(file, content);
  const out: TextLine[] = [];
  for await (const line of readUtf8Lines(file)) out.push(line);
  return out;
}

describe('readUtf8Lines', () => {
  it('drops a byte-order mark and CR, keeps empty lines and a last line without newline', async () => {
    expect(await lines('\uFEFFone\r\n\r\nتجربة\nПривет')).toEqual([
      { line: 1, text: 'one' },
      { line: 2, text: '' },
      { line: 3, text: 'تجربة' },
      { line: 4, text: 'Привет' },
    ]);
  });

  it('joins a line that spans read chunks without splitting a multi-byte character', async () => {
    const long = 'Ж'.repeat(700_000); // 1.4 MB: crosses the 1 MiB read size mid-character
    const result = await lines(`a\n${long}\nb\n`);
    expect(result.map((line) => line.text.length)).toEqual([1, 700_000, 1]);
    expect(result[1]?.text).toBe(long);
  });

  it('names the line of the first invalid byte sequence', async () => {
    const content = Buffer.concat([Buffer.from('ok\nok\n'), Buffer.from([0x41, 0xc3, 0x28]), Buffer.from('\n')]);
    await expect(lines(content)).rejects.toMatchObject({ code: 'LIST_PARSE_FAILED', details: { line: 3 } });
  });
});
