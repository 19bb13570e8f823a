import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Entity, VigilError, type Subject } from '../domain/index.js';
import { buildIndex, createScreener, DEFAULT_THRESHOLDS, MatchIndex, scoreSubject } from './index.js';

const entities = (JSON.parse(readFileSync(new URL('../../test/fixtures/matching/entities.json', import.meta.url), 'utf8')) as unknown[]).map(
  (e) => Entity.parse(e),
);
const index = buildIndex(entities);
const screener = createScreener(index);

describe('createScreener', () => {
  it('decides clear, review and match by the thresholds', () => {
    expect(screener.screen({ id: '1', name: 'Karim Yusufovich Rahmanov' }).decision).toBe('match');
    expect(screener.screen({ id: '2', name: 'Mohammed Ali' }).decision).toBe('review');
    const clear = screener.screen({ id: '3', name: 'Mohammed Ali', birthDate: '1985-02-02' });
    expect(clear).toEqual({ id: '3', decision: 'clear', hits: [] });
    expect(screener.screen({ id: '4', name: 'Jane Doe' }).decision).toBe('clear');
  });

  it('moves a decision when the thresholds move', () => {
    const strict = createScreener(index, { reviewThreshold: 0.9, matchThreshold: 0.99 });
    expect(strict.screen({ id: '2', name: 'Mohammed Ali' }).decision).toBe('clear');
    const lenient = createScreener(index, { reviewThreshold: 0.5, matchThreshold: 0.8 });
    expect(lenient.screen({ id: '2', name: 'Mohammed Ali' }).decision).toBe('match');
  });

  it('returns hits sorted by score with the explanation and the matched name', () => {
    const r = createScreener(index, { minScore: 0.3 }).screen({ id: 'x', name: 'Mohammed Ali' });
    expect(r.hits.map((h) => h.entityId)).toEqual(['ofac-sdn:1004', 'ofac-sdn:1002']);
    const scores = r.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(r.hits[0]).toMatchObject({ caption: 'Mohammed Ali', matchedName: 'Mohammed Ali' });
    expect(r.hits[0]?.explanation).toHaveProperty('summary');
  });

  it('reports the same score as scoreSubject with the index', () => {
    const subjects: Subject[] = [
      { id: 'a', name: ['K. Rahmanov', 'Rakhmonov Kareem'], birthDate: '1975' },
      { id: 'b', name: 'Abubakr Albaghdadi', birthDate: '1970' },
      { id: 'c', name: 'Petrovskiy Vsevolod', nationality: 'Russia' },
    ];
    for (const s of subjects) {
      const hit = createScreener(index, { minScore: 0.3 }).screen(s).hits[0];
      expect(hit).toBeDefined();
      const direct = scoreSubject(s, index.entity(index.indexOf(hit?.entityId ?? '') ?? -1), { index });
      expect(hit?.score).toBe(direct.score);
      expect(hit?.explanation).toEqual(direct.explanation);
    }
  });

  it('finds the entity of a name written in another script', () => {
    expect(screener.screen({ id: 'c', name: 'Карим Рахманов' }).hits[0]?.entityId).toBe('ofac-sdn:1001');
    expect(screener.screen({ id: 'a', name: 'البغدادي أبو بكر' }).hits[0]?.entityId).toBe('un-sc:QDi.901');
    expect(screener.screen({ id: 'l', name: 'Vsevolod Petrovskii' }).hits[0]?.entityId).toBe('ofac-sdn:1005');
  });

  it('finds an entity by its document number even when the name differs', () => {
    const r = screener.screen({ id: 'd', name: 'Unrelated Person', documents: [{ type: 'passport', number: 'AB-01234567', country: 'UZ' }] });
    expect(r.hits[0]?.entityId).toBe('ofac-sdn:1001');
    expect(r.decision).toBe('review');
  });

  it('rejects thresholds that contradict each other', () => {
    expect(() => createScreener(index, { reviewThreshold: 0.95, matchThreshold: 0.9 })).toThrow(VigilError);
    expect(() => createScreener(index, { limit: 0 })).toThrow(/limit/);
    expect(DEFAULT_THRESHOLDS.review).toBeLessThan(DEFAULT_THRESHOLDS.match);
  });
});

describe('MatchIndex', () => {
  it('returns candidates with an upper bound of the name score, best first', () => {
    const c = index.candidates('Karim Rahmanov');
    expect(c[0]).toMatchObject({ entityId: 'ofac-sdn:1001' });
    const direct = scoreSubject({ id: 's', name: 'Karim Rahmanov' }, index.entity(c[0]?.entityIndex ?? -1), { index });
    expect(c[0]?.bound).toBeGreaterThanOrEqual(direct.explanation.name.score);
    expect(index.candidates('Karim Rahmanov', { limit: 1 })).toHaveLength(1);
    expect(index.candidates('Zzyzx Qwerty')).toEqual([]);
  });

  it('is an immutable snapshot: a newer index does not change the older one', () => {
    const list = [...entities];
    const old = buildIndex(list);
    const oldScreener = createScreener(old);
    const subject = { id: 's', name: 'Zephyrine Okonkwo-Baptiste' };
    const before = oldScreener.screen(subject);
    list.splice(list.findIndex((e) => e.id === 'un-sc:QDi.900'), 1);
    const newer = buildIndex(list);
    expect(createScreener(newer).screen(subject).decision).toBe('clear');
    expect(oldScreener.screen(subject)).toEqual(before);
    expect(before.decision).toBe('match');
  });

  it('survives a round trip through its transferable form with the same answers', () => {
    const t = index.toTransferable();
    const copy = MatchIndex.fromTransferable(structuredClone(t));
    const s2 = createScreener(copy, { minScore: 0.3 });
    const s1 = createScreener(index, { minScore: 0.3 });
    for (const name of ['Karim Rahmanov', 'Mohammed Ali', 'Abubakr Albaghdadi', 'Всеволод Петровский', 'Ocean Spirit']) {
      expect(s2.screen({ id: name, name })).toEqual(s1.screen({ id: name, name }));
    }
    expect(copy.size).toEqual(index.size);
  });
});
