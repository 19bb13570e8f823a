import type { EntitySchema } from '../domain/index.js';
import { analyseName, type TokenRole } from '../names/index.js';

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
  /** Cross-script equivalence classes (Wikidata name items), sorted; empty when unknown. */
  readonly variantIds: readonly number[];
  /** Prior weight of the role in (0, 1]: near zero for particles, titles and legal forms. */
  readonly roleWeight: number;
  /** Written in a script without short vowels (Arabic, Hebrew): its skeleton is all it says. */
  readonly abjad: boolean;
}

export interface AnalysedName {
  readonly raw: string;
  readonly tokens: readonly AnalysedToken[];
}

export interface AnalysisHints {
  schema?: string | undefined;
  script?: string | undefined;
}

const SCHEMAS: ReadonlySet<string> = new Set(['Person', 'Organization', 'Vessel', 'Aircraft']);

/** Analyses one name for matching (see the module comment). */
export function analyseForMatching(raw: string, hints?: AnalysisHints): AnalysedName {
  const schema = hints?.schema !== undefined && SCHEMAS.has(hints.schema) ? (hints.schema as EntitySchema) : undefined;
  const form = analyseName(raw, { schema, script: hints?.script });
  const tokens: AnalysedToken[] = form.tokens.map((t) => ({
    text: t.text,
    role: t.role,
    skeleton: t.skeleton,
    variantIds: t.variantIds,
    roleWeight: t.weight,
    abjad: t.script === 'Arab' || t.script === 'Hebr',
  }));
  return { raw, tokens };
}
