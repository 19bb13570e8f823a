import { toCountryCode, type BirthDate, type Entity, type Subject } from '../domain/index.js';

/**
 * Everything but the name: each feature returns its contribution to the score with a sentence
 * an officer can read. Contributions are additive on the 0..1 score; the table below is the
 * whole calibration, so it is easy to review.
 */
export const FEATURE_WEIGHTS = {
  birthExactDay: 0.08,
  birthSameMonth: 0.04,
  birthSameYear: 0.03,
  birthSwapped: 0.02,
  birthInRange: 0.02,
  /** One year apart: a slip, or a list's uncertain year. */
  birthNearYear: -0.05,
  /** Both dates to the day, same year, another day: two people; a perfect namesake ends below review. */
  birthSameYearOtherDay: -0.32,
  /** Enough to push a perfect namesake (1.0) below the default review threshold. */
  birthConflict: -0.35,
  nationalityAgrees: 0.03,
  nationalityConflicts: -0.05,
  genderConflicts: -0.1,
  documentDiffers: -0.05,
  schemaConflicts: -0.3,
} as const;

/** The most any feature but a document can add: candidates below `minScore - this` are skipped. */
export const MAX_FEATURE_LIFT = FEATURE_WEIGHTS.birthExactDay + FEATURE_WEIGHTS.nationalityAgrees;

/** A matching identity document decides: the score is lifted to at least this. */
export const DOCUMENT_MATCH_SCORE = 0.97;
/** ... unless the names disagree (name score below this): then it is lifted to review only. */
export const DOCUMENT_NAME_FLOOR = 0.5;
export const DOCUMENT_WEAK_NAME_SCORE = 0.8;

export type FeatureName = 'birth_date' | 'nationality' | 'gender' | 'document' | 'schema';

export interface FeatureContribution {
  feature: FeatureName;
  /** Added to the score (negative lowers it). 0 for a decisive document, see `decisive`. */
  contribution: number;
  detail: string;
  decisive?: true;
}

/** Subject facts normalised once per query. */
export interface SubjectFacts {
  schema: Subject['schema'];
  birth: ParsedDate | undefined;
  nationality: string | undefined;
  gender: 'male' | 'female' | undefined;
  documents: { type: string; number: string; raw: string; country: string | undefined }[];
}

interface ParsedDate {
  y: number;
  m: number;
  d: number;
  /** 1 = year, 2 = year-month, 3 = full date. */
  precision: number;
  raw: string;
}

function parseDate(s: string): ParsedDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (m === null) return undefined;
  const month = m[2] === undefined ? 0 : Number(m[2]);
  const day = m[3] === undefined ? 0 : Number(m[3]);
  return { y: Number(m[1]), m: month, d: day, precision: m[3] !== undefined ? 3 : m[2] !== undefined ? 2 : 1, raw: s };
}

/** Upper case without spaces, dashes or punctuation, and without leading zeros: "0012-345 67" -> "1234567". */
export function normaliseDocumentNumber(number: string): string {
  return number.toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/^0+/, '');
}

/**
 * Country codes of the spellings subjects give, remembered: a batch repeats a few dozen
 * nationalities, and reading a country name is costly (folding, several table look-ups).
 */
const countryCodes = new Map<string, string | undefined>();
const COUNTRY_CODES_KEPT = 4_096;

function country(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (countryCodes.has(value)) return countryCodes.get(value);
  const code = toCountryCode(value);
  if (countryCodes.size >= COUNTRY_CODES_KEPT) countryCodes.clear();
  countryCodes.set(value, code);
  return code;
}

export function subjectFacts(subject: Subject): SubjectFacts {
  return {
    schema: subject.schema,
    birth: subject.birthDate === undefined ? undefined : parseDate(subject.birthDate),
    nationality: country(subject.nationality),
    gender: subject.gender,
    documents: (subject.documents ?? []).map((d) => ({
      type: d.type,
      number: normaliseDocumentNumber(d.number),
      raw: d.number,
      country: country(d.country),
    })),
  };
}

// ---- date of birth -------------------------------------------------------------------------

function compareExact(s: ParsedDate, e: ParsedDate): FeatureContribution {
  const w = FEATURE_WEIGHTS;
  const dy = Math.abs(s.y - e.y);
  const listed = e.raw;
  if (dy === 1) return fc('birth_date', w.birthNearYear, `born ${s.raw}, listed ${listed}: one year apart`);
  if (dy > 1) return fc('birth_date', w.birthConflict, `born ${s.raw}, listed ${listed}: different dates of birth`);
  const p = Math.min(s.precision, e.precision);
  if (p === 1) return fc('birth_date', w.birthSameYear, `born ${s.raw}, listed ${listed}: same year`);
  if (s.m === e.m) {
    if (p === 2) return fc('birth_date', w.birthSameMonth, `born ${s.raw}, listed ${listed}: same month`);
    if (s.d === e.d) return fc('birth_date', w.birthExactDay, `born ${s.raw}: same date of birth as listed`);
    return fc('birth_date', w.birthSameYearOtherDay, `born ${s.raw}, listed ${listed}: same month, another day`);
  }
  if (p === 3 && s.d === e.m && s.m === e.d) {
    return fc('birth_date', w.birthSwapped, `born ${s.raw}, listed ${listed}: day and month swapped`);
  }
  return fc('birth_date', w.birthSameYearOtherDay, `born ${s.raw}, listed ${listed}: same year, another date`);
}

function dateKey(p: ParsedDate, end: boolean): number {
  const m = p.precision >= 2 ? p.m : end ? 12 : 1;
  const d = p.precision === 3 ? p.d : end ? 31 : 1;
  return p.y * 10000 + m * 100 + d;
}

function compareBirth(s: ParsedDate, b: BirthDate): FeatureContribution | undefined {
  const w = FEATURE_WEIGHTS;
  if (b.kind === 'exact') {
    const e = parseDate(b.date);
    return e === undefined ? undefined : compareExact(s, e);
  }
  if (b.kind === 'approximate') {
    const e = parseDate(b.date);
    if (e === undefined) return undefined;
    const dy = Math.abs(s.y - e.y);
    if (dy <= 2) return fc('birth_date', w.birthInRange, `born ${s.raw}, listed circa ${b.date}: consistent`);
    if (dy <= 5) return fc('birth_date', w.birthNearYear, `born ${s.raw}, listed circa ${b.date}: a few years apart`);
    return fc('birth_date', w.birthConflict, `born ${s.raw}, listed circa ${b.date}: different dates of birth`);
  }
  const from = parseDate(b.from);
  const to = parseDate(b.to);
  if (from === undefined || to === undefined) return undefined;
  const lo = dateKey(s, false);
  const hi = dateKey(s, true);
  const label = `${b.from} to ${b.to}`;
  if (hi >= dateKey(from, false) && lo <= dateKey(to, true)) {
    return fc('birth_date', w.birthInRange, `born ${s.raw}, listed ${label}: inside the range`);
  }
  if (s.y >= from.y - 1 && s.y <= to.y + 1) {
    return fc('birth_date', w.birthNearYear, `born ${s.raw}, listed ${label}: just outside the range`);
  }
  return fc('birth_date', w.birthConflict, `born ${s.raw}, listed ${label}: outside the range`);
}

/** Best agreement over the entity's listed dates (lists often give several). */
export function birthDateFeature(facts: SubjectFacts, entity: Entity): FeatureContribution | undefined {
  if (facts.birth === undefined || entity.birthDates.length === 0) return undefined;
  let best: FeatureContribution | undefined;
  for (const b of entity.birthDates) {
    const c = compareBirth(facts.birth, b);
    if (c !== undefined && (best === undefined || c.contribution > best.contribution)) best = c;
  }
  return best;
}

// ---- nationality, gender, schema ------------------------------------------------------------

export function nationalityFeature(facts: SubjectFacts, entity: Entity): FeatureContribution | undefined {
  const n = facts.nationality;
  if (n === undefined) return undefined;
  const listed = [...entity.nationalities, ...entity.citizenships];
  if (listed.length === 0) return undefined;
  if (listed.includes(n)) return fc('nationality', FEATURE_WEIGHTS.nationalityAgrees, `nationality ${n} as listed`);
  return fc('nationality', FEATURE_WEIGHTS.nationalityConflicts, `nationality ${n}, listed ${[...new Set(listed)].join(', ')}`);
}

export function genderFeature(facts: SubjectFacts, entity: Entity): FeatureContribution | undefined {
  if (facts.gender === undefined || entity.gender === undefined || entity.gender === 'other') return undefined;
  if (facts.gender === entity.gender) return undefined;
  return fc('gender', FEATURE_WEIGHTS.genderConflicts, `gender ${facts.gender}, listed ${entity.gender}`);
}

export function schemaFeature(facts: SubjectFacts, entity: Entity): FeatureContribution | undefined {
  if (facts.schema === undefined || facts.schema === entity.schema) return undefined;
  return fc('schema', FEATURE_WEIGHTS.schemaConflicts, `a ${facts.schema} compared with a listed ${entity.schema}`);
}

// ---- identity documents ---------------------------------------------------------------------

function typesCompatible(a: string, b: string): boolean {
  return a === b || a === 'other' || b === 'other';
}

/**
 * An exact normalised number of a compatible type (and no conflicting country) is decisive. A
 * different number of the same type and country is a mild minus: people hold one passport of a
 * country at a time, but lists keep old ones.
 */
export function documentFeature(facts: SubjectFacts, entity: Entity): FeatureContribution | undefined {
  if (facts.documents.length === 0 || entity.documents.length === 0) return undefined;
  let differs: FeatureContribution | undefined;
  for (const sd of facts.documents) {
    if (sd.number.length < 4) continue;
    for (const ed of entity.documents) {
      if (!typesCompatible(sd.type, ed.type)) continue;
      const countriesConflict = sd.country !== undefined && ed.country !== undefined && sd.country !== ed.country;
      if (countriesConflict) continue;
      if (normaliseDocumentNumber(ed.number) === sd.number) {
        return { feature: 'document', contribution: 0, decisive: true, detail: `${label(sd.type)} ${sd.raw} matches the listed ${label(ed.type)} ${ed.number}${ed.country === undefined ? '' : ` (${ed.country})`}` };
      }
      if (sd.type === ed.type && sd.country !== undefined && ed.country !== undefined) {
        differs = fc('document', FEATURE_WEIGHTS.documentDiffers, `${label(sd.type)} ${sd.raw} differs from the listed ${ed.number} (${ed.country})`);
      }
    }
  }
  return differs;
}

function label(type: string): string {
  return type === 'national_id' ? 'national id' : type;
}

function fc(feature: FeatureName, contribution: number, detail: string): FeatureContribution {
  return { feature, contribution, detail };
}
