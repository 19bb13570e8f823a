import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseName, skeletonOf } from './index.js';

/** Letters from the scripts the analysis reads, mixed with punctuation and marks. */
const nameChars = fc.constantFrom(
  ...'abcxyz ABC-\',."«»()/ éüßıłø ʿʾ’ Мухаммад ЁёЙйЪъ ҷқғӯҳӣ әңөұүһі ў محمد عبدالله پچژگکی ة ى ً ّ ـ Ζαχαρίας יוסף 张習近平 김정은 さとうサトー·・ 0123٣'.split(''),
);
const names = fc.oneof(fc.string({ unit: nameChars, maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));

describe('properties that hold for any input', () => {
  it('never throws, and gives well-formed tokens', () => {
    fc.assert(
      fc.property(names, (raw) => {
        const form = analyseName(raw);
        expect(form.latin).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
        for (const t of form.tokens) {
          expect(t.text).toMatch(/^[a-z0-9]+$/);
          expect(t.skeleton.length).toBeGreaterThan(0);
          expect(t.weight).toBeGreaterThan(0);
          expect(t.weight).toBeLessThanOrEqual(1);
        }
        for (const a of form.alternatives) {
          expect(a.start).toBeGreaterThanOrEqual(0);
          expect(a.end).toBeLessThan(form.tokens.length);
          expect(a.text).toMatch(/^[a-z0-9]+$/);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(names, (raw) => {
        expect(analyseName(raw)).toEqual(analyseName(raw));
      }),
      { numRuns: 200 },
    );
  });

  it('is idempotent on its own Latin output: latin, tokens and skeletons are stable', () => {
    fc.assert(
      fc.property(names, (raw) => {
        const once = analyseName(raw);
        const twice = analyseName(once.latin);
        expect(twice.latin).toBe(once.latin);
        expect(analyseName(twice.latin).latin).toBe(twice.latin);
        expect(analyseName(twice.latin).tokens.map((t) => t.skeleton)).toEqual(twice.tokens.map((t) => t.skeleton));
      }),
      { numRuns: 300 },
    );
  });

  it('gives a skeleton for any folded word', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,20}$/), (word) => {
        expect(skeletonOf(word)).toMatch(/^[a-z0-9]+$/);
      }),
    );
  });
});
