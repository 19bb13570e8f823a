import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles, type ListDiff, type Store } from '../../src/store/index.js';
import { openTestStore } from '../helpers/test-store.js';

const OFAC = resolve(process.cwd(), '../shared/data/ofac');
const historyFiles = readdirSync(join(OFAC, 'history'))
  .filter((name) => name.startsWith('sdn_'))
  .sort()
  .map((name) => join(OFAC, 'history', name));

interface PublishedDiff {
  added: number;
  removed: number;
  modified: number;
}

/** The published per-date counts; a date with several commits sums them. */
function publishedDiffs(): Map<string, PublishedDiff> {
  const rows = readFileSync(join(OFAC, 'consecutive_diffs.csv'), 'utf8').trim().split('\n').slice(1);
  const byDate = new Map<string, PublishedDiff>();
  for (const row of rows) {
    const [date = '', , added = '0', removed = '0', modified = '0'] = row.split(',');
    const sum = byDate.get(date) ?? { added: 0, removed: 0, modified: 0 };
    byDate.set(date, { added: sum.added + Number(added), removed: sum.removed + Number(removed), modified: sum.modified + Number(modified) });
  }
  return byDate;
}

function dateOf(file: string): string {
  return /sdn_(\d{4}-\d{2}-\d{2})\.csv$/.exec(file)?.[1] ?? '';
}

describe('the real OFAC SDN history as versions', () => {
  let store: Store;
  const diffs: Array<{ date: string; diff: ListDiff }> = [];

  beforeAll(async () => {
    store = await openTestStore();
    await importFiles(store, historyFiles);
    const versions = await store.listVersions('ofac-sdn');
    for (const version of versions.slice(1)) {
      diffs.push({ date: dateOf(version.fileNames[0] ?? ''), diff: await store.diff('ofac-sdn', version.version - 1, version.version) });
    }
  }, 240_000);

  afterAll(async () => {
    await store?.close();
  });

  it('keeps one version per published file', async () => {
    const versions = await store.listVersions('ofac-sdn');
    expect(versions).toHaveLength(historyFiles.length);
    expect(versions.map((v) => dateOf(v.fileNames[0] ?? ''))).toEqual(historyFiles.map(dateOf));
  });

  it('finds the added and removed entities OFAC published for every consecutive pair', () => {
    const published = publishedDiffs();
    expect(diffs.length).toBe(historyFiles.length - 1);
    for (const { date, diff } of diffs) {
      const expected = published.get(date);
      expect(expected, `published counts for ${date}`).toBeDefined();
      expect({ date, added: diff.added.length, removed: diff.removed.length }).toEqual({ date, added: expected?.added, removed: expected?.removed });
    }
  });

  it('reports the 298 entities added on 2024-05-01 and the 8 removed on 2024-05-03', () => {
    const mayFirst = diffs.find((d) => d.date === '2024-05-01')?.diff;
    const mayThird = diffs.find((d) => d.date === '2024-05-03')?.diff;
    expect(mayFirst?.added).toHaveLength(298);
    expect(mayThird?.removed).toHaveLength(8);
    expect(mayFirst?.added.every((e) => e.id.startsWith('ofac-sdn:'))).toBe(true);
  });

  it('re-importing an identical file creates no new version', async () => {
    const before = await store.listVersions('ofac-sdn');
    const [result] = await importFiles(store, [historyFiles.at(-1) ?? '']);
    expect(result?.status).toBe('unchanged');
    expect(await store.listVersions('ofac-sdn')).toHaveLength(before.length);
  });

  it('still reads an entity as an older version had it', async () => {
    const removed = diffs.find((d) => d.date === '2024-05-03')?.diff.removed[0];
    expect(removed).toBeDefined();
    const now = await store.getEntity(removed?.id ?? '');
    const before = await store.getEntity(removed?.id ?? '', (await store.listVersions('ofac-sdn')).length - 1);
    expect(now).toBeUndefined();
    expect(before?.entity.caption).toBe(removed?.caption);
  });
});
