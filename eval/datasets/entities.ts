import { toCountryCode, type Entity, type EntityName } from '../../src/domain/index.js';
import { foldName, foldNameSorted } from '../fold.js';
import type { Rng } from '../prng.js';

/** Reading the listed entities the way the generators need them. */

export interface PersonName {
  given: string[];
  family: string[];
}

export function primaryName(entity: Entity): EntityName {
  return entity.names.find((n) => n.kind === 'primary') ?? entity.names[0]!;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/**
 * Given and family names of a person's primary name in natural (given-first) order. OFAC writes
 * `FAMILY, Given Middle`; the UN gives positional parts, whose last we take as the family name.
 */
export function personName(entity: Entity): PersonName | undefined {
  const name = primaryName(entity);
  if (name.script !== undefined && name.script !== 'Latn') return undefined;
  const parts = name.parts ?? [];
  const family = parts.filter((p) => p.role === 'family').flatMap((p) => words(p.value));
  const given = parts.filter((p) => p.role === 'given' || p.role === 'middle').flatMap((p) => words(p.value));
  if (family.length > 0 && given.length > 0) return { given, family };
  const positional = parts.filter((p) => p.role === 'part').map((p) => p.value);
  if (positional.length >= 2) {
    return { given: positional.slice(0, -1).flatMap(words), family: words(positional[positional.length - 1]!) };
  }
  if (name.full.includes(',')) {
    const [f, g] = name.full.split(',', 2);
    if (f !== undefined && g !== undefined && words(g).length > 0) return { given: words(g), family: words(f) };
  }
  const all = words(name.full);
  if (all.length < 2) return undefined;
  return { given: all.slice(0, -1), family: all.slice(-1) };
}

/** One birth date of the entity as a document would print it: YYYY, YYYY-MM or YYYY-MM-DD. */
export function listedBirthDate(entity: Entity, rng: Rng): string | undefined {
  if (entity.birthDates.length === 0) return undefined;
  const d = rng.pick(entity.birthDates);
  return d.kind === 'range' ? d.from : d.date;
}

/** Every country the entity is tied to: nationality, citizenship, place of birth, addresses. */
export function entityCountries(entity: Entity): Set<string> {
  const out = new Set<string>([...entity.nationalities, ...entity.citizenships]);
  for (const place of entity.birthPlaces) {
    const last = place.split(',').pop()?.trim();
    const code = last === undefined ? undefined : toCountryCode(last);
    if (code !== undefined) out.add(code);
  }
  for (const a of entity.addresses) if (a.country !== undefined) out.add(a.country);
  return out;
}

const RUSSIAN_SPHERE = new Set(['RU', 'BY', 'UA', 'KZ', 'KG', 'TJ', 'UZ', 'TM', 'AZ', 'AM', 'GE', 'MD', 'SU']);
const ARABIC_SPHERE = new Set([
  'DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR', 'MA', 'OM', 'PS', 'QA', 'SA', 'SO', 'SD',
  'SY', 'TN', 'AE', 'YE', 'IR', 'AF', 'PK',
]);

export function isRussianSphere(entity: Entity): boolean {
  const countries = entityCountries(entity);
  if ([...countries].some((c) => RUSSIAN_SPHERE.has(c))) return true;
  if (countries.size > 0) return false;
  return entity.listings.some((l) => /RUSSIA|UKRAINE|BELARUS/.test(l.program));
}

const EAST_ASIAN = new Set(['CN', 'TW', 'HK', 'MO', 'KP', 'KR', 'JP', 'MM', 'VN', 'KH', 'LA', 'TH']);

/** Names whose syllables or parts are not given + middle + family in the Western sense. */
export function isEastAsian(entity: Entity): boolean {
  if ([...entityCountries(entity)].some((c) => EAST_ASIAN.has(c))) return true;
  return entity.listings.some((l) => /DPRK|NKSPEA|BURMA/.test(l.program));
}

export function isArabicSphere(entity: Entity): boolean {
  return [...entityCountries(entity)].some((c) => ARABIC_SPHERE.has(c));
}

/**
 * Who owns each folded listed name: a generated positive whose name is another entity's listed
 * name would be ambiguous, and a negative that is a listed name is not a negative.
 */
export interface NameOwners {
  exact: Map<string, Set<string>>;
  sorted: Map<string, Set<string>>;
  /** Only primary names, strong aliases and original-script names, words sorted. */
  strong: Map<string, Set<string>>;
  /** People by full birth date (YYYY-MM-DD), to find one person listed by two lists. */
  byBirthDate: Map<string, Entity[]>;
}

export function nameOwners(entities: readonly Entity[]): NameOwners {
  const exact = new Map<string, Set<string>>();
  const sorted = new Map<string, Set<string>>();
  const strong = new Map<string, Set<string>>();
  const byBirthDate = new Map<string, Entity[]>();
  const add = (map: Map<string, Set<string>>, key: string, id: string): void => {
    if (key === '') return;
    const set = map.get(key);
    if (set === undefined) map.set(key, new Set([id]));
    else set.add(id);
  };
  for (const e of entities) {
    for (const n of e.names) {
      add(exact, foldName(n.full), e.id);
      add(sorted, foldNameSorted(n.full), e.id);
      if (n.kind !== 'weak_alias') add(strong, foldNameSorted(n.full), e.id);
    }
    for (const d of e.birthDates) {
      if (d.kind !== 'exact' || d.date.length !== 10) continue;
      const list = byBirthDate.get(d.date) ?? [];
      list.push(e);
      byBirthDate.set(d.date, list);
    }
  }
  return { exact, sorted, strong, byBirthDate };
}

function nameWords(entity: Entity): Set<string> {
  const out = new Set<string>();
  for (const n of entity.names) for (const w of foldName(n.full).split(' ')) if (w.length >= 4) out.add(w);
  return out;
}

/**
 * Entities that are the same person or body under another entry (often one on each list): they
 * share a primary name, strong alias or original-script name of two words or more (in any word
 * order), or, for people, a full date of birth and a name word of four letters or more. A top
 * hit on one of them counts as rank 1.
 */
export function twinsOf(entity: Entity, owners: NameOwners): Set<string> {
  const out = new Set<string>([entity.id]);
  for (const n of entity.names) {
    if (n.kind === 'weak_alias') continue;
    const folded = foldNameSorted(n.full);
    if (folded.split(' ').length < 2) continue;
    for (const id of owners.strong.get(folded) ?? []) out.add(id);
  }
  const words = nameWords(entity);
  for (const d of entity.birthDates) {
    if (d.kind !== 'exact' || d.date.length !== 10) continue;
    for (const other of owners.byBirthDate.get(d.date) ?? []) {
      if (other.id === entity.id || out.has(other.id)) continue;
      if ([...nameWords(other)].some((w) => words.has(w))) out.add(other.id);
    }
  }
  return out;
}
