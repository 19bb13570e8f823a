import type { EntitySchema } from '../domain/index.js';
import { analyseName, analyseSubjectName, type NameForm, type TokenRole } from '../names/index.js';

/**
 * The one seam between matching and name analysis: everything in src/matching reads names
 * through `analyseForMatching`, so the index, the query side and the scorer always agree on
 * tokens, roles, skeletons and variant classes. It maps `src/names`' `NameForm` to the few
 * fields matching uses.
 */

export type { TokenRole };

export interface AnalysedToken {
  /** Folded ASCII, lower case, no punctuation. */
  readonly text: string;
  readonly role: TokenRole;
  /** Consonant skeleton, tolerant to vowel and transliteration differences. */
  readonly skeleton: string;
  /** Where the vowels sit around the skeleton (see `NameToken.vowels`). */
  readonly vowels: string;
  /** Cross-script equivalence classes (Wikidata name items), sorted; empty when unknown. */
  readonly variantIds: readonly number[];
  /** Prior weight of the role in (0, 1]: near zero for particles, titles and legal forms. */
  readonly roleWeight: number;
  /** Written in a script without short vowels (Arabic, Hebrew): its skeleton is all it says. */
  readonly abjad: boolean;
  /** A syllable or syllables written in Han, Hangul or kana: one letter more is another name. */
  readonly syllabic: boolean;
}

/**
 * Another spelling of tokens `start..end` written as one word (`al Baghdadi` -> `albaghdadi`,
 * `Abd al-Rahman` -> `abdalrahman`, `Albaghdadi` -> `baghdadi`): see `NameForm.alternatives`.
 */
export interface AnalysedAlternative {
  readonly text: string;
  readonly skeleton: string;
  readonly vowels: string;
  readonly variantIds: readonly number[];
  /** True when any token it spans is abjad, or syllabic. */
  readonly abjad: boolean;
  readonly syllabic: boolean;
  readonly start: number;
  readonly end: number;
}

export interface AnalysedName {
  readonly raw: string;
  readonly tokens: readonly AnalysedToken[];
  readonly alternatives: readonly AnalysedAlternative[];
  /** The name may also be read as a company's (see `NameForm.organizationReading`). */
  readonly organizationReading: boolean;
}

export interface AnalysisHints {
  schema?: string | undefined;
  script?: string | undefined;
}

const SCHEMAS: ReadonlySet<string> = new Set(['Person', 'Organization', 'Vessel', 'Aircraft']);

/** Analyses one name for matching (see the module comment). */
export function analyseForMatching(raw: string, hints?: AnalysisHints): AnalysedName {
  const schema = hints?.schema !== undefined && SCHEMAS.has(hints.schema) ? (hints.schema as EntitySchema) : undefined;
  return forMatching(raw, analyseName(raw, { schema, script: hints?.script }));
}

function forMatching(raw: string, form: NameForm): AnalysedName {
  const tokens: AnalysedToken[] = form.tokens.map((t) => ({
    text: t.text,
    role: t.role,
    skeleton: t.skeleton,
    vowels: t.vowels,
    variantIds: t.variantIds,
    roleWeight: t.weight,
    abjad: t.script === 'Arab' || t.script === 'Hebr',
    syllabic: t.script === 'Hani' || t.script === 'Hang' || t.script === 'Kana',
  }));
  const alternatives: AnalysedAlternative[] = [];
  for (const a of form.alternatives) {
    // Two short neighbours joined (`Tea Bassi` -> `teabassi`) are rarely one word, and their
    // skeleton meets too many others; the alignment's own joined edges compare their text.
    if (a.reason === 'adjacent') continue;
    let abjad = false;
    let syllabic = false;
    for (let k = a.start; k <= a.end; k++) {
      if (tokens[k]?.abjad === true) abjad = true;
      if (tokens[k]?.syllabic === true) syllabic = true;
    }
    alternatives.push({ text: a.text, skeleton: a.skeleton, vowels: a.vowels, variantIds: a.variantIds, abjad, syllabic, start: a.start, end: a.end });
  }
  return { raw, tokens, alternatives, organizationReading: form.organizationReading };
}

/**
 * The readings of a subject's name: as analysed, and when the subject has no schema and the
 * name ends or starts with a two-letter legal form (`UZGA AO`), also as an organisation's.
 * `remember`: keep the analysis for the subject's enrolment (see `analyseSubjectName`).
 */
export function subjectReadings(raw: string, schema: string | undefined, remember = false): AnalysedName[] {
  const known = schema !== undefined && SCHEMAS.has(schema) ? (schema as EntitySchema) : undefined;
  const analysed = forMatching(raw, analyseSubjectName(raw, known, { remember }));
  if (schema !== undefined || !analysed.organizationReading) return [analysed];
  return [analysed, forMatching(raw, analyseSubjectName(raw, 'Organization', { remember }))];
}
