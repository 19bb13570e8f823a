import { resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { Entity } from '../../src/domain/index.js';
import { createUnAdapter } from '../../src/lists/un/index.js';
import { buildIndex, type MatchIndex } from '../../src/matching/index.js';
import { ScreeningPool, screenStream } from '../../src/screening/index.js';

const UN_FILE = resolve(process.cwd(), '../shared/data/un/consolidated_2026-02-27.xml');

async function run(index: MatchIndex, lines: string[], options: Parameters<typeof screenStream>[3] = {}): Promise<{ out: Array<Record<string, unknown>>; summary: Awaited<ReturnType<typeof screenStream>> }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const summary = await screenStream(index, Readable.from([lines.join('\n')]), output, options);
  output.end();
  const out = Buffer.concat(chunks).toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  return { out, summary };
}

describe('vigil screen streaming contract', () => {
  let index: MatchIndex;
  beforeAll(async () => {
    const entities: Entity[] = [];
    for await (const record of createUnAdapter({ file: UN_FILE }).records()) if (record.kind === 'entity') entities.push(Entity.parse(record.entity));
    index = buildIndex(entities);
  });

  it('answers every line in input order, with error lines for bad input, on this thread', async () => {
    const { out, summary } = await run(index, [
      '{"id":"a","name":"Aiman Muhammed Rabi al-Zawahiri","birthDate":"1951-06-19"}',
      '{"id":"b","name":"Jane Doe"}',
      'not json',
      '{"id":"c","name":"X","birthDate":"19 June 1951"}',
      '',
      '{"id":"d","nam":"typo in the field name"}',
    ]);
    expect(out.map((line) => line.id ?? null)).toEqual(['a', 'b', null, 'c', 'd']);
    expect(out[0]).toMatchObject({ decision: 'match' });
    expect((out[0]?.hits as Array<{ entityId: string }>)[0]?.entityId).toBe('un-sc:QDi.006');
    expect(out[1]).toMatchObject({ decision: 'clear', hits: [] });
    expect(out[2]?.error).toMatch(/line 3: not valid JSON/);
    expect(out[3]?.error).toMatch(/line 4: birthDate/);
    expect(out[4]?.error).toMatch(/line 6/);
    expect(summary).toMatchObject({ subjects: 5, failed: 3, workers: 0 });
  });

  it('keeps input order with worker threads and gives the same answers as one thread', async () => {
    const names = ['Aiman al-Zawahiri', 'Jane Doe', 'Hafiz Saeed', 'Maria Garcia', 'Joseph Kony', 'Li Wei'];
    const lines = Array.from({ length: 1_200 }, (_, n) => JSON.stringify({ id: `s${n}`, name: names[n % names.length] }));
    lines.splice(700, 0, '{broken');
    const single = await run(index, lines, { workers: 1 });
    const pooled = await run(index, lines, { workers: 2, workerThreshold: 100, chunkSize: 64 });
    expect(pooled.summary.workers).toBe(2);
    expect(pooled.out).toEqual(single.out);
    expect(pooled.out[700]?.error).toMatch(/line 701/);
    expect(pooled.summary).toMatchObject({ subjects: 1_201, failed: 1 });
  }, 60_000);

  it("uses a pool started before the index, whatever the input's size, and leaves it open for the next run", async () => {
    const pool = new ScreeningPool(1);
    try {
      const lines = Array.from({ length: 300 }, (_, n) => JSON.stringify({ id: `p${n}`, name: n % 2 === 0 ? 'Aiman al-Zawahiri' : 'Maria Garcia' }));
      const single = await run(index, lines, { workers: 1 });
      const first = await run(index, lines, { pool, chunkSize: 16 });
      expect(first.summary.workers).toBe(2);
      expect(first.out).toEqual(single.out);
      // The same pool serves a second run (it was not closed), with settings of its own.
      const second = await run(index, lines, { pool, chunkSize: 16, line: { maxHits: 0 } });
      expect(second.out.every((line) => Array.isArray(line.hits) && line.hits.length === 0)).toBe(true);
      expect(second.out.map((line) => line.decision)).toEqual(single.out.map((line) => line.decision));
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('limits hits per subject when asked', async () => {
    const { out } = await run(index, ['{"id":"m","name":"Mohammed"}'], { screener: { reviewThreshold: 0.3, matchThreshold: 0.95 }, line: { maxHits: 2 } });
    expect((out[0]?.hits as unknown[]).length).toBeLessThanOrEqual(2);
  });
});
