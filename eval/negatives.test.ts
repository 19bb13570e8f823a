import { describe, expect, it } from 'vitest';
import { Entity } from '../src/domain/index.js';
import { nameOwners } from './datasets/entities.js';
import { buildNegatives } from './datasets/negatives.js';
import { foldName, foldNameSorted } from './fold.js';
import { loadWatchlist, WATCHLIST_FILES } from './load-watchlist.js';
import { createRng } from './prng.js';
import { loadTranslitTable } from './translit/wikidata.js';

const arabic = loadTranslitTable(WATCHLIST_FILES.translitArabic);

function negatives(owners: ReturnType<typeof nameOwners>, persons = 1500) {
  return buildNegatives({ persons, organisations: 100, owners, arabic, rng: createRng(99), seed: 99 });
}

describe('negatives', () => {
  it('are the same for the same seed', () => {
    const owners = nameOwners([]);
    const a = negatives(owners, 300).queries.map((q) => q.subject);
    const b = negatives(owners, 300).queries.map((q) => q.subject);
    expect(a).toEqual(b);
  });

  it('drop a generated name that is a listed name, and count it', () => {
    const first = negatives(nameOwners([]), 300).queries;
    const listedNames = first.filter((q) => q.category === 'negative-person').slice(0, 5).map((q) => q.subject.name as string);
    const listed = listedNames.map((name, i) =>
      Entity.parse({ id: `test:${i}`, source: 'test', sourceId: String(i), schema: 'Person', caption: name, names: [{ full: name.toUpperCase(), kind: 'primary' }] }),
    );
    const again = negatives(nameOwners(listed), 300);
    const folded = new Set(again.queries.map((q) => foldName(q.subject.name as string)));
    for (const name of listedNames) expect(folded.has(foldName(name))).toBe(false);
    expect(again.removed.exact).toBeGreaterThanOrEqual(listedNames.length);
  });

  it('contain no name of the real lists, in any word order', async () => {
    const owners = nameOwners(await loadWatchlist());
    const { queries } = negatives(owners, 3000);
    expect(queries.length).toBeGreaterThan(3000);
    for (const q of queries) {
      const name = q.subject.name as string;
      expect(owners.exact.has(foldName(name)), name).toBe(false);
      expect(owners.sorted.has(foldNameSorted(name)), name).toBe(false);
    }
  });
});
