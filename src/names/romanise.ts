import anyAscii from 'any-ascii';
import { CharKind, charKind as charKindOf, letterScript as letterScriptOf } from './char-class.js';
import { foldLatinWord } from './fold-latin.js';
import { nativeKey } from './native-key.js';
import { PERSIANATE_LETTERS, transliterateArabic } from './translit-arabic.js';
import { transliterateHan, transliterateHangul } from './translit-cjk.js';
import { cyrillicVariant, foldLookalikes, transliterateCyrillic, type CyrillicVariant } from './translit-cyrillic.js';
import { transliterateGreek, transliterateHebrew } from './translit-greek-hebrew.js';
import { transliterateKana } from './translit-kana.js';
import type { Script } from './types.js';

/**
 * From raw text to romanised pieces: splitting into words, folding look-alike letters, and
 * transliterating each word by its script. No knowledge of names here; roles come later.
 */

// Module-local copies: imported bindings are live and cost a lookup in per-character loops.
const K = CharKind;
const charKind = charKindOf;
const letterScript = letterScriptOf;

/** What separated a word from the one before it. */
export const Sep = { Start: 0, Space: 1, Hyphen: 2, Comma: 3, /** split out of one written word */ Inner: 4 } as const;
export type Sep = (typeof Sep)[keyof typeof Sep];

/** A word as written, before transliteration. */
export interface RawWord {
  text: string;
  sep: Sep;
  /** Followed by a full stop (`J.`, `Co.`): marks initials and abbreviations. */
  dotted: boolean;
  /** ASCII letters and digits only: no transliteration needed. */
  ascii: boolean;
}

/** One romanised piece: becomes a token. */
export interface Piece {
  /** `[a-z0-9]+`. */
  text: string;
  /** As written. */
  source: string;
  script: Script;
  /** Dictionary key of the native spelling, for non-Latin pieces. */
  native: string | undefined;
  sep: Sep;
  dotted: boolean;
  /** A role the script itself tells (Han and Hangul personal names). */
  roleHint: 'family' | 'given' | undefined;
  /** Index of the written word the piece came from (pieces of one word share it). */
  word: number;
}

export interface RomaniseContext {
  /** Read Han and Hangul words of 2-4 syllables as surname + given name. */
  personLike: boolean;
  cyrillic: CyrillicVariant;
  /** Read Arabic script as Persian, Dari, Pashto or Urdu (see `PERSIANATE_LETTERS`). */
  persianate: boolean;
}

function isLetterOrDigit(kind: CharKind): boolean {
  return kind === K.Letter || kind === K.Digit || kind === K.Mark;
}

/** Splits NFKC text into written words, keeping what separated them. */
export function splitWords(text: string): RawWord[] {
  const words: RawWord[] = [];
  // A word is built from slices of `text` between characters it skips (apostrophes, joiners).
  let current = '';
  let segment = -1;
  let ascii = true;
  let pendingSep: Sep = Sep.Start;
  let prevKind: CharKind = K.Break;
  let prevScript: Script | undefined;
  const n = text.length;
  const endSegment = (at: number): void => {
    if (segment >= 0) {
      current += text.slice(segment, at);
      segment = -1;
    }
  };
  const flush = (at: number, dotted: boolean): void => {
    endSegment(at);
    if (current !== '') {
      words.push({ text: current, sep: words.length === 0 ? Sep.Start : pendingSep, dotted, ascii });
      current = '';
      pendingSep = Sep.Space;
    }
    ascii = true;
  };
  for (let i = 0; i < n; i++) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      cp = text.codePointAt(i) ?? cp;
      width = 2;
    }
    const kind = charKind(cp);
    switch (kind) {
      case K.Letter:
      case K.Digit:
        if (segment < 0) segment = i;
        if (cp >= 0x80) {
          ascii = false;
          if (kind === K.Letter) prevScript = letterScript(cp);
        } else if (kind === K.Letter) prevScript = 'Latn';
        break;
      case K.Mark:
        if (segment >= 0 || current !== '') {
          if (segment < 0) segment = i;
          ascii = false;
        }
        break;
      case K.Ignorable:
        endSegment(i);
        break;
      case K.Apostrophe:
      case K.MiddleDot: {
        const nextCp = text.codePointAt(i + width) ?? 0;
        const nextKind = i + width < n ? charKind(nextCp) : K.Break;
        const joins =
          (segment >= 0 || current !== '') &&
          isLetterOrDigit(prevKind) &&
          nextKind === K.Letter &&
          (kind === K.Apostrophe || (prevScript === 'Latn' && letterScript(nextCp) === 'Latn'));
        if (joins) endSegment(i);
        else flush(i, false);
        break;
      }
      case K.Hyphen:
        flush(i, false);
        if (words.length > 0) pendingSep = Sep.Hyphen;
        break;
      case K.Comma:
        flush(i, false);
        if (words.length > 0) pendingSep = Sep.Comma;
        break;
      case K.Dot:
        flush(i, true);
        break;
      default:
        flush(i, false);
    }
    prevKind = kind === K.Ignorable ? prevKind : kind;
    if (width === 2) i++;
  }
  flush(n, false);
  return words;
}

/** Scripts in the order of a `ScriptCounts` array. */
const SCRIPTS: readonly Script[] = ['Latn', 'Arab', 'Cyrl', 'Grek', 'Hebr', 'Hani', 'Hang', 'Kana', 'Other'];
const SCRIPT_INDEX: Readonly<Record<string, number>> = Object.fromEntries(SCRIPTS.map((sc, i) => [sc, i]));
const LATN = 0;
const CYRL = 2;

/** Letters per script, indexed as `SCRIPTS`. */
export type ScriptCounts = Uint32Array;

export function newScriptCounts(): ScriptCounts {
  return new Uint32Array(SCRIPTS.length);
}

/** Adds the letters of one word to `counts`. */
function countScripts(word: string, counts: ScriptCounts): void {
  for (let i = 0; i < word.length; i++) {
    let cp = word.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      cp = word.codePointAt(i) ?? cp;
      i++;
    }
    if (charKind(cp) !== K.Letter) continue;
    const index = SCRIPT_INDEX[letterScript(cp)] ?? 8;
    counts[index] = (counts[index] ?? 0) + 1;
  }
}


/** Splits a word into runs of one script (digits and marks join the run they are in). */
function scriptRuns(word: string): { text: string; script: Script }[] {
  const runs: { text: string; script: Script }[] = [];
  let text = '';
  let script: Script | undefined;
  for (const ch of word) {
    const cp = ch.codePointAt(0) ?? 0;
    const kind = charKind(cp);
    const s = kind === K.Letter ? letterScript(cp) : undefined;
    if (s !== undefined && script !== undefined && s !== script) {
      runs.push({ text, script });
      text = '';
    }
    if (s !== undefined) script = s;
    text += ch;
  }
  if (text !== '') runs.push({ text, script: script ?? 'Zyyy' });
  return runs;
}

function splitAscii(ascii: string): string[] {
  // any-ascii writes Han as CamelCase pinyin and keeps punctuation: split on both.
  return ascii
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((w) => foldLatinWord(w))
    .filter((w) => w !== '');
}

/**
 * Romanises one written word into pieces. Most words give one piece; an Arabic word with its
 * article gives two, a Han or Hangul personal name gives surname and given name.
 */
function makePiece(raw: RawWord, wordIndex: number, text: string, source: string, script: Script, native: string | undefined, first: boolean, roleHint: 'family' | 'given' | undefined): Piece {
  return { text, source, script, native, sep: first ? raw.sep : Sep.Inner, dotted: raw.dotted, roleHint, word: wordIndex };
}

/** Scratch counts for one word; analysis is synchronous, so one buffer serves every call. */
const wordCounts = new Uint32Array(SCRIPTS.length);

/**
 * Romanises one written word into pieces, appended to `out`. Most words give one piece; an
 * Arabic word with its article gives two, a Han or Hangul personal name surname and given name.
 * Letters are added to `counts` by script.
 */
export function romaniseWord(raw: RawWord, wordIndex: number, ctx: RomaniseContext, out: Piece[], counts?: ScriptCounts): void {
  const text = raw.text;
  if (raw.ascii) {
    if (counts !== undefined) {
      let letters = 0;
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x41) letters++;
      counts[LATN] = (counts[LATN] ?? 0) + letters;
    }
    out.push(makePiece(raw, wordIndex, text.toLowerCase(), text, 'Latn', undefined, true, undefined));
    return;
  }
  let word = text;
  const own = wordCounts;
  own.fill(0);
  countScripts(word, own);
  const latin = own[LATN] ?? 0;
  const cyrillic = own[CYRL] ?? 0;
  if (latin > 0 && cyrillic > 0) {
    word = foldLookalikes(word, latin, cyrillic);
    own.fill(0);
    countScripts(word, own);
  }
  if (counts !== undefined) for (let i = 0; i < own.length; i++) counts[i] = (counts[i] ?? 0) + (own[i] ?? 0);
  const start = out.length;
  const runs = scriptRuns(word);
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const pieces = romaniseRun(run.text, run.script, ctx);
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k]!;
      const texts = p.text.includes(' ') ? p.text.split(' ') : [p.text];
      for (const t of texts) {
        if (t !== '') out.push(makePiece(raw, wordIndex, t, p.source, run.script, p.native, out.length === start, p.roleHint));
      }
    }
  }
}

interface RunPiece {
  text: string;
  source: string;
  native: string | undefined;
  roleHint?: 'family' | 'given';
}

function romaniseRun(text: string, script: Script, ctx: RomaniseContext): RunPiece[] {
  switch (script) {
    case 'Latn':
    case 'Zyyy': {
      const folded = script === 'Zyyy' ? splitAscii(anyAscii(text)).join('') : foldLatinWord(text);
      return folded === '' ? [] : [{ text: folded, source: text, native: undefined }];
    }
    case 'Cyrl': {
      const lower = text.toLowerCase();
      const folded = foldLatinWord(transliterateCyrillic(lower, ctx.cyrillic));
      return folded === '' ? [] : [{ text: folded, source: text, native: nativeKey(lower, 'Cyrl') }];
    }
    case 'Arab':
      return transliterateArabic(text, ctx.persianate).map((p) => ({ text: p.text, source: p.native, native: nativeKey(p.native, 'Arab') }));
    case 'Grek': {
      const lower = text.toLowerCase();
      const folded = transliterateGreek(lower);
      return folded === '' ? [] : [{ text: folded, source: text, native: nativeKey(lower, 'Grek') }];
    }
    case 'Hebr': {
      const folded = transliterateHebrew(text);
      return folded === '' ? [] : [{ text: folded, source: text, native: nativeKey(text, 'Hebr') }];
    }
    case 'Kana': {
      const folded = transliterateKana(text);
      return folded === '' ? [] : [{ text: folded, source: text, native: nativeKey(text, 'Kana') }];
    }
    case 'Hani':
      return transliterateHan(text, ctx.personLike).map((p) => cjkPiece(p.text, p.native, p.role));
    case 'Hang':
      return transliterateHangul(text, ctx.personLike).map((p) => cjkPiece(p.text, p.native, p.role));
    default: {
      const words = splitAscii(anyAscii(text));
      return words.map((w) => ({ text: w, source: text, native: text.toLowerCase() }));
    }
  }
}

function cjkPiece(text: string, native: string, role: 'family' | 'given' | 'unknown'): RunPiece {
  const piece: RunPiece = { text, source: native, native };
  if (role !== 'unknown') piece.roleHint = role;
  return piece;
}

/** The dominant script from letter counts: one holding four fifths of the letters, else Mixed. */
export function dominantScript(counts: ScriptCounts): Script {
  let all = 0;
  let best = -1;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] ?? 0;
    all += c;
    if (best < 0 || c > (counts[best] ?? 0)) best = i;
  }
  if (all === 0 || best < 0) return 'Zyyy';
  return (counts[best] ?? 0) * 5 >= all * 4 ? (SCRIPTS[best] ?? 'Other') : 'Mixed';
}

/** The Cyrillic variant for a whole text, from its genuine Cyrillic letters and a language hint. */
export function cyrillicVariantOf(text: string, lang: string | undefined): CyrillicVariant {
  return cyrillicVariant(text, lang);
}

/** Whether Arabic-script text is Persianate, from its letters or a language hint. */
export function isPersianate(text: string, lang: string | undefined): boolean {
  const l = lang?.toLowerCase().slice(0, 2);
  if (l === 'fa' || l === 'ps' || l === 'ur' || l === 'pr') return true;
  if (l === 'ar') return false;
  return PERSIANATE_LETTERS.test(text);
}

/** The romanised words of a text, without names' roles: for the lexicon and the generator. */
export function romaniseText(text: string, ctx: RomaniseContext): string[] {
  const pieces: Piece[] = [];
  const words = splitWords(text.normalize('NFKC'));
  for (let i = 0; i < words.length; i++) romaniseWord(words[i]!, i, ctx, pieces);
  return pieces.map((p) => p.text);
}
