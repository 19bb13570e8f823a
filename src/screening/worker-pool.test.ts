import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Entity } from '../domain/index.js';
import { createUnAdapter } from '../lists/un/index.js';
import { buildIndex, createScreener, type MatchIndex } from '../matching/index.js';
import { screenBlock } from './screen-line.js';
import { ScreeningPool } from './worker-pool.js';

const UN_FILE = resolve(process.cwd(), '../shared/data/un/consolidated_2026-02-27.xml');

describe('ScreeningPool', () => {
  let index: MatchIndex;
  beforeAll(async () => {
    const entities: Entity[] = [];
    for await (const record of createUnAdapter({ file: UN_FILE }).records()) if (record.kind === 'entity') entities.push(Entity.parse(record.entity));
    index = buildIndex(entities);
  });

  it('answers a block in a worker exactly as this thread does, numbering lines from the block start', async () => {
    const text = ['{"id":"a","name":"Aiman al-Zawahiri"}', '', 'not json', '{"id":"b","name":"Jane Doe"}'].join('\n');
    const pool = new ScreeningPool(1);
    pool.load(index, { screener: {}, line: {} });
    try {
      const [first, second] = await Promise.all([pool.screen({ block: 0, text, firstLine: 41 }), pool.screen({ block: 1, text: '{"id":"c","name":"Hafiz Saeed"}', firstLine: 45 })]);
      expect(first).toEqual({ block: 0, ...screenBlock(createScreener(index), text, 41) });
      expect(first?.output).toMatch(/line 43: not valid JSON/);
      expect(first).toMatchObject({ subjects: 3, failed: 1 });
      expect(second).toMatchObject({ block: 1, subjects: 1, failed: 0 });
      // Once a worker has answered it is started, and takes blocks up to the depth asked.
      expect(pool.hasRoom(1)).toBe(true);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('refuses blocks before an index is loaded, and screens with the settings of the latest load', async () => {
    const pool = new ScreeningPool(1);
    const text = '{"id":"a","name":"Aiman al-Zawahiri"}';
    try {
      await expect(pool.screen({ block: 0, text, firstLine: 1 })).rejects.toThrow(/no index/);
      pool.load(index, { screener: {}, line: {} });
      const full = await pool.screen({ block: 1, text, firstLine: 1 });
      expect(JSON.parse(full.output).hits.length).toBeGreaterThan(0);
      // Loaded again with other settings: later blocks follow them.
      pool.load(index, { screener: {}, line: { maxHits: 0 } });
      const limited = await pool.screen({ block: 2, text, firstLine: 1 });
      expect(JSON.parse(limited.output).hits).toHaveLength(0);
      expect(limited.output).toBe(screenBlock(createScreener(index), text, 1, { maxHits: 0 }).output);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
