import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Entity, type Subject } from '../domain/index.js';
import { buildIndex, compareSubjects, DEFAULT_THRESHOLDS, scoreSubject } from './index.js';

const entities = (JSON.parse(readFileSync(new URL('../../test/fixtures/matching/entities.json', import.meta.url), 'utf8')) as unknown[]).map(
  (e) => Entity.parse(e),
);
const index = buildIndex(entities);
const byId = (id: string): Entity => entities.find((e) => e.id === id) as Entity;
const rahmanov = byId('ofac-sdn:1001');
const { review, match } = DEFAULT_THRESHOLDS;

function score(subject: Omit<Subject, 'id'>, entity: Entity): number {
  return scoreSubject({ id: 's', ...subject }, entity, { index }).score;
}

describe('scoreSubject: names', () => {
  it('matches a name given in another order', () => {
    expect(score({ name: 'Karim Yusufovich Rahmanov' }, rahmanov)).toBeGreaterThanOrEqual(match);
    expect(score({ name: 'Yusufovich Rahmanov Karim' }, rahmanov)).toBeGreaterThanOrEqual(match);
  });

  it('matches a misspelt name at least for review', () => {
    const s = score({ name: 'Karim Rahmanof' }, rahmanov);
    expect(s).toBeGreaterThanOrEqual(review);
    expect(s).toBeLessThan(score({ name: 'Karim Rahmanov' }, rahmanov));
  });

  it('reaches match on a rare full name alone, without any date of birth', () => {
    expect(score({ name: 'Zephyrine Okonkwo-Baptiste' }, byId('un-sc:QDi.900'))).toBeGreaterThanOrEqual(match);
  });

  it('damps a common name: "Mohammed Ali" against a listed "Mohammed Ali" is review, not match', () => {
    const s = score({ name: 'Mohammed Ali' }, byId('ofac-sdn:1004'));
    expect(s).toBeGreaterThanOrEqual(review);
    expect(s).toBeLessThan(match);
  });

  it('matches joined particles and names written in Arabic script', () => {
    const baghdadi = byId('un-sc:QDi.901');
    expect(score({ name: 'Abubakr Albaghdadi' }, baghdadi)).toBeGreaterThanOrEqual(review);
    expect(score({ name: 'أبو بكر البغدادي' }, baghdadi)).toBeGreaterThanOrEqual(match);
  });

  it('finds a Cyrillic spelling of a listed Latin name', () => {
    expect(score({ name: 'Всеволод Петровский' }, byId('ofac-sdn:1005'))).toBeGreaterThanOrEqual(review);
  });

  it('counts a weak alias less than a strong one', () => {
    const weak = scoreSubject({ id: 'w', name: 'Abu Yusuf al-Uzbeki' }, rahmanov, { index });
    const strong = scoreSubject({ id: 's', name: 'Kareem Rakhmonov' }, rahmanov, { index });
    expect(weak.matchedName).toBe('Abu Yusuf al-Uzbeki');
    expect(weak.explanation.matchedName.kind).toBe('weak_alias');
    expect(weak.score).toBeLessThan(strong.score);
    expect(weak.score).toBeLessThan(match);
  });
});

describe('scoreSubject: other features', () => {
  it('keeps "Mohammed Ali" with another date of birth clear against a listed "Mohammed Ali X"', () => {
    const s = score({ name: 'Mohammed Ali', birthDate: '1985-02-02' }, byId('ofac-sdn:1002'));
    expect(s).toBeLessThan(review);
  });

  it('pushes a namesake with a conflicting date of birth below review', () => {
    expect(score({ name: 'Karim Yusufovich Rahmanov', birthDate: '1988-10-01' }, rahmanov)).toBeLessThan(review);
    expect(score({ name: 'Karim Yusufovich Rahmanov', birthDate: '1975-09-30' }, rahmanov)).toBeLessThan(review);
    expect(score({ name: 'Mohammed Ali', birthDate: '1960-06-30' }, byId('ofac-sdn:1004'))).toBeLessThan(review);
  });

  it('lifts a good name match with the exact date of birth', () => {
    const without = score({ name: 'Karim Rahmanov' }, rahmanov);
    const withDob = score({ name: 'Karim Rahmanov', birthDate: '1975-03-14' }, rahmanov);
    expect(without).toBeLessThan(match);
    expect(withDob).toBeGreaterThanOrEqual(match);
  });

  it('grades dates: exact day > same year > one year apart > conflict', () => {
    const base = { name: 'Karim Rahmanov' };
    const exact = score({ ...base, birthDate: '1975-03-14' }, rahmanov);
    const month = score({ ...base, birthDate: '1975-03' }, rahmanov);
    const year = score({ ...base, birthDate: '1975' }, rahmanov);
    const none = score(base, rahmanov);
    const nearYear = score({ ...base, birthDate: '1976-03-14' }, rahmanov);
    const otherDay = score({ ...base, birthDate: '1975-03-20' }, rahmanov);
    const conflict = score({ ...base, birthDate: '1990-03-14' }, rahmanov);
    expect(exact).toBeGreaterThan(month);
    expect(month).toBeGreaterThan(year);
    expect(year).toBeGreaterThan(none);
    expect(none).toBeGreaterThan(nearYear);
    expect(nearYear).toBeGreaterThan(otherDay);
    expect(otherDay).toBeGreaterThan(conflict);
  });

  it('treats day and month written the other way round as near agreement, not conflict', () => {
    const listed = { ...rahmanov, birthDates: [{ kind: 'exact' as const, date: '1975-03-11' }] };
    const swapped = scoreSubject({ id: 's', name: 'Karim Rahmanov', birthDate: '1975-11-03' }, listed, { index });
    expect(swapped.explanation.features.find((f) => f.feature === 'birth_date')?.detail).toMatch(/swapped/);
    expect(swapped.score).toBeGreaterThan(score({ name: 'Karim Rahmanov' }, listed));
  });

  it('accepts a date inside a listed range or near a circa date', () => {
    const baghdadi = byId('un-sc:QDi.901');
    expect(score({ name: 'Abu Bakr al-Baghdadi', birthDate: '1970-02-01' }, baghdadi)).toBeGreaterThanOrEqual(match);
    expect(score({ name: 'Abu Bakr al-Baghdadi', birthDate: '1985-02-01' }, baghdadi)).toBeLessThan(review);
    const petrovsky = byId('ofac-sdn:1005');
    const circa = score({ name: 'Vsevolod Ignatyevich Petrovsky', birthDate: '1959-04-04' }, petrovsky);
    expect(circa).toBeGreaterThanOrEqual(match);
  });

  it('decides on an exact passport number even with a spelling difference', () => {
    const subject = { name: 'Kerim Rahmonow', documents: [{ type: 'passport' as const, number: 'ab01234567', country: 'Uzbekistan' }] };
    const r = scoreSubject({ id: 's', ...subject }, rahmanov, { index });
    expect(r.score).toBeGreaterThanOrEqual(match);
    expect(r.explanation.features.find((f) => f.feature === 'document')?.decisive).toBe(true);
    expect(score({ name: 'Kerim Rahmonow' }, rahmanov)).toBeLessThan(match);
  });

  it('lowers the score a little for another passport number of the same country', () => {
    const other = score({ name: 'Karim Rahmanov', documents: [{ type: 'passport', number: 'AB7654321', country: 'UZ' }] }, rahmanov);
    expect(other).toBeLessThan(score({ name: 'Karim Rahmanov' }, rahmanov));
    expect(other).toBeGreaterThanOrEqual(review);
  });

  it('does not match a person to a company of the same name', () => {
    const company = byId('ofac-sdn:1003');
    expect(score({ name: 'Almaz Petroleum', schema: 'Person' }, company)).toBeLessThan(match);
    expect(score({ name: 'Almaz Petroleum', schema: 'Organization' }, company)).toBeGreaterThanOrEqual(match);
  });

  it('lowers the score on conflicting gender and nationality', () => {
    const plain = score({ name: 'Karim Rahmanov' }, rahmanov);
    expect(score({ name: 'Karim Rahmanov', gender: 'female' }, rahmanov)).toBeLessThan(plain);
    expect(score({ name: 'Karim Rahmanov', nationality: 'France' }, rahmanov)).toBeLessThan(plain);
    expect(score({ name: 'Karim Rahmanov', nationality: 'UZ' }, rahmanov)).toBeGreaterThan(plain);
  });
});

describe('explanation', () => {
  it('lists the matched name, aligned parts, unmatched parts and features with sentences', () => {
    const primaryOnly = { ...rahmanov, names: rahmanov.names.slice(0, 1) };
    const r = scoreSubject({ id: 's', name: 'Rahmanof Karim Bekovich', birthDate: '1975-03-14', nationality: 'UZ' }, primaryOnly, { index });
    const ex = r.explanation;
    expect(ex.matchedName).toEqual({ full: 'RAHMANOV, Karim Yusufovich', kind: 'primary' });
    expect(ex.aligned).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subject: 'karim', entity: 'karim', how: 'exact', similarity: 1 }),
        expect.objectContaining({ subject: 'rahmanof', entity: 'rahmanov', how: expect.stringMatching(/^(skeleton|typo)$/) }),
      ]),
    );
    expect(ex.unmatched.map((u) => [u.side, u.part])).toEqual([
      ['subject', 'bekovich'],
      ['entity', 'yusufovich'],
    ]);
    for (const u of ex.unmatched) expect(u.penalty).toBeGreaterThan(0);
    expect(ex.features.map((f) => [f.feature, Math.sign(f.contribution)])).toEqual([
      ['birth_date', 1],
      ['nationality', 1],
    ]);
    expect(ex.summary).toContain('RAHMANOV, Karim Yusufovich');
    expect(ex.summary).toContain('same date of birth');
    expect(ex.score).toBeCloseTo(r.score, 4);
    expect(JSON.parse(JSON.stringify(ex))).toEqual(ex);
  });
});

describe('compareSubjects', () => {
  it('scores two subjects with the same scorer, symmetric enough for one name each', () => {
    const a: Subject = { id: 'a', name: 'Kareem Rakhmonov', birthDate: '1975-03-14' };
    const b: Subject = { id: 'b', name: 'Karim Rahmanov', birthDate: '1975-03-14' };
    const ab = compareSubjects(a, b);
    expect(ab.score).toBeGreaterThanOrEqual(review);
    expect(compareSubjects(b, a).score).toBeCloseTo(ab.score, 6);
    expect(compareSubjects(a, { id: 'c', name: 'John Smith' }).score).toBeLessThan(0.3);
  });
});
