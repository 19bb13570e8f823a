import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SegmentIndex } from './segment-index.js';
import { maxTypoEdits, osaDistance } from './tolerance.js';

// A small alphabet makes near spellings (and transpositions) common.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 11 });

function found(index: SegmentIndex, lookUp: (emit: (id: number) => void) => void): string[] {
  const out = new Set<string>();
  lookUp((id) => out.add(index.text(id)));
  return [...out].sort();
}

describe('SegmentIndex', () => {
  it('finds exactly the texts within one or two edits, transpositions included', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 60 }), word, fc.constantFrom(1, 2), (texts, probe, edits) => {
        const index = new SegmentIndex();
        for (const t of texts) index.add(t);
        const expected = texts.filter((t) => osaDistance(probe, t, edits) <= edits).sort();
        expect(found(index, (emit) => index.within(probe, edits, emit))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('finds exactly the texts the screener\'s typo rule relates to a probe', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 60 }), word, (texts, probe) => {
        const index = new SegmentIndex();
        for (const t of texts) index.add(t);
        const expected = texts
          .filter((t) => {
            const k = maxTypoEdits(Math.max(t.length, probe.length));
            return k > 0 && osaDistance(probe, t, k) <= k;
          })
          .sort();
        expect(found(index, (emit) => index.typoNeighbours(probe, emit))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('counts a swap of neighbouring letters across a segment boundary as one edit', () => {
    const index = new SegmentIndex();
    index.add('abcdefgh');
    expect(found(index, (emit) => index.within('abcedfgh', 1, emit))).toEqual(['abcdefgh']);
  });
});
