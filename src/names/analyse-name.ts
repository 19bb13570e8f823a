import { GenerationCache, type EntitySchema, type NamePartRole } from '../domain/index.js';
import { lexicon, type LexiconEntry, type ParticleUse, type WordHits } from './lexicon.js';
import { cyrillicVariantOf, dominantScript, isPersianate, newScriptCounts, romaniseWord, Sep, splitWords, type Piece, type RawWord, type RomaniseContext } from './romanise.js';
import { isCompoundElement, skeletonAndVowels } from './skeleton.js';
import { respellSlavic, SlavicConvention, slavicConvention } from './slavic-latin.js';
import type { AlternativeReason, NameAlternative, NameForm, NameHints, NameKind, NameToken, Script, TokenRole } from './types.js';
import { lookupVariants } from './variants.js';

/** Prior weight of each role (see `NameToken.weight`). */
export const ROLE_WEIGHT: Readonly<Record<TokenRole, number>> = {
  given: 1,
  family: 1,
  unknown: 1,
  patronymic: 0.7,
  initial: 0.3,
  particle: 0.15,
  title: 0.1,
  legal_form: 0.1,
};

const PART_ROLE: Readonly<Record<NamePartRole, TokenRole | undefined>> = {
  given: 'given',
  middle: 'given',
  family: 'family',
  patronymic: 'patronymic',
  matronymic: 'patronymic',
  title: 'title',
  suffix: 'title',
  part: undefined,
};

const KIND_OF_SCHEMA: Readonly<Record<string, NameKind>> = {
  Person: 'person',
  Organization: 'organization',
  Vessel: 'vessel',
  Aircraft: 'aircraft',
};

/** Patronymics and Turkic/Persian filiation suffixes written into one word. */
const PATRONYMIC = /(?:ich|ovych|evych|ovna|evna|ivna|ichna|ovic|ogl[uy]|oglou|uulu|uly|kyzy|qizi|kizi|gyzy|zoda|zade|zadeh)$/;
/** Last two letters of every `PATRONYMIC` ending: a cheap test before the regex. */
const PATRONYMIC_TAILS = new Set(['ch', 'na', 'ic', 'lu', 'ly', 'ou', 'zy', 'zi', 'da', 'de', 'eh']);

function isPatronymic(text: string): boolean {
  return text.length >= 6 && PATRONYMIC_TAILS.has(text.slice(-2)) && PATRONYMIC.test(text);
}

const ASCII = /^[\x20-\x7e]*$/;
const NO_HINTS: NameHints = {};
/** Scratch letter counts per script; analysis is synchronous, so one buffer serves every call. */
const nameCounts = newScriptCounts();

/** A token while its role is being decided. */
interface Work {
  text: string;
  source: string;
  script: Script;
  native: string | undefined;
  sep: Sep;
  word: number;
  role: TokenRole | undefined;
  hint: TokenRole | undefined;
  lex: LexiconEntry | undefined;
  /** What the lexicon knows about `text`. */
  hits: WordHits | undefined;
}

/** Makes a `Work` with one property order, so every one shares a hidden class. */
function newWork(
  text: string,
  source: string,
  script: Script,
  native: string | undefined,
  sep: Sep,
  word: number,
  role: TokenRole | undefined,
  hint: TokenRole | undefined,
  lex: LexiconEntry | undefined,
  hits: WordHits | undefined,
): Work {
  return { text, source, script, native, sep, word, role, hint, lex, hits };
}

// ------------------------------------------------------------------ token memo

interface TokenInfo {
  skeleton: string;
  vowels: string;
  ids: readonly number[];
}

/** Skeletons and dictionary ids of Latin texts: names repeat tokens, and this is the hot path. */
const memo = new Map<string, TokenInfo>();
const MEMO_LIMIT = 200_000;
const NO_IDS: readonly number[] = Object.freeze([]);

function tokenInfo(text: string): TokenInfo {
  let info = memo.get(text);
  if (info === undefined) {
    const { skeleton, vowels } = skeletonAndVowels(text);
    info = { skeleton, vowels, ids: lookupVariants(text) ?? NO_IDS };
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, info);
  }
  return info;
}

function mergeIds(a: readonly number[], b: readonly number[] | undefined): readonly number[] {
  if (b === undefined || b.length === 0) return a;
  if (a.length === 0) return b;
  const merged = [...new Set([...a, ...b])];
  merged.sort((x, y) => x - y);
  return merged;
}

// ------------------------------------------------------------------ analysis

/**
 * Analyses a name into its one matchable form. Pure: the same input always gives the same form
 * (for one version of the variant dictionary), and it never throws on any string.
 *
 * @example
 * analyseName('AL-BAGHDADI, Abu Bakr', { schema: 'Person' }).tokens.map((t) => t.text)
 * // ['al', 'baghdadi', 'abu', 'bakr'], roles particle, family, particle, given
 */
export function analyseName(raw: string, hints: NameHints = NO_HINTS): NameForm {
  return analyse(raw, hints);
}

/** Subject names lately analysed, by schema and text (see `analyseSubjectName`). */
const recentSubjectNames = new GenerationCache<string, NameForm>(8_192);

/**
 * `analyseName` for a subject's name (what a traveller's papers or a booking say), whose only
 * hint is its schema; with `remember`, kept a while for whoever analyses it next. A server
 * screens a traveller and then enrols them for recurrent vetting: two analyses of one name,
 * the second as much work as the screening's matching. A batch that only screens remembers
 * nothing (keeping forms nobody asks for again costs it collection time). The forms are never
 * changed once made, so one can be shared.
 */
export function analyseSubjectName(raw: string, schema?: EntitySchema, options: { remember?: boolean } = {}): NameForm {
  const key = schema === undefined ? raw : `${schema}\u0001${raw}`;
  const known = recentSubjectNames.get(key);
  if (known !== undefined) return known;
  const form = analyse(raw, schema === undefined ? NO_HINTS : { schema });
  if (options.remember === true) recentSubjectNames.set(key, form);
  return form;
}

function analyse(raw: string, hints: NameHints): NameForm {
  let kind: NameKind = (hints.schema !== undefined ? KIND_OF_SCHEMA[hints.schema] : undefined) ?? 'unknown';
  const parts = hints.parts !== undefined && hints.parts.length > 0 ? hints.parts : undefined;
  const ascii = parts === undefined ? ASCII.test(raw) : parts.every((p) => ASCII.test(p.value));
  const text = ascii || parts !== undefined ? raw : raw.normalize('NFKC');
  const allText = parts === undefined ? text : parts.map((p) => p.value).join(' ');
  const ctx: RomaniseContext = {
    personLike: kind !== 'organization',
    cyrillic: ascii ? 'ru' : cyrillicVariantOf(allText, hints.lang),
    persianate: !ascii && isPersianate(allText, hints.lang),
  };

  const pieces: Piece[] = [];
  const pieceHints: (TokenRole | undefined)[] = [];
  const counts = nameCounts;
  counts.fill(0);
  let wordIndex = 0;
  if (parts !== undefined) {
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      const value = ascii ? part.value : part.value.normalize('NFKC');
      const role = PART_ROLE[part.role];
      const words = splitWords(value);
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        const word: RawWord = i === 0 ? { text: w.text, sep: wordIndex === 0 ? Sep.Start : Sep.Space, dotted: w.dotted, ascii: w.ascii } : w;
        romaniseWord(word, wordIndex, ctx, pieces, counts);
        while (pieceHints.length < pieces.length) pieceHints.push(role);
        wordIndex++;
      }
    }
  } else {
    const words = splitWords(text);
    // Three Hangul words or more are a transcribed foreign name (네이부르 마르마이 마그누스), not
    // surname and given name: its words are not split into syllables.
    if (ctx.personLike && !ascii && words.length >= 3 && countHangulWords(words) >= 3) ctx.personLike = false;
    for (let i = 0; i < words.length; i++) romaniseWord(words[i]!, i, ctx, pieces, counts);
  }
  const script = dominantScript(counts);
  // `latin` is the text as written, romanised; tokens read it in the English convention.
  const respelled = respellRussianSphere(pieces);
  const words = lexicon().words;
  let mayHoldLegalForm = false;
  let latin = '';
  let work: Work[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    latin = i === 0 ? p.text : `${latin} ${p.text}`;
    const text = respelled === undefined ? p.text : respelled[i]!;
    const hits = words.get(text);
    if (hits !== undefined && (hits.legal !== undefined || hits.phrases.length > 0)) mayHoldLegalForm = true;
    work.push(newWork(text, p.source, p.script, p.native, p.sep, p.word, undefined, pieceHints[i] ?? p.roleHint, undefined, hits));
  }

  let organizationReading = false;
  if (mayHoldLegalForm && kind !== 'person' && kind !== 'vessel' && kind !== 'aircraft') {
    const collapsed = collapseLegalForms(work, kind);
    if (collapsed === AMBIGUOUS) organizationReading = true;
    else if (collapsed !== undefined) {
      work = collapsed;
      if (kind === 'unknown') kind = 'organization';
    }
  }
  assignLexiconRoles(work, kind);
  assignStructuralRoles(work, kind, parts === undefined);

  const tokens: NameToken[] = [];
  for (let i = 0; i < work.length; i++) tokens.push(buildToken(work[i]!));
  const alternatives = buildAlternatives(work, tokens);
  const texts: string[] = [];
  const skeletons: string[] = [];
  const short = tokens.length <= 16;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isIdentifying(t.role)) continue;
    if (short) {
      insertSorted(texts, t.text);
      insertSorted(skeletons, t.skeleton);
    } else {
      texts.push(t.text);
      skeletons.push(t.skeleton);
    }
  }
  if (!short) {
    texts.sort(byCodeUnits);
    skeletons.sort(byCodeUnits);
  }
  return { raw, script, kind, latin, tokens, alternatives, key: texts.join(' '), skeletonKey: skeletons.join(' '), organizationReading };
}

/** Words of two Hangul syllables or more (judged by their first two letters). */
function countHangulWords(words: readonly RawWord[]): number {
  let n = 0;
  for (const w of words) {
    const a = w.text.charCodeAt(0);
    const b = w.text.charCodeAt(1);
    if (a >= 0xac00 && a <= 0xd7a3 && b >= 0xac00 && b <= 0xd7a3) n++;
  }
  return n;
}

/**
 * Texts of the pieces of a Russian-sphere name whose Latin words are written in a German,
 * French, scholarly or ICAO convention, re-spelled in the English one (see slavic-latin.ts);
 * undefined for every other name.
 */
function respellRussianSphere(pieces: readonly Piece[]): string[] | undefined {
  const latin: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.script === 'Latn') latin.push(p.source.toLowerCase());
  }
  const convention = slavicConvention(latin);
  if (convention === SlavicConvention.None) return undefined;
  return pieces.map((p) => {
    if (p.script !== 'Latn') return p.text;
    const text = respellSlavic(p.source.toLowerCase(), convention);
    return /^[a-z0-9]+$/.test(text) ? text : p.text;
  });
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Insertion into a short sorted list (names have a handful of tokens). */
function insertSorted(list: string[], value: string): void {
  let i = list.length;
  list.push(value);
  while (i > 0 && list[i - 1]! > value) {
    list[i] = list[i - 1]!;
    i--;
  }
  list[i] = value;
}

function isIdentifying(role: TokenRole | undefined): boolean {
  return role !== 'particle' && role !== 'title' && role !== 'legal_form';
}

const EDIT_ROWS = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/** Optimal-string-alignment distance, or `max + 1` once it is known to exceed `max` (words up to 63 letters). */
function editsWithin(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la >= 64 || lb >= 64) return a === b ? 0 : max + 1;
  let pp = EDIT_ROWS[0];
  let p = EDIT_ROWS[1];
  let c = EDIT_ROWS[2];
  for (let j = 0; j <= lb; j++) p[j] = j;
  for (let i = 1; i <= la; i++) {
    c[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(p[j]! + 1, c[j - 1]! + 1, p[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, pp[j - 2]! + 1);
      c[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = pp;
    pp = p;
    p = c;
    c = t;
  }
  return p[lb]!;
}

/**
 * Whether a name word is a word of a legal form written with a slip (`LIABILIT`, `COMPZNY`,
 * `JONIT`) or in another romanisation of the same Cyrillic (`OGRANICHENNOI` = `OGRANICHENNOY`,
 * on the skeleton).
 */
function formWordMatches(form: string, text: string, skeletons: boolean): boolean {
  if (text === form) return true;
  if (form.length < 4 || text.length < 4 || Math.abs(form.length - text.length) > 2) return false;
  if (skeletons) {
    const sk = tokenInfo(form).skeleton;
    if (sk.length >= 3 && sk === tokenInfo(text).skeleton) return true;
  }
  const max = Math.max(form.length, text.length) >= 9 ? 2 : Math.min(form.length, text.length) >= 5 ? 1 : 0;
  // A slip in the first letter and another elsewhere is too much to call a word a legal form.
  if (max === 0 || (form.charCodeAt(0) !== text.charCodeAt(0) && form.charCodeAt(1) !== text.charCodeAt(1))) return false;
  return editsWithin(form, text, max) <= max;
}

function phraseAt(work: readonly Work[], i: number, entry: LexiconEntry): boolean {
  if (i + entry.words.length > work.length) return false;
  for (let k = 0; k < entry.words.length; k++) {
    if (!formWordMatches(entry.words[k]!, work[i + k]!.text, true)) return false;
  }
  return true;
}

/** Returned by `collapseLegalForms` when only two-letter forms were found in a name of unknown kind. */
const AMBIGUOUS: Work[] = [];

/**
 * Finds legal forms and collapses each into one token. Multi-word forms count anywhere, also
 * written with a slip or another romanisation; one-word forms only in a block at the start or
 * end (`OOO Romashka`, `Romashka Co. Ltd.`), so that `AT` inside `Katiba at-Tawhid` stays an
 * article. Undefined when there is none; `AMBIGUOUS` when the only forms are two-letter ones
 * in a name of unknown kind (`UZGA AO`, but also `Maria Sa`).
 */
function collapseLegalForms(work: Work[], kind: NameKind): Work[] | undefined {
  const n = work.length;
  if (n < 2) return undefined;
  const lex = lexicon();
  const found: { start: number; end: number; entry: LexiconEntry }[] = [];
  for (let i = 0; i < n; ) {
    const w = work[i]!;
    const hits = w.hits;
    let match: { end: number; entry: LexiconEntry } | undefined;
    for (const entry of hits?.phrases ?? []) {
      if (phraseAt(work, i, entry)) {
        match = { end: i + entry.words.length, entry };
        break;
      }
    }
    if (match === undefined && hits?.legal === undefined && w.text.length >= 4) {
      for (const start of lex.phraseStarts) {
        if (start.word === w.text || !formWordMatches(start.word, w.text, true)) continue;
        for (const entry of start.phrases) {
          if (phraseAt(work, i, entry)) {
            match = { end: i + entry.words.length, entry };
            break;
          }
        }
        if (match !== undefined) break;
      }
    }
    if (match === undefined && hits?.legal !== undefined) match = { end: i + 1, entry: hits.legal };
    if (match === undefined && hits === undefined && w.text.length >= 7) {
      const entry = lex.longForms.find((e) => formWordMatches(e.words[0]!, w.text, false));
      if (entry !== undefined) match = { end: i + 1, entry };
    }
    if (match !== undefined) {
      found.push({ start: i, ...match });
      i = match.end;
    } else i++;
  }
  if (found.length === 0) return undefined;
  // Keep one-word forms only when they sit in the leading or trailing block of legal forms.
  const inLeadingBlock = new Set<number>();
  let expected = 0;
  for (const f of found) {
    if (f.start !== expected) break;
    inLeadingBlock.add(f.start);
    expected = f.end;
  }
  const inTrailingBlock = new Set<number>();
  expected = n;
  for (let k = found.length - 1; k >= 0; k--) {
    const f = found[k];
    if (f === undefined || f.end !== expected) break;
    inTrailingBlock.add(f.start);
    expected = f.start;
  }
  const kept = found.filter(
    (f) => f.end - f.start > 1 || inLeadingBlock.has(f.start) || inTrailingBlock.has(f.start),
  );
  const coveredTokens = kept.reduce((sum, f) => sum + (f.end - f.start), 0);
  // A name made only of legal-form words is a name after all (`Limited`, `AO`).
  if (kept.length === 0 || coveredTokens >= n) return undefined;
  if (kind === 'unknown' && kept.every((f) => f.end - f.start === 1 && f.entry.words[0]!.length <= 2)) {
    // Two-letter forms alone (SA, AO, AG, CO) are too common as name parts to decide the kind.
    return AMBIGUOUS;
  }
  const out: Work[] = [];
  let k = 0;
  for (let i = 0; i < n; ) {
    const f = kept[k];
    if (f !== undefined && f.start === i) {
      const span = work.slice(f.start, f.end);
      const head = span[0]!;
      out.push(
        newWork(f.entry.cls.canon, span.map((w) => w.source).join(' '), head.script, undefined, head.sep, head.word, 'legal_form', undefined, f.entry, undefined),
      );
      i = f.end;
      k++;
    } else {
      out.push(work[i]!);
      i++;
    }
  }
  return out;
}

function particleApplies(use: ParticleUse | undefined, work: Work[], i: number, kind: NameKind, inverted: boolean): boolean {
  const n = work.length;
  const hasNext = i + 1 < n && work[i + 1]?.role !== 'legal_form';
  switch (use) {
    case 'prefix':
      // `LADEN, Osama bin`: inversion moved the particle's word before the comma.
      return hasNext || (inverted && i === n - 1 && i > 0);
    case 'inner':
      return hasNext && i > 0;
    case 'suffix':
      return i > 0;
    case 'between':
      return hasNext && i > 0;
    case 'org':
      return kind === 'organization' && hasNext && i > 0;
    case 'sun': {
      if (!hasNext) return false;
      const article = work[i]?.text ?? '';
      const consonant = article.slice(1);
      const next = work[i + 1]?.text ?? '';
      return next.startsWith(consonant) || (consonant.length === 2 && next.startsWith(consonant[0]!));
    }
    default:
      return false;
  }
}

/** Titles and particles from the lexicon, then initials. */
function assignLexiconRoles(work: Work[], kind: NameKind): void {
  const n = work.length;
  let commas = 0;
  for (let i = 0; i < n; i++) if (work[i]!.sep === SEP_COMMA) commas++;
  const inverted = commas === 1;
  let identifying = false;
  for (let i = 0; i < n; i++) {
    const w = work[i]!;
    if (w.role !== undefined) continue;
    const entries = w.hits?.single;
    if (entries !== undefined) {
      for (let k = 0; k < entries.length; k++) {
        const e = entries[k]!;
        if (e.cls.role === 'title' && kind !== 'organization' && n >= 2) {
          w.role = 'title';
          w.lex = e;
          break;
        }
        if (e.cls.role === 'particle' && particleApplies(e.cls.use, work, i, kind, inverted)) {
          w.role = 'particle';
          w.lex = e;
          break;
        }
      }
    }
    if (w.role === undefined && w.hint === 'title') w.role = 'title';
    if (w.role === undefined && w.text.length === 1 && w.text >= 'a' && w.text <= 'z') w.role = 'initial';
    if (isIdentifying(w.role)) identifying = true;
  }
  // A name of titles and particles only (`Haji Mullah`, `Al`) is still a name.
  if (!identifying) {
    for (let i = 0; i < n; i++) {
      const w = work[i]!;
      if (w.role === 'title' || w.role === 'particle') {
        w.role = undefined;
        w.lex = undefined;
      }
    }
  }
}

/** Roles the structure tells: parts, `SURNAME, Given`, patronymics, Han/Hangul surnames. */
function assignStructuralRoles(work: Work[], kind: NameKind, inferOrder: boolean): void {
  const personal = kind === 'person' || kind === 'unknown';
  const n = work.length;
  let commaAt = -1;
  let commas = 0;
  let open = 0;
  let patronymic = -1;
  for (let i = 0; i < n; i++) {
    const w = work[i]!;
    if (w.sep === SEP_COMMA) {
      commas++;
      commaAt = i;
    }
    if (w.role !== undefined) continue;
    if (w.hint === 'given' || w.hint === 'family' || w.hint === 'patronymic') w.role = w.hint;
    else if (personal && isPatronymic(w.text)) w.role = 'patronymic';
  }
  if (!personal || !inferOrder) return;
  if (commas === 1 && commaAt > 0) {
    for (let i = 0; i < n; i++) {
      const w = work[i]!;
      if (w.role === undefined) w.role = i < commaAt ? 'family' : 'given';
    }
  }
  // Russian order: `Umarov Doku Khamatovich` or `Doku Khamatovich Umarov` (`Islam Seit-Umarovich
  // Atabiev`: the words before the patronymic are given names, the one after it the surname).
  for (let i = 0; i < n; i++) {
    const role = work[i]!.role;
    if (role === 'patronymic' && patronymic < 0) patronymic = open;
    if (role === undefined || role === 'patronymic') open++;
  }
  if (open < 3 || patronymic <= 0) return;
  const informative: Work[] = [];
  for (let i = 0; i < n; i++) {
    const w = work[i]!;
    if (w.role === undefined || w.role === 'patronymic') informative.push(w);
  }
  const p = patronymic;
  if (p === informative.length - 1) {
    informative[0]!.role ??= 'family';
    for (let k = 1; k < p; k++) informative[k]!.role ??= 'given';
  } else if (p === informative.length - 2) {
    for (let k = 0; k < p; k++) informative[k]!.role ??= 'given';
    informative[p + 1]!.role ??= 'family';
  }
}

function buildToken(w: Work): NameToken {
  const role: TokenRole = w.role ?? 'unknown';
  if (w.lex !== undefined) {
    return {
      text: w.text,
      source: w.source,
      script: w.script,
      role,
      skeleton: tokenInfo(w.lex.cls.role === 'legal_form' ? w.lex.cls.canon : w.text).skeleton,
      vowels: tokenInfo(w.lex.cls.role === 'legal_form' ? w.lex.cls.canon : w.text).vowels,
      variantIds: [w.lex.id],
      weight: ROLE_WEIGHT[role],
    };
  }
  const info = tokenInfo(w.text);
  const ids = w.native !== undefined ? mergeIds(info.ids, lookupVariants(w.native)) : info.ids;
  return {
    text: w.text,
    source: w.source,
    script: w.script,
    role,
    skeleton: info.skeleton,
    vowels: info.vowels,
    variantIds: ids,
    weight: ROLE_WEIGHT[role],
  };
}

const SEP_HYPHEN = Sep.Hyphen;
const SEP_COMMA = Sep.Comma;
const SEP_INNER = Sep.Inner;
const PREFIX_USES: ReadonlySet<ParticleUse | undefined> = new Set(['prefix', 'sun', 'inner']);
const ATTACHED_ARTICLE = /^(?:al|el)[^aeiouy]/;
/** Neighbours are joined when short: syllables (Jong Un, Jin Ping) and clipped parts (Mc Donald). */
const ADJACENT_MAX = 10;
const ADJACENT_SHORT = 4;

/** Alternatives under construction, with the spans and texts already taken. */
interface AltBuilder {
  readonly work: readonly Work[];
  readonly tokens: readonly NameToken[];
  readonly out: NameAlternative[];
  readonly spans: number[];
  readonly texts: string[];
}

function joinText(b: AltBuilder, i: number): string {
  return b.work[i]?.lex?.cls.canon === 'al' ? 'al' : (b.tokens[i]?.text ?? '');
}

function addAlternative(b: AltBuilder, start: number, end: number, reason: AlternativeReason, override?: string): void {
  const spanKey = start * 1024 + end;
  if (override === undefined && b.spans.includes(spanKey)) return;
  let text = override ?? '';
  if (override === undefined) for (let k = start; k <= end; k++) text += joinText(b, k);
  if (text === '' || b.texts.includes(text)) return;
  b.spans.push(spanKey);
  b.texts.push(text);
  const info = tokenInfo(text);
  let ids = info.ids;
  if (override === undefined) {
    let native: string | undefined = '';
    for (let k = start; k <= end; k++) {
      const part = b.work[k]?.native;
      if (part === undefined) {
        native = undefined;
        break;
      }
      native += part;
    }
    if (native !== undefined && native !== '') ids = mergeIds(ids, lookupVariants(native));
  }
  b.out.push({ text, skeleton: info.skeleton, vowels: info.vowels, variantIds: ids, start, end, reason });
}

/**
 * Alternatives are built over the first words only: real names have a handful, and a pasted
 * paragraph must not cost quadratic time.
 */
const MAX_ALTERNATIVE_TOKENS = 48;

function buildAlternatives(work: readonly Work[], tokens: readonly NameToken[]): NameAlternative[] {
  const n = Math.min(tokens.length, MAX_ALTERNATIVE_TOKENS);
  if (n < 2 && !(n === 1 && ATTACHED_ARTICLE.test(tokens[0]!.text))) return [];
  const b: AltBuilder = { work, tokens, out: [], spans: [], texts: tokens.slice(0, n).map((t) => t.text) };

  for (let i = 0; i < n; i++) {
    const w = work[i]!;
    const t = tokens[i]!;
    if (t.role === 'particle' && PREFIX_USES.has(w.lex?.cls.use)) {
      let j = i;
      while (j < n && tokens[j]!.role === 'particle' && PREFIX_USES.has(work[j]!.lex?.cls.use)) j++;
      if (j < n && isIdentifying(tokens[j]!.role)) {
        addAlternative(b, i, j, 'particle');
        // `Saif al-Din`, `Zia ul Haq`, `Habib ur Rahman` are also written as one word.
        if (w.lex?.cls.canon === 'al' && i > 0 && isIdentifying(tokens[i - 1]!.role) && isCompoundElement(tokens[j]!.text)) {
          addAlternative(b, i - 1, j, 'particle');
        }
      }
    } else if (t.role === 'particle' && w.lex?.cls.use === 'suffix' && i > 0 && isIdentifying(tokens[i - 1]!.role)) {
      addAlternative(b, i - 1, i, 'particle');
    }
  }
  // Words written joined to each other: hyphenated, or split out of one word (Arabic article,
  // Han and Hangul names).
  for (let i = 0; i < n; ) {
    // A Han or Hangul surname is not written joined to the given name (赫梓妍 is He Ziyan, not
    // Heziyan); the given name's syllables are, below.
    if (work[i]!.hint === 'family' && work[i + 1]?.sep === SEP_INNER) {
      i++;
      continue;
    }
    let j = i;
    let hyphen = false;
    while (j + 1 < n && (work[j + 1]!.sep === SEP_HYPHEN || work[j + 1]!.sep === SEP_INNER)) {
      hyphen ||= work[j + 1]!.sep === SEP_HYPHEN;
      j++;
    }
    if (j > i && j - i < 8) addAlternative(b, i, j, hyphen ? 'hyphen' : 'syllables');
    i = j + 1;
  }
  // Given-name syllables of one Hangul word (김정은 -> jong + un -> jongun).
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && work[i]!.hint === 'given' && work[j + 1]!.hint === 'given' && work[j + 1]!.word === work[i]!.word) j++;
    if (j > i) addAlternative(b, i, j, 'syllables');
    i = j + 1;
  }
  for (let i = 0; i + 1 < n; i++) {
    const a = tokens[i]!;
    const c = tokens[i + 1]!;
    if (
      isIdentifying(a.role) &&
      isIdentifying(c.role) &&
      a.role !== 'initial' &&
      c.role !== 'initial' &&
      a.text.length + c.text.length <= ADJACENT_MAX &&
      Math.min(a.text.length, c.text.length) <= ADJACENT_SHORT
    ) {
      addAlternative(b, i, i + 1, 'adjacent');
    }
  }
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (isIdentifying(t.role) && t.text.length >= 6 && t.variantIds.length === 0 && ATTACHED_ARTICLE.test(t.text)) {
      addAlternative(b, i, i, 'article', t.text.slice(2));
    }
  }
  return b.out;
}
