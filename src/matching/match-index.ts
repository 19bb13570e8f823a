import type { Entity, EntitySchema } from '../domain/index.js';
import { buildIndexData, type IndexData } from './index-data.js';
import { compoundWeight, ExpansionCache, expansionSimilarity, JOINED_SIM, prepareQueryNames, type Expansion, type QueryName } from './query.js';
import { packedSim, SIM_INITIAL, type SimToken } from './token-similarity.js';
import { informationFactor } from './token-weights.js';
import { fromTransferable, shareArrays, toTransferable, type TransferableIndex } from './transferable.js';

/** A candidate from step 1: an entity, its most promising name and an upper bound of its name score. */
export interface Candidate {
  entityId: string;
  /** Position of the entity in the index (stable within one snapshot). */
  entityIndex: number;
  /** Position in `entity.names` of the name that gave the bound. */
  nameOrdinal: number;
  /**
   * Upper bound of the name score any name of this entity can reach against the query (the
   * scorer never exceeds it, features aside), used to rank and to prune.
   */
  bound: number;
}

/** Step 1's answer as positions (see `MatchIndex.rank`): valid until the index's next query. */
export interface RankedCandidates {
  count: number;
  /** Entity positions, best bound first. */
  entities: Int32Array;
  /** Per candidate, the position in `entity.names` of the name that gave the bound. */
  nameOrdinals: Int32Array;
  bounds: Float64Array;
}

export interface CandidateOptions {
  /** At most this many candidates, best bound first. Default 250. */
  limit?: number;
  /** Leave out entities whose bound is below this. Default 0. */
  minBound?: number;
  /** The subject's schema, used as a hint for name analysis (legal forms). */
  schema?: EntitySchema;
}

export interface BuildOptions {
  /** Entries in the query-part expansion cache; 0 disables it. Default 50,000. */
  expansionCacheSize?: number;
}

/** Numbers per name in `MatchIndex.perName`. */
const STRIDE = 8;

/**
 * An immutable snapshot of the lists for matching. Build one with `buildIndex`; to change the
 * lists build another and swap the reference: nothing mutates a built index (its only mutable
 * parts are scratch buffers and an expansion cache that never change an answer).
 */
export class MatchIndex {
  /** @internal */
  readonly data: IndexData;
  /** @internal */
  readonly cache: ExpansionCache;

  // Scratch for step 1, reused across queries (a query runs synchronously start to end).
  /**
   * Per name, eight numbers side by side: round stamp, accumulated worth, slot stamp, best of
   * the slot, then a copy of the name's `nameInfo` (weight, kind factor, letter masks). One
   * reached name then costs one cache line instead of six: with a million names these arrays
   * far exceed the cache and step 1 is bound by memory latency.
   */
  private readonly perName: Float64Array;
  private readonly entityStamp: Int32Array;
  private readonly entityBound: Float64Array;
  private readonly entityName: Int32Array;
  private touched: Int32Array;
  private touchedCount = 0;
  private readonly entityList: number[] = [];
  private readonly ranked: RankedCandidates = { count: 0, entities: new Int32Array(256), nameOrdinals: new Int32Array(256), bounds: new Float64Array(256) };
  private slotCounter = 0;
  private queryCounter = 0;
  private readonly initialScratch = new Float64Array(64);
  private firstRound = 1;
  /** Made on first use (a batch on worker threads) and kept: the index never changes. */
  private transferable: TransferableIndex | undefined;

  /** @internal Use `buildIndex` or `MatchIndex.fromTransferable`. */
  constructor(data: IndexData, options: BuildOptions = {}) {
    this.data = data;
    this.cache = new ExpansionCache(data, options.expansionCacheSize ?? 50_000);
    this.perName = new Float64Array(data.nameCount * STRIDE);
    for (let n = 0; n < data.nameCount; n++) {
      for (let f = 0; f < 4; f++) this.perName[STRIDE * n + 4 + f] = data.nameInfo[4 * n + f] as number;
    }
    this.entityStamp = new Int32Array(data.entityCount);
    this.entityBound = new Float64Array(data.entityCount);
    this.entityName = new Int32Array(data.entityCount);
    this.touched = new Int32Array(1024);
  }

  /** Entities, names and distinct name parts in the index. */
  get size(): { entities: number; names: number; tokens: number } {
    return { entities: this.data.entityCount, names: this.data.nameCount, tokens: this.data.tokenCount };
  }

  /** The entity at a position, as given to `buildIndex`. */
  entity(entityIndex: number): Entity {
    return this.data.entities.get(entityIndex);
  }

  /** The position of an entity id, or undefined. */
  indexOf(entityId: string): number | undefined {
    return this.data.entities.indexOf(entityId);
  }

  /**
   * Step 1: entities whose names share parts with the query (exact, variant, skeleton, within
   * one or two edits, joined or split), ranked by an upper bound of the name score. Cheap and
   * high recall; scoring is step 2.
   */
  candidates(names: string | readonly string[], options: CandidateOptions = {}): Candidate[] {
    const list = typeof names === 'string' ? [names] : names;
    const prepared = prepareQueryNames(this.data, this.cache, list, options.schema);
    return this.collect(prepared, options.minBound ?? 0, options.limit ?? 250);
  }

  /** @internal Step 1 on prepared query names, as `Candidate`s. */
  collect(queryNames: readonly QueryName[], minBound: number, limit: number): Candidate[] {
    const ranked = this.rank(queryNames, minBound, limit);
    const out: Candidate[] = new Array<Candidate>(ranked.count);
    for (let k = 0; k < ranked.count; k++) {
      const e = ranked.entities[k] as number;
      out[k] = { entityId: this.data.entities.id(e), entityIndex: e, nameOrdinal: ranked.nameOrdinals[k] as number, bound: ranked.bounds[k] as number };
    }
    return out;
  }

  /**
   * @internal Step 1 on prepared query names: the best `limit` entities by bound, as positions in
   * scratch arrays that the next call overwrites. The screener reads them at once; making a
   * `Candidate` (its id a string read from shared memory in a worker) for each of hundreds of
   * candidates a subject cost more than scoring the few that qualify.
   */
  rank(queryNames: readonly QueryName[], minBound: number, limit: number): RankedCandidates {
    const data = this.data;
    const p = this.perName;
    this.reserveRounds(queryNames.length);
    // Stamps only grow within a call: a name touched by any round of this call has a stamp >= first.
    const first = this.queryCounter + 1;
    this.firstRound = first;
    const entityList = this.entityList;
    entityList.length = 0;
    for (const name of queryNames) {
      const round = ++this.queryCounter;
      this.touchedCount = 0;
      this.accumulate(name, round, minBound);
      const denominatorBase = name.totalWeight;
      for (let k = 0; k < this.touchedCount; k++) {
        const n = this.touched[k] as number;
        const at = STRIDE * n;
        let upper = p[at + 1] as number;
        // An initial edge needs an initial on one side and the same first letter on the other.
        if ((name.initialLetters & (p[at + 6] as number)) !== 0 || ((p[at + 7] as number) & name.firstLetters) !== 0) {
          upper += this.initialBound(name, n);
        }
        const overlap = upper / (denominatorBase + (p[at + 4] as number));
        const kindFactor = p[at + 5] as number;
        // Cheap test first: the information factor is at most 1.
        if ((overlap < 1 ? overlap : 1) * kindFactor + 1e-9 < minBound) continue;
        // The epsilon absorbs rounding: sums here and in the alignment run in different orders.
        const bound = (overlap < 1 ? overlap : 1) * informationFactor(upper / 2) * kindFactor + 1e-9;
        if (bound < minBound) continue;
        const e = data.nameEntity[n] as number;
        if (this.entityStamp[e] !== first) {
          this.entityStamp[e] = first;
          this.entityBound[e] = bound;
          this.entityName[e] = n;
          entityList.push(e);
        } else if (bound > (this.entityBound[e] as number)) {
          this.entityBound[e] = bound;
          this.entityName[e] = n;
        }
      }
    }
    const bounds = this.entityBound;
    entityList.sort((a, b) => (bounds[b] as number) - (bounds[a] as number) || a - b);
    const kept = Math.min(limit, entityList.length);
    const ranked = this.ranked;
    if (ranked.entities.length < kept) {
      const size = Math.max(kept, ranked.entities.length * 2);
      ranked.entities = new Int32Array(size);
      ranked.nameOrdinals = new Int32Array(size);
      ranked.bounds = new Float64Array(size);
    }
    for (let k = 0; k < kept; k++) {
      const e = entityList[k] as number;
      ranked.entities[k] = e;
      ranked.nameOrdinals[k] = data.nameOrdinal[this.entityName[e] as number] as number;
      ranked.bounds[k] = bounds[e] as number;
    }
    ranked.count = kept;
    return ranked;
  }

  private reserveRounds(rounds: number): void {
    if (this.queryCounter + rounds >= 0x3fffffff) {
      this.queryCounter = 0;
      this.entityStamp.fill(0);
      for (let n = 0; n < this.data.nameCount; n++) this.perName[STRIDE * n] = 0;
    }
  }

  /** @internal Whether the last `collect` reached this name through any query part. */
  touchedByLastCollect(nameId: number): boolean {
    return (this.perName[STRIDE * nameId] as number) >= this.firstRound;
  }

  private nextSlot(): number {
    if (this.slotCounter >= 0x3fffffff) {
      this.slotCounter = 0;
      for (let n = 0; n < this.data.nameCount; n++) this.perName[STRIDE * n + 2] = 0;
    }
    return ++this.slotCounter;
  }

  /**
   * Accumulates, per name, the best contribution of each query slot (a part, or two parts
   * written together): `sim x (w_query + w_entity part)`, exactly the worth of the edge the
   * scorer would take. Several slots may claim one entity part here, where the alignment
   * uses it once: so the sum never falls below what the alignment takes.
   *
   * Slots run from the most to the least they can add (MaxScore). Once the slots left could
   * not lift a name they alone reach to `minBound`, they only add to names already reached:
   * "LLC", "al" or "of" no longer drag in thousands of names that cannot qualify.
   */
  private accumulate(name: QueryName, round: number, minBound: number): void {
    const data = this.data;
    const weights = name.side.weights;
    // Per slot, the most it can add, split into its query side (`a`) and entity side (`b`).
    const slots: { ex: Expansion; queryWeight: number; compounds: boolean; a: number; b: number }[] = [];
    // Only single parts' expansions carry compounds: the best figures include them.
    const push = (ex: Expansion, w: number, compounds: boolean): void => {
      slots.push({ ex, queryWeight: w, compounds, a: ex.bestSim * w, b: ex.bestWorth });
    };
    for (let i = 0; i < name.expansions.length; i++) {
      const ex = name.expansions[i];
      if (ex !== null && ex !== undefined) push(ex, weights[i] as number, true);
    }
    for (let i = 0; i < name.joinedExpansions.length; i++) {
      const ex = name.joinedExpansions[i];
      if (ex !== null && ex !== undefined && ex.ids.length > 0) push(ex, (weights[i] as number) + (weights[i + 1] as number), false);
    }
    // Alternatives: several query parts written as one word, or one without its article.
    for (let a = 0; a < name.altExpansions.length; a++) {
      const ex = name.altExpansions[a] as Expansion;
      if (ex.ids.length > 0) push(ex, name.side.altWeights[a] as number, false);
    }
    slots.sort((x, y) => y.a + y.b - (x.a + x.b));
    // Query initials can meet any entity part (weight at most 1, at SIM_INITIAL) or the same
    // initial (exactly, weight at most maxInitialWeight) in a name no slot reached.
    let restA = 0;
    let restB = 0;
    const initialB = Math.max(SIM_INITIAL, data.maxInitialWeight);
    for (let i = 0; i < name.side.length; i++) {
      if ((name.side.tokens[i] as SimToken).text.length !== 1) continue;
      restA += weights[i] as number;
      restB += initialB;
    }
    for (const s of slots) {
      restA += s.a;
      restB += s.b;
    }
    const total = name.totalWeight;
    for (const s of slots) {
      // A name reached only by the slots left gains at most restA + B with B <= restB, and its
      // own weight is at least B: the overlap is then at most (restA + B) / (total + B).
      const atZero = restA / total;
      const atMost = (restA + restB) / (total + restB);
      const overlap = Math.min(1, Math.max(atZero, atMost));
      const admit = overlap * informationFactor((restA + restB) / 2) + 1e-9 >= minBound;
      restA -= s.a;
      restB -= s.b;
      const slot = this.nextSlot();
      this.addExpansion(s.ex, s.queryWeight, slot, round, admit);
      if (!s.compounds) continue;
      // The same part against two adjacent entity parts written together.
      const compounds = s.ex.compounds;
      for (let x = 0; x < compounds.length; x++) {
        const k = compounds[x] as number;
        const n = data.positionName[k] as number;
        if (admit || this.perName[STRIDE * n] === round || data.nameHasInitial[n] === 1) {
          this.add(n, slot, JOINED_SIM * (s.queryWeight + compoundWeight(data, k)), round);
        }
      }
    }
  }

  /**
   * Most the alignment can gain from edges with an initial, which step 1 does not enumerate:
   * for each initial on either side, its best edge in this name (each part is used once, so
   * every taken initial edge is counted here at least once).
   */
  private initialBound(name: QueryName, n: number): number {
    const data = this.data;
    const side = name.side;
    const start = data.nameTokenStarts[n] as number;
    const end = data.nameTokenStarts[n + 1] as number;
    const scratch = this.initialScratch;
    // Absurdly long names (no list has one) are not bounded: always candidates.
    if (end - start > scratch.length) return Number.POSITIVE_INFINITY;
    const firstChar = data.tokenFirstChar;
    const isInitial = data.tokenIsInitial;
    let total = 0;
    for (let i = 0; i < side.length; i++) {
      const qt = (side.tokens[i] as SimToken).text;
      const qInitial = qt.length === 1;
      const q0 = qt.charCodeAt(0);
      const a = side.weights[i] as number;
      let bestForQuery = 0;
      for (let k = start; k < end; k++) {
        const t = data.nameTokens[k] as number;
        const eInitial = isInitial[t] === 1;
        if ((!qInitial && !eInitial) || firstChar[t] !== q0) continue;
        // Same first letter: an initial edge (SIM_INITIAL), or exact when both are the same letter.
        const sim = qInitial && eInitial ? 1 : SIM_INITIAL;
        const v = sim * (a + (data.tokenWeight[t] as number) * (data.nameRoleWeights[k] as number));
        if (qInitial) {
          if (v > bestForQuery) bestForQuery = v;
        } else if (v > (scratch[k - start] as number)) {
          // An entity initial: count its best edge once, against whichever query part.
          scratch[k - start] = v;
        }
      }
      total += bestForQuery;
    }
    for (let k = 0; k < end - start; k++) {
      total += scratch[k] as number;
      scratch[k] = 0;
    }
    return total;
  }

  /**
   * Adds a slot's expansion through the postings. With `admit` false only names already
   * reached, and names with initials (whose initial edges step 1 bounds separately), are
   * updated; when the postings are long, by walking the reached names instead.
   */
  private addExpansion(ex: Expansion, queryWeight: number, slot: number, round: number, admit: boolean): void {
    const data = this.data;
    const starts = data.postingStarts;
    const postings = data.postings;
    const weights = data.postingWeights;
    if (admit) {
      for (let x = 0; x < ex.ids.length; x++) {
        const t = ex.ids[x] as number;
        const sim = packedSim(ex.packed[x] as number);
        const end = starts[t + 1] as number;
        for (let k = starts[t] as number; k < end; k++) this.add(postings[k] as number, slot, sim * (queryWeight + (weights[k] as number)), round);
      }
      return;
    }
    let postingCount = 0;
    for (let x = 0; x < ex.ids.length; x++) postingCount += (starts[(ex.ids[x] as number) + 1] as number) - (starts[ex.ids[x] as number] as number);
    const perName = this.perName;
    if (this.touchedCount * 4 < postingCount) {
      const reached = this.touchedCount;
      for (let r = 0; r < reached; r++) {
        const n = this.touched[r] as number;
        const end = data.nameTokenStarts[n + 1] as number;
        for (let k = data.nameTokenStarts[n] as number; k < end; k++) {
          const t = data.nameTokens[k] as number;
          const packed = expansionSimilarity(ex, t);
          if (packed > 0) this.add(n, slot, packedSim(packed) * (queryWeight + (data.tokenWeight[t] as number) * (data.nameRoleWeights[k] as number)), round);
        }
        const altEnd = data.nameAltStarts[n + 1] as number;
        for (let a = data.nameAltStarts[n] as number; a < altEnd; a++) {
          const packed = expansionSimilarity(ex, data.altTokens[a] as number);
          if (packed > 0) this.add(n, slot, packedSim(packed) * (queryWeight + (data.altWeights[a] as number)), round);
        }
      }
      const iStarts = data.initialPostingStarts;
      const iPostings = data.initialPostings;
      const iWeights = data.initialPostingWeights;
      for (let x = 0; x < ex.ids.length; x++) {
        const t = ex.ids[x] as number;
        const sim = packedSim(ex.packed[x] as number);
        const end = iStarts[t + 1] as number;
        for (let k = iStarts[t] as number; k < end; k++) this.add(iPostings[k] as number, slot, sim * (queryWeight + (iWeights[k] as number)), round);
      }
      return;
    }
    const hasInitial = data.nameHasInitial;
    for (let x = 0; x < ex.ids.length; x++) {
      const t = ex.ids[x] as number;
      const sim = packedSim(ex.packed[x] as number);
      const end = starts[t + 1] as number;
      for (let k = starts[t] as number; k < end; k++) {
        const n = postings[k] as number;
        if (perName[STRIDE * n] === round || hasInitial[n] === 1) this.add(n, slot, sim * (queryWeight + (weights[k] as number)), round);
      }
    }
  }

  private add(n: number, slot: number, c: number, round: number): void {
    const p = this.perName;
    const at = STRIDE * n;
    if (p[at] !== round) {
      p[at] = round;
      p[at + 1] = 0;
      if (this.touchedCount === this.touched.length) {
        const t = new Int32Array(this.touched.length * 2);
        t.set(this.touched);
        this.touched = t;
      }
      this.touched[this.touchedCount++] = n;
    }
    if (p[at + 2] !== slot) {
      p[at + 2] = slot;
      p[at + 3] = c;
      p[at + 1] = (p[at + 1] as number) + c;
    } else if (c > (p[at + 3] as number)) {
      p[at + 1] = (p[at + 1] as number) + c - (p[at + 3] as number);
      p[at + 3] = c;
    }
  }


  /**
   * A compact form to hand to worker threads: typed arrays on shared memory plus one JSON string.
   * Made once per index, so every batch after the first starts its workers at once.
   */
  toTransferable(): TransferableIndex {
    this.transferable ??= toTransferable(this.data);
    return this.transferable;
  }

  /**
   * Rebuilds an index from `toTransferable()` output (in a worker), sharing its typed arrays.
   * Its answers are the same; its entities carry only what matching reads (`TransferableIndex`).
   */
  static fromTransferable(t: TransferableIndex, options: BuildOptions = {}): MatchIndex {
    return new MatchIndex(fromTransferable(t), options);
  }
}

/**
 * Builds an immutable matching index from entities (one list version set). Every name is
 * analysed once here; queries then only analyse the subject.
 *
 * @example
 * const index = buildIndex(entities);
 * const screener = createScreener(index);
 * screener.screen({ id: 'p1', name: 'Abu Bakr al-Baghdadi', birthDate: '1971-07-28' });
 */
export function buildIndex(entities: Iterable<Entity>, options: BuildOptions = {}): MatchIndex {
  return new MatchIndex(shareArrays(buildIndexData(entities)), options);
}
