import { forEachDeletionKey } from './deletion-keys.js';
import { findSlot, hashString } from './hash-multimap.js';
import { letterBit, type IndexData } from './index-data.js';
import { analyseForMatching, type AnalysedToken } from './name-analysis.js';
import { MAX_PARTS, newNameSide, pushPart, type NameSide } from './name-score.js';
import { HOW_EXACT, joinable, MAX_JOINED_PART, maxEdits, pack, tokenSimilarity, type SimToken } from './token-similarity.js';
import { rarityWeight } from './token-weights.js';

/**
 * A query part's neighbourhood in the vocabulary: every token the scorer would find similar
 * (exact, variant class, skeleton, within the tolerated edits), with its packed similarity.
 */
export interface Expansion {
  /** Vocabulary ids, ascending (see `expansionSimilarity`). */
  readonly ids: Int32Array;
  readonly packed: Float64Array;
  /**
   * Positions (in `nameTokens`) of two adjacent name parts that, written together, give this
   * token: exactly ("albaghdadi" = "al" + "baghdadi"), or with one side exact and the other
   * within its edits. Only computed for single query parts.
   */
  readonly compounds: Uint32Array;
}

/** One subject name, analysed and expanded against one index. */
export interface QueryName {
  readonly raw: string;
  readonly side: NameSide;
  /** Per part; for an initial only the same initial (see `prepareQueryName`). */
  readonly expansions: readonly (Expansion | null)[];
  /** Per adjacent pair i, i+1: the two parts written together ("al baghdadi" -> "albaghdadi"). */
  readonly joinedExpansions: readonly (Expansion | null)[];
  readonly totalWeight: number;
  /** `letterBit` of every part's first letter, and of the single-letter parts only. */
  readonly firstLetters: number;
  readonly initialLetters: number;
}

const NO_VARIANTS: readonly number[] = [];
const NO_NAMES = new Uint32Array(0);
const EMPTY: Expansion = { ids: new Int32Array(0), packed: new Float64Array(0), compounds: NO_NAMES };

/** Packed similarity of the expanded token to vocabulary token `id`, 0 when not a neighbour. */
export function expansionSimilarity(ex: Expansion, id: number): number {
  const ids = ex.ids;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid] as number;
    if (v === id) return ex.packed[mid] as number;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Scratch for `expandToken`: a visit stamp per vocabulary token, so nothing is allocated per look-up. */
export class ExpansionScratch {
  readonly stamp: Int32Array;
  counter = 0;
  ids: number[] = [];
  packed: number[] = [];
  constructor(tokenCount: number) {
    this.stamp = new Int32Array(tokenCount);
  }
  next(): number {
    if (this.counter >= 0x3fffffff) {
      this.counter = 0;
      this.stamp.fill(0);
    }
    this.ids.length = 0;
    this.packed.length = 0;
    return ++this.counter;
  }
}

function consider(data: IndexData, token: SimToken, scratch: ExpansionScratch, visit: number, id: number): void {
  if (scratch.stamp[id] === visit) return;
  scratch.stamp[id] = visit;
  const packed = tokenSimilarity(token, data.tokens[id] as SimToken);
  if (packed > 0) {
    scratch.ids.push(id);
    scratch.packed.push(packed);
  }
}

function compoundLookup(data: IndexData, joined: string, out: Set<number>): void {
  const keys = data.compoundKeys;
  const s = findSlot(keys, hashString(joined));
  if (s < 0) return;
  const end = keys.ranges[2 * s + 1] as number;
  for (let k = keys.ranges[2 * s] as number; k < end; k++) out.add(keys.values[k] as number);
}

/**
 * Where this token is two adjacent name parts written together. Exact joins are one hash
 * look-up; when the token is not itself in the vocabulary, each split whose one side is a
 * known part is also tried with the other side's spelling neighbours.
 */
function compoundsOf(data: IndexData, text: string, scratch: ExpansionScratch): Uint32Array {
  const out = new Set<number>();
  compoundLookup(data, text, out);
  if (text.length >= 5 && !data.vocabulary.has(text)) {
    for (let p = 2; p <= text.length - 2; p++) {
      const prefix = text.slice(0, p);
      const suffix = text.slice(p);
      if (prefix.length <= MAX_JOINED_PART && data.vocabulary.has(prefix)) {
        const ex = expandToken(data, { text: suffix, skeleton: '', variantIds: NO_VARIANTS, abjad: false }, scratch, false);
        for (const id of ex.ids) compoundLookup(data, prefix + (data.tokens[id] as SimToken).text, out);
      }
      if (suffix.length <= MAX_JOINED_PART && data.vocabulary.has(suffix)) {
        const ex = expandToken(data, { text: prefix, skeleton: '', variantIds: NO_VARIANTS, abjad: false }, scratch, false);
        for (const id of ex.ids) compoundLookup(data, (data.tokens[id] as SimToken).text + suffix, out);
      }
    }
  }
  return out.size === 0 ? NO_NAMES : Uint32Array.from(out);
}

/** Computes a token's expansion against the index vocabulary. */
export function expandToken(data: IndexData, token: SimToken, scratch: ExpansionScratch, withCompounds: boolean): Expansion {
  const visit = scratch.next();
  const exact = data.vocabulary.get(token.text);
  if (exact !== undefined) consider(data, token, scratch, visit, exact);
  for (const v of token.variantIds) for (const id of data.variantTokens.get(v) ?? []) consider(data, token, scratch, visit, id);
  if (token.skeleton.length >= 2) {
    const same = data.skeletonTokens.get(token.skeleton);
    // Two-letter skeletons only count with an abjad spelling on one side (see tokenSimilarity).
    const short = token.skeleton.length === 2 && !token.abjad;
    if (same !== undefined) for (const id of same) if (!short || (data.tokens[id] as SimToken).abjad) consider(data, token, scratch, visit, id);
  }
  const keys = data.deletionKeys;
  const ranges = keys.ranges;
  const values = keys.values;
  const len = token.text.length;
  forEachDeletionKey(token.text, (h) => {
    const s = findSlot(keys, h);
    if (s < 0) return;
    const end = ranges[2 * s + 1] as number;
    for (let k = ranges[2 * s] as number; k < end; k++) {
      const id = values[k] as number;
      // Variant and skeleton neighbours were all visited above: what is left can only be a
      // typo, impossible beyond the tolerated length difference (keys may share up to 4 edits).
      const other = (data.tokens[id] as SimToken).text.length;
      if (Math.abs(other - len) > maxEdits(Math.max(other, len))) continue;
      consider(data, token, scratch, visit, id);
    }
  });
  const count = scratch.ids.length;
  // Sorted by id (insertion sort: a dozen entries), copied out before the split look-ups reuse the scratch.
  const ids = new Int32Array(count);
  const packed = new Float64Array(count);
  for (let x = 0; x < count; x++) {
    const id = scratch.ids[x] as number;
    const p = scratch.packed[x] as number;
    let y = x;
    while (y > 0 && (ids[y - 1] as number) > id) {
      ids[y] = ids[y - 1] as number;
      packed[y] = packed[y - 1] as number;
      y--;
    }
    ids[y] = id;
    packed[y] = p;
  }
  const compounds = withCompounds ? compoundsOf(data, token.text, scratch) : NO_NAMES;
  if (count === 0 && compounds.length === 0) return EMPTY;
  return { ids, packed, compounds };
}

/** Weight of a subject part: the index's rarity of its text (unseen text is rare) times its role. */
export function subjectPartWeight(data: IndexData | undefined, token: AnalysedToken): number {
  const id = data?.vocabulary.get(token.text);
  const base =
    data !== undefined && id !== undefined
      ? (data.tokenWeight[id] as number)
      : rarityWeight(token.text, 0, data?.entityCount ?? 0);
  return base * token.roleWeight;
}

/** Expansion cache shared by the queries of one index: common parts recur in every batch. */
export class ExpansionCache {
  private readonly map = new Map<string, Expansion>();
  private readonly scratch: ExpansionScratch;
  constructor(
    private readonly data: IndexData,
    private readonly capacity = 50_000,
  ) {
    this.scratch = new ExpansionScratch(data.tokenCount);
  }

  get(token: SimToken, withCompounds: boolean): Expansion {
    const base = `${token.text}\u0001${token.skeleton}${token.abjad ? '\u0001a' : ''}${withCompounds ? '\u0001c' : ''}`;
    const key = token.variantIds.length === 0 ? base : `${base}\u0001${token.variantIds.join(',')}`;
    let e = this.map.get(key);
    if (e === undefined) {
      e = expandToken(this.data, token, this.scratch, withCompounds);
      // Crude but bounded: a full cache starts over rather than tracking recency per hit.
      if (this.map.size >= this.capacity) this.map.clear();
      this.map.set(key, e);
    }
    return e;
  }
}

/** Analyses and expands one subject name. */
export function prepareQueryName(data: IndexData, cache: ExpansionCache, raw: string, schema: string | undefined): QueryName {
  const analysed = analyseForMatching(raw, { schema });
  const side = newNameSide(Math.max(4, analysed.tokens.length));
  const expansions: (Expansion | null)[] = [];
  const joinedExpansions: (Expansion | null)[] = [];
  let totalWeight = 0;
  let firstLetters = 0;
  let initialLetters = 0;
  for (const t of analysed.tokens) {
    const w = subjectPartWeight(data, t);
    pushPart(side, t, t.role, w);
    if (side.length <= MAX_PARTS) totalWeight += w;
    firstLetters |= letterBit(t.text);
    if (t.text.length === 1) {
      initialLetters |= letterBit(t.text);
      // Only the same initial is looked up ("B.O.T.H." meets "B.O.T.H."); an initial against a
      // full part is bounded in step 1 instead, as every word of that letter would qualify.
      const id = data.vocabulary.get(t.text);
      expansions.push(id === undefined ? null : { ids: Int32Array.of(id), packed: Float64Array.of(pack(HOW_EXACT, 1)), compounds: NO_NAMES });
    } else {
      expansions.push(cache.get(t, true));
    }
  }
  for (let i = 0; i + 1 < analysed.tokens.length; i++) {
    const a = analysed.tokens[i] as AnalysedToken;
    const b = analysed.tokens[i + 1] as AnalysedToken;
    joinedExpansions.push(joinable(a.text, b.text) ? cache.get({ text: a.text + b.text, skeleton: '', variantIds: NO_VARIANTS, abjad: false }, false) : null);
  }
  return { raw, side, expansions, joinedExpansions, totalWeight, firstLetters, initialLetters };
}
