import { vowelKey, vowelPatternOf } from '../names/index.js';

/**
 * How two name parts compare. One function serves the index's query expansion, the screener's
 * scoring and the brute-force check, so their answers cannot drift apart.
 *
 * A similarity is returned packed as `how * 2 + sim` (sim in 0..1) so the hot path allocates
 * nothing; `packedHow` / `packedSim` unpack it.
 */

export const HOW_NONE = 0;
export const HOW_EXACT = 1;
export const HOW_VARIANT = 2;
export const HOW_SKELETON = 3;
export const HOW_TYPO = 4;
export const HOW_INITIAL = 5;

export type MatchHow = 'exact' | 'variant' | 'skeleton' | 'typo' | 'initial' | 'joined' | 'split';
const HOW_NAMES: readonly MatchHow[] = ['exact', 'exact', 'variant', 'skeleton', 'typo', 'initial'];

export const SIM_VARIANT = 0.92;
export const SIM_SKELETON = 0.85;
export const SIM_SKELETON_LOOSE = 0.75;
export const SIM_INITIAL = 0.6;

export interface SimToken {
  readonly text: string;
  readonly skeleton: string;
  readonly variantIds: readonly number[];
  /** Romanised from a script without short vowels (see `AnalysedToken.abjad`). */
  readonly abjad: boolean;
  /** Romanised from Han, Hangul or kana (see `AnalysedToken.syllabic`): no typos. */
  readonly syllabic: boolean;
  /** Where the vowels sit around the skeleton (`vowelPatternOf`); '' when unknown. */
  readonly vowels: string;
}

export function pack(how: number, sim: number): number {
  return how * 2 + sim;
}
export function packedHow(packed: number): number {
  return packed <= 0 ? HOW_NONE : Math.floor(packed / 2);
}
export function packedSim(packed: number): number {
  return packed <= 0 ? 0 : packed - 2 * Math.floor(packed / 2);
}
export function howName(how: number): MatchHow {
  return HOW_NAMES[how] ?? 'exact';
}

/** Edits tolerated between two tokens, by the longer one's length. */
export function maxEdits(maxLen: number): number {
  return maxLen >= 8 ? 2 : maxLen >= 4 ? 1 : 0;
}

const ROW_CAP = 64;
const prevPrev = new Int32Array(ROW_CAP + 1);
const prev = new Int32Array(ROW_CAP + 1);
const cur = new Int32Array(ROW_CAP + 1);

/**
 * Optimal-string-alignment distance (a transposition is one edit), or `max + 1` as soon as it is
 * known to exceed `max`. Scratch rows are module-level: the function is synchronous.
 */
export function osaDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  let pp = prevPrev;
  let p = prev;
  let c = cur;
  if (lb > ROW_CAP) {
    pp = new Int32Array(lb + 1);
    p = new Int32Array(lb + 1);
    c = new Int32Array(lb + 1);
  }
  for (let j = 0; j <= lb; j++) p[j] = j;
  for (let i = 1; i <= la; i++) {
    c[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((p[j] as number) + 1, (c[j - 1] as number) + 1, (p[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (pp[j - 2] as number) + 1);
      }
      c[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = pp;
    pp = p;
    p = c;
    c = t;
  }
  return p[lb] as number;
}

const jwFlagsA = new Uint8Array(ROW_CAP);
const jwFlagsB = new Uint8Array(ROW_CAP);

/** Jaro-Winkler similarity (prefix scale 0.1, up to 4 letters). */
export function jaroWinkler(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (a === b) return 1;
  const fa = la <= ROW_CAP ? jwFlagsA : new Uint8Array(la);
  const fb = lb <= ROW_CAP ? jwFlagsB : new Uint8Array(lb);
  fa.fill(0, 0, la);
  fb.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const ca = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (fb[j] === 0 && b.charCodeAt(j) === ca) {
        fa[i] = 1;
        fb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (fa[i] === 0) continue;
    while (fb[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Similarity of two spellings within the tolerated number of edits, else 0. Edit distance
 * decides whether they are close enough (the index can enumerate exactly these); Jaro-Winkler
 * grades how close, since it forgives a slip late in a word more than one at its start.
 */
export function typoSimilarity(a: string, b: string): number {
  const maxLen = Math.max(a.length, b.length);
  const k = maxEdits(maxLen);
  if (k === 0) return 0;
  const d = osaDistance(a, b, k);
  if (d > k || d === 0) return 0;
  // One letter in four is a different name more often than a slip ("wang" / "zang", "tong" /
  // "yong"), so short words lose more per edit, and more again when the first letter differs.
  // Short words with another first consonant are other names (Tong / Yong, Cang / Wang, Said /
  // Zaid), not slips; a first vowel is spelling (Ehab / Ihab).
  const a0 = a.charCodeAt(0);
  const b0 = b.charCodeAt(0);
  if (a0 !== b0 && maxLen <= 4 && !(isVowelLetter(a0) && isVowelLetter(b0))) return 0;
  let byEdits = 1 - d * (0.1 + 0.8 / maxLen);
  if (a.charCodeAt(0) !== b.charCodeAt(0)) byEdits -= 0.05;
  if (maxLen < 6) return byEdits;
  const byJw = Math.min(0.92, jaroWinkler(a, b) - 0.04);
  return Math.max(byEdits, byJw);
}

/** Whether a folded text has a vowel (a, e, i, o, u, y). */
export function hasVowel(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75 || c === 0x79) return true;
  }
  return false;
}

function isVowelLetter(c: number): boolean {
  return c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75;
}

const vowelKeys = new Map<string, string>();
/** Whether two Latin spellings with one skeleton have their vowels in nearly the same places. */
function vowelsAlign(a: SimToken, b: SimToken): boolean {
  const pa = a.vowels === '' ? vowelPatternOf(a.text) : a.vowels;
  const pb = b.vowels === '' ? vowelPatternOf(b.text) : b.vowels;
  if (pa === pb) return true;
  let differ = 0;
  for (let i = 0; i < pa.length && i < pb.length; i++) if (pa.charCodeAt(i) !== pb.charCodeAt(i)) differ++;
  return differ <= 1;
}

/** `vowelKey` of a text, memoised: vocabulary words recur in every query. */
export function vowelKeyOf(text: string): string {
  let k = vowelKeys.get(text);
  if (k === undefined) {
    k = vowelKey(text);
    if (vowelKeys.size >= 100_000) vowelKeys.clear();
    vowelKeys.set(text, k);
  }
  return k;
}

function shareVariant(a: readonly number[], b: readonly number[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  for (const x of a) for (const y of b) if (x === y) return true;
  return false;
}

/** Packed similarity of two name parts: exact, variant class, skeleton, typo, initial or none. */
export function tokenSimilarity(a: SimToken, b: SimToken): number {
  const at = a.text;
  const bt = b.text;
  if (at === bt) return pack(HOW_EXACT, 1);
  const la = at.length;
  const lb = bt.length;
  if (la === 1 || lb === 1) {
    if (la === 1 && lb === 1) return 0;
    return at.charCodeAt(0) === bt.charCodeAt(0) ? pack(HOW_INITIAL, SIM_INITIAL) : 0;
  }
  let best = 0;
  let how = HOW_NONE;
  if (shareVariant(a.variantIds, b.variantIds)) {
    best = SIM_VARIANT;
    how = HOW_VARIANT;
  }
  // Latin spellings: skeletons of one or two letters ("ali", "eli", "ola" -> "l") say too
  // little, and so do equal skeletons of words of very different lengths ("zhonghai" / "zhang",
  // "yang" / "yonghao"). A word romanised from Arabic or Hebrew script lacks its short vowels,
  // so its skeleton is the comparison: "njar" / "najjar", "amin" / "ameen" ("mn").
  const sk = a.skeleton;
  if (best < SIM_SKELETON && sk === b.skeleton && sk.length >= 2) {
    let s = 0;
    if (a.abjad || b.abjad) s = sk.length >= 3 ? SIM_SKELETON : SIM_SKELETON_LOOSE;
    else if (sk.length >= 3) {
      const ratio = Math.min(la, lb) / Math.max(la, lb);
      const vowelled = hasVowel(at) && hasVowel(bt);
      s = ratio >= 0.8 || !vowelled ? SIM_SKELETON : ratio >= 0.7 ? SIM_SKELETON_LOOSE : 0;
      // Vowels moved around the same consonants make another word (Silva / Slava, Durak /
      // Drake); one vowel more or less is a spelling habit (Bakr / Bakar, Mhamed / Mohamed).
      if (s > 0 && vowelled && !vowelsAlign(a, b)) s = 0;
    } else if (vowelKeyOf(at) === vowelKeyOf(bt)) {
      // Two consonants and the same vowels once spelling habits are undone: Zayn = Zein, Nur = Noor.
      s = SIM_SKELETON;
    }
    if (s > best) {
      best = s;
      how = HOW_SKELETON;
    }
  }
  // A syllable of a Chinese, Korean or Japanese name written with another letter is another
  // syllable (Zhonghai / Zhonghua, Jia / Jiao): romanisations of one meet on variants and skeletons.
  if (best < 0.92 && !a.syllabic && !b.syllabic) {
    const s = typoSimilarity(at, bt);
    if (s > best) {
      best = s;
      how = HOW_TYPO;
    }
  }
  return how === HOW_NONE ? 0 : pack(how, best);
}

/**
 * Two parts are compared written together only when one is short (a particle such as "al",
 * "abu", "bin", or a syllable such as "jong"): joining two long words is rare, and every
 * candidate join costs a look-up.
 */
export const MAX_JOINED_PART = 5;

export function joinable(a: string, b: string): boolean {
  return a.length <= MAX_JOINED_PART || b.length <= MAX_JOINED_PART;
}

/**
 * Edits tolerated between two parts written together and one: at most one, and none when a
 * part has fewer than three letters (`Tang Bo` is not `Tango`). See `joinedSimilarity`.
 */
export function joinedEdits(first: number, second: number, other: number): number {
  return Math.min(maxEdits(Math.max(first + second, other)), Math.min(first, second) - 2, 1);
}

/**
 * Text-only comparison used for joined and split parts ("albaghdadi" vs "al" + "baghdadi").
 * One edit at most, and fewer than the shorter part has letters: else "tc shipping" would meet
 * "shipping" with its whole first part treated as a typo. Spellings further apart meet through
 * the name's alternatives, on skeletons and variant classes.
 */
export function joinedSimilarity(first: string, second: string, other: string, exactOnly = false): number {
  const joined = first + second;
  if (joined === other) return 0.95;
  if (exactOnly) return 0;
  const k = joinedEdits(first.length, second.length, other.length);
  if (k <= 0 || osaDistance(joined, other, k) > k) return 0;
  return 0.95 * typoSimilarity(joined, other);
}
