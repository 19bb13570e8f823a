import { faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { Entity, type Subject } from '../domain/index.js';
import { buildIndex, measureCandidateRecall } from './index.js';

// Names where listed people cluster: common given names, particles, shared family names.
const GIVEN = ['Mohammed', 'Muhammad', 'Ali', 'Ahmad', 'Abdul', 'Omar', 'Ivan', 'Sergei', 'Karim', 'Hassan', 'Abu'];
const FAMILY = ['al-Rashid', 'Haddad', 'Rahmanov', 'Petrov', 'bin Laden', 'Khan', 'el Masri', 'Abdullah'];

function generate(seed: number, entityCount: number, subjectCount: number): { entities: Entity[]; subjects: Subject[] } {
  faker.seed(seed);
  const pick = <T>(a: readonly T[]): T => faker.helpers.arrayElement(a);
  const personName = (): string =>
    [faker.datatype.boolean() ? pick(GIVEN) : faker.person.firstName(), faker.datatype.boolean(0.3) ? faker.person.middleName() : '', faker.datatype.boolean(0.4) ? pick(FAMILY) : faker.person.lastName()]
      .filter(Boolean)
      .join(' ');
  const entities: Entity[] = [];
  for (let i = 0; i < entityCount; i++) {
    const isOrg = faker.datatype.boolean(0.2);
    const primary = isOrg ? faker.company.name() : personName();
    const names = [{ full: primary, kind: 'primary' as const }];
    if (faker.datatype.boolean(0.4)) names.push({ full: isOrg ? faker.company.name() : personName(), kind: faker.helpers.arrayElement(['alias', 'weak_alias']) as 'primary' });
    entities.push(
      Entity.parse({
        id: `test:${i}`,
        source: 'test',
        sourceId: String(i),
        schema: isOrg ? 'Organization' : 'Person',
        caption: primary,
        names,
        birthDates: !isOrg && faker.datatype.boolean(0.6) ? [{ kind: 'exact', date: faker.date.birthdate().toISOString().slice(0, 10) }] : [],
      }),
    );
  }
  const typo = (w: string): string => {
    if (w.length < 4) return w;
    const i = faker.number.int({ min: 1, max: w.length - 2 });
    return faker.helpers.arrayElement([w.slice(0, i) + w.slice(i + 1), w.slice(0, i) + faker.string.alpha({ length: 1, casing: 'lower' }) + w.slice(i + 1), w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2)]);
  };
  const subjects: Subject[] = [];
  for (let i = 0; i < subjectCount; i++) {
    const e = pick(entities);
    let words = pick(e.names).full.split(/[\s,]+/).filter(Boolean);
    const r = faker.number.float();
    if (r < 0.2) words = faker.helpers.shuffle(words);
    else if (r < 0.5) words = words.map((w) => (faker.datatype.boolean(0.5) ? typo(w) : w));
    else if (r < 0.6 && words.length > 2) words.splice(faker.number.int({ max: words.length - 1 }), 1);
    else if (r < 0.7) words = [words.join('')];
    else if (r < 0.85) words = personName().split(' ');
    const s: Subject = { id: `s${i}`, name: words.join(' ') };
    const dob = e.birthDates[0];
    if (dob?.kind === 'exact' && faker.datatype.boolean(0.5)) s.birthDate = dob.date;
    subjects.push(s);
  }
  return { entities, subjects };
}

describe('measureCandidateRecall', () => {
  it('finds at least 99.5% of what brute force finds at the review threshold, with identical scores', () => {
    const { entities, subjects } = generate(7, 600, 400);
    const index = buildIndex(entities);
    const report = measureCandidateRecall(index, subjects);
    expect(report.subjects).toBe(400);
    expect(report.expected).toBeGreaterThan(200);
    expect(report.recall, JSON.stringify(report.missed.slice(0, 5))).toBeGreaterThanOrEqual(0.995);
    expect(report.scoreMismatches).toEqual([]);
  });

  it('reports a miss when the candidate limit is too small to hold every namesake', () => {
    const { entities, subjects } = generate(11, 300, 0);
    const common = entities.slice(0, 40).map((e, i) => Entity.parse({ ...e, id: `test:c${i}`, names: [{ full: 'Mohammed Ali', kind: 'primary' }] }));
    const index = buildIndex([...entities, ...common]);
    const report = measureCandidateRecall(index, [...subjects, { id: 'x', name: 'Mohammed Ali' }], { limit: 5 });
    expect(report.expected).toBeGreaterThanOrEqual(40);
    expect(report.recall).toBeLessThan(0.2);
  });
});
