import anyAscii from 'any-ascii';
import type { EntitySchema } from '../domain/index.js';
import { analyseName } from '../names/index.js';
import { ROLE_MULTIPLIER } from './token-weights.js';

/**
 * The one seam between matching and name analysis. Everything in src/matching reads names
 * through `analyseForMatching`, so switching to `src/names` (when it lands) changes this file
 * only. Until then a small stand-in implements the same described API: folded ASCII tokens with
 * roles, consonant skeletons and (empty) variant ids.
 */

export type TokenRole =
  | 'given'
  | 'family'
  | 'particle'
  | 'title'
  | 'initial'
  | 'legal_form'
  | 'patronymic'
  | 'unknown';

export interface AnalysedToken {
  /** Folded ASCII, lower case, no punctuation. */
  readonly text: string;
  readonly role: TokenRole;
  /** Consonant skeleton, tolerant to vowel and transliteration differences. */
  readonly skeleton: string;
  /** Cross-script equivalence classes (e.g. Wikidata name items), sorted; empty when unknown. */
  readonly variantIds: readonly number[];
  /** Prior weight of the role in (0, 1]: near zero for particles, titles and legal forms. */
  readonly roleWeight: number;
}

export interface AnalysedName {
  readonly raw: string;
  readonly tokens: readonly AnalysedToken[];
}

export interface AnalysisHints {
  schema?: string | undefined;
  script?: string | undefined;
}

const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'sheikh', 'shaikh', 'shaykh', 'sheik', 'haji',
  'hajji', 'hadji', 'mullah', 'mulla', 'maulana', 'maulvi', 'mawlawi', 'qari', 'imam', 'general',
  'gen', 'colonel', 'col', 'major', 'maj', 'captain', 'capt', 'lieutenant', 'lt', 'brigadier',
  'admiral', 'commander', 'engineer', 'eng', 'doctor', 'sayyid', 'sayed', 'syed', 'emir', 'amir',
]);
const PARTICLES = new Set([
  'al', 'el', 'ul', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'bin', 'ben', 'ibn', 'bint', 'binti', 'van',
  'von', 'der', 'den', 'de', 'da', 'das', 'dos', 'del', 'della', 'di', 'du', 'la', 'le', 'y', 'e',
  'of', 'the', 'and',
]);
const LEGAL_FORMS = new Set([
  'ltd', 'limited', 'llc', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'plc',
  'sa', 'ag', 'gmbh', 'bv', 'nv', 'srl', 'spa', 'sarl', 'sas', 'jsc', 'ojsc', 'pjsc', 'cjsc', 'ojs',
  'oao', 'zao', 'ooo', 'pao', 'ao', 'llp', 'lp', 'fze', 'fzco', 'fzc', 'fz', 'pte', 'pty', 'sdn',
  'bhd', 'kg', 'ab', 'as', 'oy', 'est', 'establishment',
]);

/** Folds a raw name to lower-case ASCII words separated by single spaces. */
export function foldToWords(raw: string): string {
  return anyAscii(raw.normalize('NFKC'))
    .toLowerCase()
    .replace(/['`\u2018\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Consonant skeleton: transliteration digraphs merged, vowels (and a non-initial y) dropped,
 * doubled letters collapsed. Arabic script romanises to consonants, so it meets its Latin forms
 * here. Short skeletons say little ("ali", "eli" -> "l"); the scorer also checks first letters.
 */
export function consonantSkeleton(text: string): string {
  const s = text
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/sh/g, 's')
    .replace(/ch/g, 'c')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c/g, 'k')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/j/g, 'g')
    .replace(/x/g, 'ks');
  let out = '';
  let prev = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const vowel = ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u' || (ch === 'y' && i > 0);
    if (vowel) {
      prev = '';
      continue;
    }
    if (ch === prev) continue;
    out += ch;
    prev = ch;
  }
  return out;
}

function roleOf(text: string, schema: string | undefined): TokenRole {
  if (text.length === 1 && /[a-z]/.test(text)) return 'initial';
  if (schema !== 'Person' && LEGAL_FORMS.has(text)) return 'legal_form';
  if (PARTICLES.has(text)) return 'particle';
  if (TITLES.has(text)) return 'title';
  return 'unknown';
}

function fallbackAnalyse(raw: string, hints?: AnalysisHints): AnalysedName {
  const words = foldToWords(raw);
  const schema = hints?.schema;
  const tokens: AnalysedToken[] = [];
  if (words !== '') {
    for (const text of words.split(' ')) {
      const role = roleOf(text, schema);
      tokens.push({ text, role, skeleton: consonantSkeleton(text), variantIds: [], roleWeight: ROLE_MULTIPLIER[role] });
    }
  }
  return { raw, tokens };
}

const SCHEMAS = new Set(['Person', 'Organization', 'Vessel', 'Aircraft']);

/**
 * Analyses one name for matching. The index, the query side and the scorer all call this and
 * nothing else, so both sides of a comparison always agree on tokens, roles and skeletons.
 */
export function analyseForMatching(raw: string, hints?: AnalysisHints): AnalysedName {
  const schema = hints?.schema !== undefined && SCHEMAS.has(hints.schema) ? (hints.schema as EntitySchema) : undefined;
  const form = analyseName(raw, { schema, script: hints?.script });
  const tokens: AnalysedToken[] = form.tokens.map((t) => ({
    text: t.text,
    role: t.role,
    skeleton: t.skeleton,
    variantIds: t.variantIds,
    roleWeight: t.weight,
  }));
  return { raw, tokens };
}

/** The stand-in analysis used before src/names existed; kept for comparison in tests. */
export const fallbackAnalysis = fallbackAnalyse;
