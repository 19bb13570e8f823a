import fc from 'fast-check';
import type { EntityInput, Subject } from '../../src/domain/index.js';
import { createScreener } from '../../src/matching/index.js';
import { buildSnapshot } from '../../src/screening/index.js';
import type { Store } from '../../src/store/index.js';
import { importInput } from '../helpers/test-store.js';
import { recordsOf } from '../helpers/list-records.js';

/**
 * Generated populations and list changes for vetting tests. Names come from small pools, so
 * subjects and listed entities meet often, and from the ways real spellings differ: other
 * romanisations, other scripts, a slip of one or two letters, a particle joined or split, an
 * initial. Documents and dates of birth come from small pools too, so they agree and conflict.
 */
const GIVEN = ['Mohammed', 'Muhammad', 'Мухаммад', 'محمد', 'Ivan', 'Иван', 'Sergei', 'Omar', 'Umar', 'Ali', 'Li', 'Wang', 'John', 'Kim', 'Abdul', 'Abu', 'Yusuf', 'Jong'];
const FAMILY = ['Petrov', 'Петров', 'Baghdadi', 'al-Baghdadi', 'Albaghdadi', 'البغدادي', 'Rahmanov', 'Rahman', 'Smith', 'Hassan', 'Husain', 'Kuznetsov', 'Qodirzoda', 'Bakr', 'Un', 'Zhang', 'Karimov', 'Nasser'];
const ORGS = ['Global Sensor Technology', 'Standard Line', 'Eurotransexpedition', 'Al Noor Trading', 'Romashka', 'Orion', 'Bridzh'];
const FORMS = ['Co., Ltd.', 'LLC', 'OOO', ''];
export const DATES = ['1970-01-02', '1970', '1981-05-05', '1965-11-30'];
export const DOCUMENTS = ['A1234567', 'B7654321', 'C5550001'];

function typo(word: string, at: number, kind: number): string {
  if (word.length < 4 || !/^[A-Za-z]+$/.test(word)) return word;
  const i = 1 + (at % (word.length - 2));
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
  return word.slice(0, i) + 'e' + word.slice(i + 1);
}

/** A word from a pool, possibly misspelt or cut to an initial. */
const word = (pool: readonly string[]): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...pool), fc.nat(20), fc.integer({ min: 0, max: 7 })).map(([w, at, kind]) => (kind <= 2 ? typo(w, at, kind) : kind === 3 ? `${w.charAt(0)}.` : w));

/** A person's name: parts in either order, sometimes two written together. */
export const personName: fc.Arbitrary<string> = fc
  .tuple(word(GIVEN), fc.option(word(GIVEN), { nil: undefined }), word(FAMILY), fc.boolean(), fc.boolean())
  .map(([given, middle, family, familyFirst, joined]) => {
    const givens = [given, ...(middle !== undefined ? [middle] : [])];
    if (joined) return [givens[0] + family.toLowerCase(), ...givens.slice(1)].join(' ');
    return familyFirst ? `${family}, ${givens.join(' ')}` : [...givens, family].join(' ');
  });

const orgName: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(...ORGS), fc.constantFrom(...FORMS), fc.nat(20), fc.boolean()).map(([name, form, at, slip]) => `${slip ? name.split(' ').map((w, i) => (i === 0 ? typo(w, at, at % 3) : w)).join(' ') : name} ${form}`.trim());

/** Another way of writing a name: a slip, an initial, two parts joined or one split, a part dropped. */
export function vary(name: string, how: number, at: number): string {
  const words = name.replace(/,/g, '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return name;
  const i = at % words.length;
  const w = words[i] as string;
  switch (how % 8) {
    case 0:
      words[i] = typo(w, at, at % 3);
      break;
    case 1:
      words[i] = `${w.charAt(0)}.`;
      break;
    case 2:
      if (words.length >= 2) words.splice(0, 2, `${words[0] ?? ''}${(words[1] ?? '').toLowerCase()}`);
      break;
    case 3:
      if (w.length >= 6) words.splice(i, 1, w.slice(0, 2), w.slice(2));
      break;
    case 4:
      if (words.length >= 3) words.splice(i, 1);
      break;
    case 5:
      words.reverse();
      break;
    case 6: {
      // Only the longest part, written as two.
      const longest = [...words].sort((a, b) => b.length - a.length)[0] ?? w;
      const cut = 2 + (at % 2);
      return longest.length > cut + 1 ? `${longest.slice(0, cut)} ${longest.slice(cut)}` : longest;
    }
    default:
      // Only the first two parts, written as one.
      return words.length >= 2 ? `${words[0] ?? ''}${(words[1] ?? '').toLowerCase()}` : w;
  }
  return words.join(' ');
}

/** A subject: a fresh name, or (`copy` set) a variation of a listed name chosen later. */
export interface SubjectSpec extends Omit<Subject, 'id'> {
  copy?: { pick: number; how: number; at: number };
}

export const subjectSpecArb: fc.Arbitrary<SubjectSpec> = fc.record(
  {
    name: fc.oneof(personName, fc.array(personName, { minLength: 1, maxLength: 2 })),
    birthDate: fc.constantFrom(...DATES),
    nationality: fc.constantFrom('RU', 'IR', 'SY', 'CN'),
    documents: fc.array(fc.record({ type: fc.constant('passport' as const), number: fc.constantFrom(...DOCUMENTS) }), { maxLength: 1 }),
    copy: fc.record({ pick: fc.nat(1000), how: fc.nat(13), at: fc.nat(20) }),
  },
  { requiredKeys: ['name'] },
);

/** Subjects from their specs; copies take a name of the listed entities (when there are any). */
export function toSubjects(specs: readonly SubjectSpec[], listedNames: readonly string[]): Subject[] {
  return specs.map(({ copy, ...rest }, i) => {
    const base = copy !== undefined && listedNames.length > 0 ? listedNames[copy.pick % listedNames.length] : undefined;
    return { ...rest, id: `s${i}`, ...(base !== undefined && copy !== undefined ? { name: copy.how >= 8 ? base : vary(base, copy.how, copy.at) } : {}) };
  });
}

export const subjectArb: fc.Arbitrary<Omit<Subject, 'id'>> = fc.record(
  {
    name: fc.oneof(personName, fc.array(personName, { minLength: 1, maxLength: 2 })),
    birthDate: fc.constantFrom(...DATES),
    nationality: fc.constantFrom('RU', 'IR', 'SY', 'CN'),
    documents: fc.array(fc.record({ type: fc.constant('passport' as const), number: fc.constantFrom(...DOCUMENTS) }), { maxLength: 1 }),
  },
  { requiredKeys: ['name'] },
);

export interface EntitySpec {
  schema: 'Person' | 'Organization';
  names: string[];
  birthDates: string[];
  documents: string[];
}

export const entityArb: fc.Arbitrary<EntitySpec> = fc.oneof(
  fc.record({
    schema: fc.constant('Person' as const),
    names: fc.array(personName, { minLength: 1, maxLength: 3 }),
    birthDates: fc.array(fc.constantFrom(...DATES), { maxLength: 1 }),
    documents: fc.array(fc.constantFrom(...DOCUMENTS), { maxLength: 1 }),
  }),
  fc.record({
    schema: fc.constant('Organization' as const),
    names: fc.array(orgName, { minLength: 1, maxLength: 2 }),
    birthDates: fc.constant<string[]>([]),
    documents: fc.constant<string[]>([]),
  }),
);

/** What happens to a listed entity in the next version. */
export const changeArb = fc.oneof(
  fc.constant({ kind: 'keep' as const }),
  fc.constant({ kind: 'remove' as const }),
  fc.record({ kind: fc.constant('alias' as const), name: personName }),
  fc.record({ kind: fc.constant('birth' as const), date: fc.constantFrom(...DATES) }),
  fc.record({ kind: fc.constant('document' as const), number: fc.constantFrom(...DOCUMENTS) }),
);
export type Change = typeof changeArb extends fc.Arbitrary<infer T> ? T : never;

export function toEntity(source: string, n: number, spec: EntitySpec): EntityInput {
  return {
    id: `${source}:${n}`,
    source,
    sourceId: String(n),
    schema: spec.schema,
    caption: spec.names[0] ?? 'unnamed',
    names: spec.names.map((full, i) => ({ full, kind: i === 0 ? ('primary' as const) : ('alias' as const) })),
    birthDates: spec.birthDates.map((date) => ({ kind: 'exact' as const, date })),
    documents: spec.documents.map((number) => ({ type: 'passport' as const, number })),
    listings: [{ authority: 'Test', program: 'TEST' }],
  };
}

export function applyChange(spec: EntitySpec, change: Change): EntitySpec | undefined {
  switch (change.kind) {
    case 'keep':
      return spec;
    case 'remove':
      return undefined;
    case 'alias':
      return { ...spec, names: [...spec.names, change.name] };
    case 'birth':
      return { ...spec, birthDates: [change.date] };
    case 'document':
      return { ...spec, documents: [change.number] };
  }
}

/** Imports a full version; false when it equals the current one (no version is made). */
export async function importVersion(store: Store, source: string, entities: EntityInput[]): Promise<boolean> {
  return (await store.importList(importInput(source, recordsOf(entities)))).status === 'created';
}

/** subject \n entity -> score key of every hit of a full re-screen on the given entities. */
export async function fullRescreen(store: Store, subjects: readonly Subject[], entityIds: ReadonlySet<string>): Promise<Map<string, number>> {
  const snapshot = await buildSnapshot(store);
  const screener = createScreener(snapshot.index);
  const hits = new Map<string, number>();
  for (const subject of subjects) {
    for (const hit of screener.screen(subject).hits) {
      if (entityIds.has(hit.entityId)) hits.set(`${subject.id}\n${hit.entityId}`, Math.round(hit.score * 10_000));
    }
  }
  return hits;
}
