import type { Entity, Hit, ScreeningResult, Subject } from '../../src/domain/index.js';
import { foldName } from '../fold.js';

/**
 * The brute-force baseline the issue asks for: whole-string Jaro-Winkler between the folded
 * query and every listed name (lower case, diacritics stripped, punctuation removed, as OFAC's
 * own search tool does), hits above a threshold. No tokens, no transliteration, no dates.
 *
 * It is exact: the character-bag bound below only skips names that provably cannot reach the
 * bar, so results equal a naive loop over every name, only faster.
 */

const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;
/** Winkler's original rule: the prefix bonus only applies to pairs already this similar. */
const BOOST_THRESHOLD = 0.7;

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro similarity of two strings, 0..1. */
export function jaro(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 && lb === 0) return 1;
  if (la === 0 || lb === 0) return 0;
  if (a === b) return 1;
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i - window > 0 ? i - window : 0;
    const hi = i + window + 1 < lb ? i + window + 1 : lb;
    const ca = a.charCodeAt(i);
    for (let j = lo; j < hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === ca) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - halfTranspositions / 2) / m) / 3;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(MAX_PREFIX, a.length, b.length);
  let p = 0;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

function boost(j: number, prefix: number): number {
  return j > BOOST_THRESHOLD ? j + prefix * PREFIX_SCALE * (1 - j) : j;
}

/** Jaro-Winkler similarity, 0..1 (prefix scale 0.1, prefix up to 4, boost above 0.7). */
export function jaroWinkler(a: string, b: string): number {
  return boost(jaro(a, b), commonPrefix(a, b));
}

/** Characters are counted in 64 buckets; a shared bucket over-counts, so the bound stays safe. */
const BUCKETS = 64;

function bucketCounts(s: string, out: Uint8Array, offset: number): void {
  for (let i = 0; i < s.length; i++) {
    const slot = offset + (s.charCodeAt(i) & (BUCKETS - 1));
    if (out[slot]! < 255) out[slot]!++;
  }
}

/**
 * Jaro of a query (at most 31 characters, prepared once as per-character position masks)
 * against another string, bit-parallel: each character of `b` takes the first free equal
 * character of the query inside the window with one AND. Same result as `jaro`.
 */
/** Position masks by UTF-16 code unit; shared, and cleared by `release` after each query. */
const MASKS = new Int32Array(65536);
const MATCHED_B = new Uint8Array(1024);

class BitJaro {
  readonly query: string;

  constructor(query: string) {
    this.query = query;
    for (let i = 0; i < query.length; i++) MASKS[query.charCodeAt(i)]! |= 1 << i;
  }

  release(): void {
    for (let i = 0; i < this.query.length; i++) MASKS[this.query.charCodeAt(i)] = 0;
  }

  score(b: string): number {
    const a = this.query;
    const la = a.length;
    const lb = b.length;
    if (la === 0 || lb === 0) return la === lb ? 1 : 0;
    if (lb > MATCHED_B.length) return jaro(a, b);
    const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
    let freeA = la === 32 ? -1 : (1 << la) - 1;
    let matches = 0;
    const matchedB = MATCHED_B;
    for (let j = 0; j < lb; j++) {
      const m = MASKS[b.charCodeAt(j)]!;
      matchedB[j] = 0;
      if (m === 0) continue;
      const lo = j - window;
      const hi = j + window;
      // Positions lo..hi of the query.
      let range = hi >= 31 ? -1 : (1 << (hi + 1)) - 1;
      if (lo > 0) range &= ~((1 << lo) - 1);
      const candidates = m & freeA & range;
      if (candidates === 0) continue;
      freeA &= ~(candidates & -candidates);
      matchedB[j] = 1;
      matches++;
    }
    if (matches === 0) return 0;
    // Matched query characters are the cleared bits of freeA, in order; pair them with matched b in order.
    let halfTranspositions = 0;
    let i = 0;
    const usedA = ~freeA;
    for (let j = 0; j < lb; j++) {
      if (matchedB[j] === 0) continue;
      while (((usedA >>> i) & 1) === 0) i++;
      if (a.charCodeAt(i) !== b.charCodeAt(j)) halfTranspositions++;
      i++;
    }
    const m = matches;
    return (m / la + m / lb + (m - halfTranspositions / 2) / m) / 3;
  }
}

export interface NameMatch {
  entityId: string;
  name: string;
  score: number;
}

export interface SearchOptions {
  /** Only names scoring at least this are returned. */
  floor: number;
  /** Entities kept, best first. */
  limit: number;
}

export interface JaroWinklerIndex {
  readonly nameCount: number;
  /** Best entities for one query string, each with its best-scoring name. */
  search(query: string, options: SearchOptions): NameMatch[];
  /** Best score of a query against one entity's names (0 when the entity is unknown). */
  scoreEntity(query: string, entityId: string): number;
}

export interface IndexedName {
  entityId: string;
  name: string;
}

/** Every name of every entity, folded; the baseline searches all of them. */
export function listedNames(entities: readonly Entity[]): IndexedName[] {
  const out: IndexedName[] = [];
  for (const entity of entities) {
    const seen = new Set<string>();
    for (const name of entity.names) {
      const folded = foldName(name.full);
      if (folded === '' || seen.has(folded)) continue;
      seen.add(folded);
      out.push({ entityId: entity.id, name: folded });
    }
  }
  return out;
}

/** How many of the most promising names (by bound) are scored first, to raise the bar early. */
const WARM_UP = 24;

export function buildJaroWinklerIndex(names: readonly IndexedName[]): JaroWinklerIndex {
  const count = names.length;
  const texts = names.map((n) => n.name);
  const ids = names.map((n) => n.entityId);
  const lengths = new Uint16Array(count);
  const bags = new Uint8Array(count * BUCKETS);
  // The same counts bucket-major, so that one query bucket is one pass over contiguous memory.
  const columns = new Uint8Array(count * BUCKETS);
  const common = new Uint8Array(count);
  const byEntity = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    const text = texts[i]!;
    lengths[i] = text.length;
    bucketCounts(text, bags, i * BUCKETS);
    const list = byEntity.get(ids[i]!);
    if (list === undefined) byEntity.set(ids[i]!, [i]);
    else list.push(i);
  }
  for (let i = 0; i < count; i++) for (let b = 0; b < BUCKETS; b++) columns[b * count + i] = bags[i * BUCKETS + b]!;
  const queryBag = new Uint8Array(BUCKETS);
  const queryBuckets: number[] = [];
  const bounds = new Float64Array(count);

  function search(rawQuery: string, options: SearchOptions): NameMatch[] {
    const query = foldName(rawQuery);
    const lq = query.length;
    if (lq === 0) return [];
    const jaroOf = lq <= 31 ? new BitJaro(query) : undefined;
    const scoreOf = (text: string): number => boost(jaroOf === undefined ? jaro(query, text) : jaroOf.score(text), commonPrefix(query, text));
    queryBag.fill(0);
    queryBuckets.length = 0;
    bucketCounts(query, queryBag, 0);
    for (let b = 0; b < BUCKETS; b++) if (queryBag[b]! > 0) queryBuckets.push(b);

    // Pass 1: an upper bound for every name (Jaro with every shared character matched in order).
    common.fill(0);
    for (let q = 0; q < queryBuckets.length; q++) {
      const b = queryBuckets[q]!;
      const x = queryBag[b]!;
      const base = b * count;
      for (let i = 0; i < count; i++) {
        const y = columns[base + i]!;
        common[i] = common[i]! + (x < y ? x : y);
      }
    }
    const warm: number[] = [];
    let warmBar = 0;
    for (let i = 0; i < count; i++) {
      const ln = lengths[i]!;
      let c = common[i]!;
      if (c > ln) c = ln;
      if (c > lq) c = lq;
      // Without the prefix bonus here; it is added when the name is considered.
      const bound = c === 0 ? 0 : (c / lq + c / ln + 1) / 3;
      bounds[i] = bound;
      if (bound <= warmBar) continue;
      let at = warm.length;
      while (at > 0 && bounds[warm[at - 1]!]! < bound) at--;
      warm.splice(at, 0, i);
      if (warm.length > WARM_UP) warm.pop();
      if (warm.length === WARM_UP) warmBar = bounds[warm[WARM_UP - 1]!]!;
    }

    // Best score per entity; the bar is the floor or, once `limit` entities are held, the worst of them.
    const best = new Map<string, { score: number; name: number }>();
    let bar = options.floor;
    const limit = options.limit;
    const consider = (i: number): void => {
      const jb = bounds[i]!;
      const text = texts[i]!;
      if (boost(jb, commonPrefix(query, text)) < bar) return;
      const score = scoreOf(text);
      if (score < bar) return;
      const id = ids[i]!;
      const previous = best.get(id);
      if (previous !== undefined && previous.score >= score) return;
      best.set(id, { score, name: i });
      if (best.size > limit) {
        let worst = '';
        let worstScore = Infinity;
        for (const [k, v] of best) if (v.score < worstScore) {
          worst = k;
          worstScore = v.score;
        }
        best.delete(worst);
      }
      if (best.size >= limit) {
        let lowest = Infinity;
        for (const v of best.values()) if (v.score < lowest) lowest = v.score;
        bar = Math.max(options.floor, lowest);
      }
    };
    for (const i of warm) {
      consider(i);
      bounds[i] = 0;
    }
    // Most names fail the bound with the best possible prefix; test that inline before anything else.
    for (let i = 0; i < count; i++) {
      const jb = bounds[i]!;
      if (jb === 0 || jb + MAX_PREFIX * PREFIX_SCALE * (1 - jb) < bar) continue;
      consider(i);
    }

    jaroOf?.release();
    const out: NameMatch[] = [];
    for (const [entityId, v] of best) out.push({ entityId, name: texts[v.name]!, score: v.score });
    out.sort((x, y) => y.score - x.score || (x.entityId < y.entityId ? -1 : 1));
    return out;
  }

  function scoreEntity(rawQuery: string, entityId: string): number {
    const query = foldName(rawQuery);
    let top = 0;
    for (const i of byEntity.get(entityId) ?? []) {
      const s = jaroWinkler(query, texts[i]!);
      if (s > top) top = s;
    }
    return top;
  }

  return { nameCount: count, search, scoreEntity };
}

export function subjectNames(subject: Subject): string[] {
  return typeof subject.name === 'string' ? [subject.name] : subject.name;
}

export interface JaroWinklerScreener {
  screen(subject: Subject): ScreeningResult;
}

/**
 * The baseline as a screener: every entity with a name at or above `threshold` is a hit,
 * decision `review` when there is any. Dates and nationality are ignored, as in the tool it models.
 */
export function createJaroWinklerScreener(
  entities: readonly Entity[],
  options: { threshold: number; limit?: number },
): JaroWinklerScreener {
  const index = buildJaroWinklerIndex(listedNames(entities));
  const captions = new Map(entities.map((e) => [e.id, e.caption]));
  const limit = options.limit ?? 50;
  return {
    screen(subject: Subject): ScreeningResult {
      const merged = new Map<string, NameMatch>();
      for (const name of subjectNames(subject)) {
        for (const m of index.search(name, { floor: options.threshold, limit })) {
          const known = merged.get(m.entityId);
          if (known === undefined || known.score < m.score) merged.set(m.entityId, m);
        }
      }
      const hits: Hit[] = [...merged.values()]
        .sort((x, y) => y.score - x.score)
        .map((m) => ({
          entityId: m.entityId,
          score: m.score,
          caption: captions.get(m.entityId) ?? m.entityId,
          matchedName: m.name,
          explanation: { method: 'jaro-winkler', score: m.score },
        }));
      return { id: subject.id, decision: hits.length > 0 ? 'review' : 'clear', hits };
    },
  };
}
