import { resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Entity } from '../domain/index.js';
import { createUnAdapter } from '../lists/un/index.js';
import type { IndexData } from './index-data.js';
import { buildIndex } from './match-index.js';
import { analyseForMatching } from './name-analysis.js';
import { expandToken, ExpansionScratch } from './query.js';
import { joinable, type SimToken } from './token-similarity.js';

const UN_FILE = resolve(process.cwd(), '../shared/data/un/consolidated_2026-02-27.xml');

/** Two adjacent listed name parts written together ("albaghdadi"), as the index joins them. */
function compounds(data: IndexData): string[] {
  const out: string[] = [];
  for (let n = 0; n < data.nameCount; n++) {
    for (let k = data.nameTokenStarts[n] as number; k + 1 < (data.nameTokenStarts[n + 1] as number); k++) {
      const a = (data.tokens[data.nameTokens[k] as number] as SimToken).text;
      const b = (data.tokens[data.nameTokens[k + 1] as number] as SimToken).text;
      if (joinable(a, b)) out.push(a + b);
    }
  }
  return out;
}

describe('compound neighbourhood filter', () => {
  let data: IndexData;
  let unfiltered: IndexData;
  let joined: string[];
  beforeAll(async () => {
    const entities: Entity[] = [];
    for await (const record of createUnAdapter({ file: UN_FILE }).records()) if (record.kind === 'entity') entities.push(Entity.parse(record.entity));
    data = buildIndex(entities).data;
    unfiltered = { ...data, compoundNeighbours: new Uint32Array(0) };
    joined = compounds(data);
  });

  it('finds exactly the compounds the unfiltered look-up finds, for listed compounds within one edit and for other words', () => {
    expect(joined.length).toBeGreaterThan(100);
    const letters = 'abdehiklmnorsuyz';
    const word = fc.oneof(
      // A listed compound with one slip: substituted, dropped, added or swapped letters.
      fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...letters), fc.constantFrom('sub', 'del', 'ins', 'swap', 'none')).map(([c, at, letter, edit]) => {
        const w = joined[c % joined.length] as string;
        const i = at % w.length;
        if (edit === 'sub') return w.slice(0, i) + letter + w.slice(i + 1);
        if (edit === 'del') return w.slice(0, i) + w.slice(i + 1);
        if (edit === 'ins') return w.slice(0, i) + letter + w.slice(i);
        if (edit === 'swap' && i + 1 < w.length) return w.slice(0, i) + w.charAt(i + 1) + w.charAt(i) + w.slice(i + 2);
        return w;
      }),
      fc.stringMatching(/^[a-z]{5,14}$/),
    );
    const scratch = new ExpansionScratch(data.tokenCount);
    let withCompounds = 0;
    fc.assert(
      fc.property(word, (w) => {
        const token = analyseForMatching(w).tokens[0];
        if (token === undefined || token.text.length < 2) return;
        const filtered = Array.from(expandToken(data, token, scratch, true).compounds).sort();
        const full = Array.from(expandToken(unfiltered, token, scratch, true).compounds).sort();
        expect(filtered).toEqual(full);
        if (full.length > 0) withCompounds += 1;
      }),
      { numRuns: 3_000, seed: 20261123 },
    );
    // The comparison means something only if many words did meet compounds.
    expect(withCompounds).toBeGreaterThan(300);
  }, 60_000);
});
