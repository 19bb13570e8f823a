import { forEachDeletionKey } from './deletion-keys.js';
import { findSlot, hashString, keyFilterHas, SINGLE } from './hash-multimap.js';
import { letterBit, shortKey, type IndexData } from './index-data.js';
import { subjectReadings, type AnalysedName, type AnalysedToken } from './name-analysis.js';
import { MAX_PARTS, newNameSide, pushAlt, pushPart, type NameSide } from './name-score.js';
import { hasVowel, HOW_EXACT, joinable, joinedEdits, MAX_JOINED_PART, maxEdits, osaDistance, pack, packedSim, tokenSimilarity, type SimToken } from './token-similarity.js';
import { GenerationCache } from '../domain/index.js';
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
  /**
   * The most a slot with this expansion can add in step 1, split into its query side (`bestSim`,
   * times the query part's weight) and entity side (`bestWorth`: similarity times the entity
   * part's largest weight, joined parts included).
   */
  readonly bestSim: number;
  readonly bestWorth: number;
}

/** One subject name, analysed and expanded against one index. */
export interface QueryName {
  readonly raw: string;
  readonly side: NameSide;
  /** Per part; for an initial only the same initial (see `prepareQueryName`). */
  readonly expansions: readonly (Expansion | null)[];
  /** Per adjacent pair i, i+1: the two parts written together ("al baghdadi" -> "albaghdadi"). */
  readonly joinedExpansions: readonly (Expansion | null)[];
  /** Per alternative of `side` (`side.alts`), its expansion. */
  readonly altExpansions: readonly Expansion[];
  readonly totalWeight: number;
  /** `letterBit` of every part's first letter, and of the single-letter parts only. */
  readonly firstLetters: number;
  readonly initialLetters: number;
}

const NO_VARIANTS: readonly number[] = [];
const NO_NAMES = new Uint32Array(0);
const EMPTY: Expansion = { ids: new Int32Array(0), packed: new Float64Array(0), compounds: NO_NAMES, bestSim: 0, bestWorth: 0 };
/** What a part joined with its neighbour is worth against two entity parts written together. */
export const JOINED_SIM = 0.95;

/** Weight of the two adjacent entity parts at `nameTokens` position k (see `compounds`). */
export function compoundWeight(data: IndexData, k: number): number {
  return (
    (data.tokenWeight[data.nameTokens[k] as number] as number) * (data.nameRoleWeights[k] as number) +
    (data.tokenWeight[data.nameTokens[k + 1] as number] as number) * (data.nameRoleWeights[k + 1] as number)
  );
}

function makeExpansion(data: IndexData, ids: Int32Array, packed: Float64Array, compounds: Uint32Array): Expansion {
  let bestSim = 0;
  let bestWorth = 0;
  for (let x = 0; x < ids.length; x++) {
    const sim = packedSim(packed[x] as number);
    if (sim > bestSim) bestSim = sim;
    const worth = sim * (data.tokenMaxWeight[ids[x] as number] as number);
    if (worth > bestWorth) bestWorth = worth;
  }
  for (let x = 0; x < compounds.length; x++) {
    if (JOINED_SIM > bestSim) bestSim = JOINED_SIM;
    const worth = JOINED_SIM * compoundWeight(data, compounds[x] as number);
    if (worth > bestWorth) bestWorth = worth;
  }
  return { ids, packed, compounds, bestSim, bestWorth };
}

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
  const at = findSlot(keys, hashString(joined));
  if (at < 0) return;
  const from = keys.table[at + 1] as number;
  const to = keys.table[at + 2] as number;
  if (to === SINGLE) out.add(from);
  else for (let k = from; k < to; k++) out.add(keys.values[k] as number);
}

/**
 * Vocabulary tokens within `k` edits of `text` (text only: what `joinedSimilarity` compares),
 * each passed to `found` once.
 */
function typoNeighbours(data: IndexData, text: string, k: number, scratch: ExpansionScratch, found: (id: number) => void): void {
  const visit = scratch.next();
  const keys = data.deletionKeys;
  const len = text.length;
  forEachDeletionKey(
    text,
    (h) => {
      const at = findSlot(keys, h);
      if (at < 0) return;
      const from = keys.table[at + 1] as number;
      const to = keys.table[at + 2] as number;
      const single = to === SINGLE;
      for (let x = single ? 0 : from, end = single ? 1 : to; x < end; x++) {
        const id = single ? from : (keys.values[x] as number);
        if (scratch.stamp[id] === visit) continue;
        scratch.stamp[id] = visit;
        if (Math.abs((data.tokenLength[id] as number) - len) > k) continue;
        if (osaDistance(text, (data.tokens[id] as SimToken).text, k) <= k) found(id);
      }
    },
    k,
  );
}

/**
 * Whether some compound may lie within one edit of `text`: two words within one edit share a
 * one-letter deletion key (or one's own), so no shared key in the filter means none does.
 */
function nearCompound(data: IndexData, text: string): boolean {
  // No filter (a very large index): anything may be near.
  if (data.compoundNeighbours.length === 0) return true;
  let near = false;
  forEachDeletionKey(
    text,
    (h) => {
      if (!near && keyFilterHas(data.compoundNeighbours, h)) near = true;
    },
    1,
  );
  return near;
}

/**
 * Where this token is two adjacent name parts written together. Exact joins are one hash
 * look-up; when the token is not itself in the vocabulary, each split whose short side (at
 * most `MAX_JOINED_PART` letters) is a known part is also tried with the other side's
 * neighbours within the edits `joinedSimilarity` tolerates (fewer than the short side has
 * letters).
 */
function compoundsOf(data: IndexData, text: string, scratch: ExpansionScratch): Uint32Array {
  const out = new Set<number>();
  compoundLookup(data, text, out);
  if (text.length >= 5 && !data.vocabulary.has(text) && nearCompound(data, text)) {
    const k = Math.min(1, maxEdits(text.length + 2));
    for (let p = 2; p <= text.length - 2; p++) {
      const prefix = p <= MAX_JOINED_PART ? text.slice(0, p) : '';
      const suffix = text.length - p <= MAX_JOINED_PART ? text.slice(p) : '';
      if (prefix !== '' && data.vocabulary.has(prefix)) {
        const rest = text.slice(p);
        typoNeighbours(data, rest, Math.min(k, p - 1), scratch, (id) => compoundLookup(data, prefix + (data.tokens[id] as SimToken).text, out));
      }
      if (suffix !== '' && data.vocabulary.has(suffix)) {
        const rest = text.slice(0, p);
        typoNeighbours(data, rest, Math.min(k, suffix.length - 1), scratch, (id) => compoundLookup(data, (data.tokens[id] as SimToken).text + suffix, out));
      }
    }
  }
  return out.size === 0 ? NO_NAMES : Uint32Array.from(out);
}

/**
 * Computes a token's expansion against the index vocabulary. `maxEdits` caps the typos looked
 * for below what `tokenSimilarity` tolerates, when the caller's scorer tolerates fewer (two
 * parts written together: fewer edits than the shorter has letters; several parts as one
 * word: none).
 */
export function expandToken(data: IndexData, token: SimToken, scratch: ExpansionScratch, withCompounds: boolean, typos = 2): Expansion {
  const visit = scratch.next();
  const exact = data.vocabulary.get(token.text);
  if (exact !== undefined) consider(data, token, scratch, visit, exact);
  for (const v of token.variantIds) for (const id of data.variantTokens.get(v) ?? []) consider(data, token, scratch, visit, id);
  if (token.skeleton.length >= 2) {
    const same = data.skeletonTokens.get(token.skeleton);
    // Two-letter skeletons only count with an abjad spelling on one side, or the same vowels
    // (see tokenSimilarity).
    const short = token.skeleton.length === 2 && !token.abjad;
    if (same !== undefined) {
      const len = token.text.length;
      const vowelled = hasVowel(token.text);
      for (const id of same) {
        const other = data.tokens[id] as SimToken;
        if (short && !other.abjad) continue;
        // Equal Latin skeletons of very different lengths meet neither as a skeleton (see
        // tokenSimilarity) nor as a slip: skip them without comparing (large buckets).
        if (!token.abjad && !other.abjad && vowelled) {
          const olen = data.tokenLength[id] as number;
          if (Math.abs(olen - len) > 2 && Math.min(olen, len) < 0.7 * Math.max(olen, len) && hasVowel(other.text)) continue;
        }
        consider(data, token, scratch, visit, id);
      }
    }
    if (short) for (const id of data.shortTokens.get(shortKey(token)) ?? []) consider(data, token, scratch, visit, id);
  }
  const keys = data.deletionKeys;
  const table = keys.table;
  const values = keys.values;
  const lengths = data.tokenLength;
  const len = token.text.length;
  if (typos > 0) forEachDeletionKey(token.text, (h) => {
    const at = findSlot(keys, h);
    if (at < 0) return;
    const from = table[at + 1] as number;
    const to = table[at + 2] as number;
    const single = to === SINGLE;
    for (let k = single ? 0 : from, end = single ? 1 : to; k < end; k++) {
      const id = single ? from : (values[k] as number);
      // Variant and skeleton neighbours were all visited above: what is left can only be a
      // typo, impossible beyond the tolerated length difference (keys may share up to 4 edits).
      const other = lengths[id] as number;
      if (Math.abs(other - len) > Math.min(typos, maxEdits(Math.max(other, len)))) continue;
      consider(data, token, scratch, visit, id);
    }
  }, typos);
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
  return makeExpansion(data, ids, packed, compounds);
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

interface CacheEntry {
  readonly token: SimToken;
  readonly withCompounds: boolean;
  readonly typos: number;
  readonly expansion: Expansion;
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function entryMatches(e: CacheEntry, token: SimToken, withCompounds: boolean, typos: number): boolean {
  return (
    e.withCompounds === withCompounds &&
    e.typos === typos &&
    e.token.skeleton === token.skeleton &&
    e.token.abjad === token.abjad &&
    e.token.syllabic === token.syllabic &&
    sameIds(e.token.variantIds, token.variantIds)
  );
}

/**
 * Expansion cache shared by the queries of one index: common parts recur in every batch. Keyed
 * by text, then by the rest of the token (one text nearly always has one form).
 */
export class ExpansionCache {
  private readonly map: GenerationCache<string, CacheEntry | CacheEntry[]>;
  private readonly scratch: ExpansionScratch;
  /**
   * Whole subject names, analysed and expanded (by schema and text): the same travellers and
   * the same common names come back in every batch, and a query name never changes.
   */
  readonly names: GenerationCache<string, QueryName[]>;
  constructor(
    private readonly data: IndexData,
    readonly capacity = 50_000,
  ) {
    this.scratch = new ExpansionScratch(data.tokenCount);
    this.map = new GenerationCache(capacity);
    this.names = new GenerationCache(Math.floor(capacity / 2));
  }

  get(token: SimToken, withCompounds: boolean, typos = 2): Expansion {
    const found = this.map.get(token.text);
    if (found !== undefined) {
      if (!Array.isArray(found)) {
        if (entryMatches(found, token, withCompounds, typos)) return found.expansion;
      } else {
        for (const e of found) if (entryMatches(e, token, withCompounds, typos)) return e.expansion;
      }
    }
    const expansion = expandToken(this.data, token, this.scratch, withCompounds, typos);
    if (this.capacity <= 0) return expansion;
    const entry: CacheEntry = {
      token: { text: token.text, skeleton: token.skeleton, vowels: token.vowels, variantIds: token.variantIds, abjad: token.abjad, syllabic: token.syllabic },
      withCompounds,
      typos,
      expansion,
    };
    const now = this.map.get(token.text);
    if (now === undefined) this.map.set(token.text, entry);
    else if (Array.isArray(now)) now.push(entry);
    else this.map.set(token.text, [now, entry]);
    return expansion;
  }
}

/**
 * Analyses and expands a subject's names: one query name per reading (see `subjectReadings`,
 * and `remember` there).
 */
export function prepareQueryNames(data: IndexData, cache: ExpansionCache, names: readonly string[], schema: string | undefined, remember = false): QueryName[] {
  const out: QueryName[] = [];
  for (const raw of names) {
    const key = schema === undefined ? raw : `${schema}\u0001${raw}`;
    let prepared = cache.capacity > 0 ? cache.names.get(key) : undefined;
    if (prepared === undefined) {
      prepared = subjectReadings(raw, schema, remember).map((analysed) => prepareAnalysed(data, cache, raw, analysed));
      cache.names.set(key, prepared);
    }
    for (const q of prepared) out.push(q);
  }
  return out;
}

/** Expands one analysed subject name. */
function prepareAnalysed(data: IndexData, cache: ExpansionCache, raw: string, analysed: AnalysedName): QueryName {
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
      expansions.push(id === undefined ? null : makeExpansion(data, Int32Array.of(id), Float64Array.of(pack(HOW_EXACT, 1)), NO_NAMES));
    } else {
      expansions.push(cache.get(t, true));
    }
  }
  for (let i = 0; i + 1 < analysed.tokens.length; i++) {
    const a = analysed.tokens[i] as AnalysedToken;
    const b = analysed.tokens[i + 1] as AnalysedToken;
    // joinedSimilarity tolerates one edit, and only between parts of three letters or more.
    const typos = a.syllabic || b.syllabic ? 0 : Math.max(0, joinedEdits(a.text.length, b.text.length, a.text.length + b.text.length));
    joinedExpansions.push(
      joinable(a.text, b.text) ? cache.get({ text: a.text + b.text, skeleton: '', vowels: '', variantIds: NO_VARIANTS, abjad: false, syllabic: false }, false, typos) : null,
    );
  }
  const altExpansions: Expansion[] = [];
  for (const alt of analysed.alternatives) {
    const before = side.altCount;
    pushAlt(side, alt, alt.start, alt.end);
    // Several parts as one word meet a part by spelling only (no typos, see alignNames).
    if (side.altCount > before) altExpansions.push(cache.get(alt, false, alt.end > alt.start ? 0 : 2));
  }
  return { raw, side, expansions, joinedExpansions, altExpansions, totalWeight, firstLetters, initialLetters };
}
