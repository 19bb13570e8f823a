import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachDeletionKey } from './deletion-keys.js';
import { analyseForMatching } from './name-analysis.js';
import {
  HOW_EXACT,
  HOW_INITIAL,
  HOW_SKELETON,
  HOW_VARIANT,
  HOW_TYPO,
  jaroWinkler,
  joinedSimilarity,
  maxEdits,
  osaDistance,
  packedHow,
  packedSim,
  tokenSimilarity,
} from './token-similarity.js';

const tok = (raw: string) => {
  const t = analyseForMatching(raw).tokens[0];
  if (t === undefined) throw new Error(`no token in ${raw}`);
  return t;
};
const compare = (a: string, b: string) => {
  const p = tokenSimilarity(tok(a), tok(b));
  return { how: packedHow(p), sim: packedSim(p) };
};

describe('tokenSimilarity', () => {
  it('tells exact, skeleton, typo and initial apart', () => {
    expect(compare('karim', 'karim')).toEqual({ how: HOW_EXACT, sim: 1 });
    expect(compare('mohammed', 'muhammad').how).toBe(HOW_VARIANT);
    expect(compare('rakhmonov', 'rahmanov').how).toBe(HOW_SKELETON);
    expect(compare('baptiste', 'bapsiste').how).toBe(HOW_TYPO);
    expect(compare('k', 'karim').how).toBe(HOW_INITIAL);
    expect(compare('john', 'mary').sim).toBe(0);
  });

  it('grades one slip above two and refuses short words that differ', () => {
    expect(compare('rahmanov', 'rahmanof').sim).toBeGreaterThan(compare('rahmanov', 'rahmonof').sim);
    expect(compare('ali', 'eli').sim).toBe(0);
    expect(compare('omar', 'amir').sim).toBe(0);
  });

  it('takes short words with another first consonant for other names, not slips', () => {
    expect(compare('tong', 'yong').sim).toBe(0);
    expect(compare('cang', 'wang').sim).toBe(0);
    expect(compare('said', 'zaid').sim).toBe(0);
    expect(compare('ehab', 'ihab').sim).toBeGreaterThan(0);
  });

  it('meets short names whose spellings differ in vowels only, not different short names', () => {
    expect(compare('zayn', 'zein').how).toBe(HOW_SKELETON);
    expect(compare('zayn', 'zein').sim).toBeCloseTo(0.85);
    expect(compare('noor', 'nur').how).toBe(HOW_SKELETON);
    expect(compare('chen', 'shen').how).not.toBe(HOW_SKELETON);
  });

  it('refuses one skeleton when the vowels sit elsewhere around it', () => {
    expect(compare('silva', 'slava').sim).toBe(0);
    expect(compare('durak', 'drake').sim).toBe(0);
    expect(compare('kasim', 'kassem').how).toBe(HOW_SKELETON);
  });

  it('takes no slips in syllables written in Han or Hangul', () => {
    const han = analyseForMatching('龙珈').tokens;
    const latin = analyseForMatching('GONG, Jiao').tokens;
    expect(han.map((t) => t.text)).toEqual(['long', 'jia']);
    expect(tokenSimilarity(han[1]!, latin[1]!)).toBe(0);
    expect(tokenSimilarity(tok('jia'), tok('jiao'))).toBeGreaterThan(0);
  });

  it('joins two parts with a slip only when both have three letters or more', () => {
    expect(joinedSimilarity('tang', 'bo', 'tango')).toBe(0);
    expect(joinedSimilarity('tang', 'bo', 'tangbo')).toBeCloseTo(0.95);
    expect(joinedSimilarity('abu', 'bakr', 'abubakar')).toBeGreaterThan(0.8);
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), fc.stringMatching(/^[a-z]{1,12}$/), (a, b) => {
        expect(tokenSimilarity(tok(a), tok(b))).toBe(tokenSimilarity(tok(b), tok(a)));
      }),
    );
  });
});

describe('edit distances', () => {
  it('counts a transposition as one edit and stops early past the limit', () => {
    expect(osaDistance('ahmad', 'ahmda', 2)).toBe(1);
    expect(osaDistance('kitten', 'sitting', 3)).toBe(3);
    expect(osaDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });
});

describe('forEachDeletionKey', () => {
  it('gives every pair of words within the tolerated edits a shared key (the index look-up is complete)', () => {
    const edit = fc.record({ kind: fc.integer({ min: 0, max: 3 }), at: fc.nat(20), ch: fc.constantFrom('a', 'b', 'c', 'd', 'e') });
    const apply = (w: string, e: { kind: number; at: number; ch: string }): string => {
      const i = e.at % (w.length + 1);
      if (e.kind === 0) return w.slice(0, i) + e.ch + w.slice(i);
      if (w.length < 2) return w;
      const j = Math.min(i, w.length - 1);
      if (e.kind === 1) return w.slice(0, j) + w.slice(j + 1);
      if (e.kind === 2) return w.slice(0, j) + e.ch + w.slice(j + 1);
      const k = Math.min(j, w.length - 2);
      return w.slice(0, k) + (w[k + 1] as string) + (w[k] as string) + w.slice(k + 2);
    };
    fc.assert(
      fc.property(fc.stringMatching(/^[a-e]{2,11}$/), fc.array(edit, { minLength: 1, maxLength: 2 }), (a, edits) => {
        const b = edits.reduce(apply, a);
        const k = maxEdits(Math.max(a.length, b.length));
        fc.pre(b.length >= 2 && osaDistance(a, b, k) <= k);
        const keys = new Set<number>();
        forEachDeletionKey(a, (h) => keys.add(h));
        let shared = false;
        forEachDeletionKey(b, (h) => {
          if (keys.has(h)) shared = true;
        });
        expect(shared).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
