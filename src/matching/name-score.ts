import type { TokenRole } from './name-analysis.js';
import {
  HOW_NONE,
  HOW_SKELETON,
  HOW_TYPO,
  SIM_SKELETON,
  howName,
  joinable,
  joinedEdits,
  joinedSimilarity,
  packedHow,
  packedSim,
  type MatchHow,
  type SimToken,
} from './token-similarity.js';
import { informationFactor } from './token-weights.js';

/**
 * One name ready for scoring: its parts' comparison forms, roles and weights (rarity weight
 * times the role multiplier), as parallel arrays so the screener can refill one scratch side
 * per entity name instead of allocating.
 */
export interface NameSide {
  tokens: SimToken[];
  roles: TokenRole[];
  weights: Float64Array;
  /** Per part, `letterMask` of its text: a free test before joined parts are compared. */
  masks: Int32Array;
  length: number;
  /**
   * Alternatives (see `AnalysedAlternative`): tokens `altStart[a]..altEnd[a]` written as one
   * word, `altWeights[a]` the sum of their weights. Only those within `MAX_PARTS` are kept.
   */
  alts: SimToken[];
  altStart: Int32Array;
  altEnd: Int32Array;
  altWeights: Float64Array;
  altCount: number;
}

/** Most alternatives kept per name (real names have a handful). */
export const MAX_ALTS = 32;

const NO_INTS = new Int32Array(0);
const NO_FLOATS = new Float64Array(0);

export function newNameSide(capacity = 32): NameSide {
  return {
    tokens: [],
    roles: [],
    weights: new Float64Array(capacity),
    masks: new Int32Array(capacity),
    length: 0,
    alts: [],
    altStart: NO_INTS,
    altEnd: NO_INTS,
    altWeights: NO_FLOATS,
    altCount: 0,
  };
}

/** A bit per letter a-z present in a text (digits and the rest share bit 26). */
export function letterMask(text: string): number {
  let m = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 97;
    m |= c >= 0 && c < 26 ? 1 << c : 1 << 26;
  }
  return m;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Sum of the weights of parts `start..end`, in order (index and scorer must agree to the bit). */
export function spanWeight(weights: ArrayLike<number>, start: number, end: number): number {
  let w = 0;
  for (let k = start; k <= end; k++) w += weights[k] as number;
  return w;
}

/** Adds an alternative over parts already pushed; ignored beyond `MAX_PARTS` or `MAX_ALTS`. */
export function pushAlt(side: NameSide, token: SimToken, start: number, end: number): void {
  if (end >= MAX_PARTS || end >= side.length || side.altCount >= MAX_ALTS) return;
  if (side.altCount === side.altStart.length) {
    const size = Math.max(4, side.altStart.length * 2);
    const st = new Int32Array(size);
    const en = new Int32Array(size);
    const w = new Float64Array(size);
    st.set(side.altStart);
    en.set(side.altEnd);
    w.set(side.altWeights);
    side.altStart = st;
    side.altEnd = en;
    side.altWeights = w;
  }
  const a = side.altCount++;
  side.alts[a] = token;
  side.altStart[a] = start;
  side.altEnd[a] = end;
  side.altWeights[a] = spanWeight(side.weights, start, end);
}

export function pushPart(side: NameSide, token: SimToken, role: TokenRole, weight: number, mask = letterMask(token.text)): void {
  if (side.length === side.weights.length) {
    const w = new Float64Array(side.weights.length * 2);
    w.set(side.weights);
    side.weights = w;
    const m = new Int32Array(side.masks.length * 2);
    m.set(side.masks);
    side.masks = m;
  }
  side.tokens[side.length] = token;
  side.roles[side.length] = role;
  side.weights[side.length] = weight;
  side.masks[side.length] = mask;
  side.length++;
}

/**
 * Packed similarity of subject part `i` and entity part `j` (see token-similarity.ts); an index
 * from `ALT_BASE` on is an alternative (`i - ALT_BASE`). Alternatives never meet initials.
 */
export type PairSimilarity = (i: number, j: number) => number;

/** Alternatives are numbered from here in a `PairSimilarity` (above `MAX_PARTS`). */
export const ALT_BASE = 64;
/** An alternative stands for its parts written as one word: it matches a little less than they would. */
export const ALT_SIM = 0.95;

export interface AlignedPart {
  subject: string;
  entity: string;
  how: MatchHow;
  similarity: number;
  /** What the pair adds to the name score's numerator (similarity x the parts' weights). */
  weight: number;
}

export interface UnmatchedPart {
  side: 'subject' | 'entity';
  part: string;
  role: TokenRole;
  /** Share of the name's total weight left unmatched by this part. */
  penalty: number;
}

export interface NameAlignment {
  score: number;
  /** Weighted overlap before the information factor (a weighted Dice coefficient). */
  overlap: number;
  information: number;
  informationFactor: number;
  aligned: AlignedPart[];
  unmatched: UnmatchedPart[];
}

// Longer names are cut here for alignment: masks are 32-bit. No real name part count comes near.
export const MAX_PARTS = 30;
const MAX_EDGES = 2048;
const edgeValue = new Float64Array(MAX_EDGES);
const edgeSim = new Float64Array(MAX_EDGES);
const edgeHow = new Uint8Array(MAX_EDGES);
const edgeSubjectMask = new Uint32Array(MAX_EDGES);
const edgeEntityMask = new Uint32Array(MAX_EDGES);
const order = new Uint32Array(MAX_EDGES);
/** Packed similarity of subject part i and entity part j, at `i * 32 + j`, for the alignment under way. */
const pairSim = new Float64Array(32 * 32);
const chosen = new Uint32Array(MAX_EDGES);
const HOW_JOINED = 6;
const HOW_SPLIT = 7;
let edgeCount = 0;

function addEdge(value: number, sim: number, how: number, sMask: number, eMask: number): void {
  if (edgeCount >= MAX_EDGES) return;
  edgeValue[edgeCount] = value;
  edgeSim[edgeCount] = sim;
  edgeHow[edgeCount] = how;
  edgeSubjectMask[edgeCount] = sMask;
  edgeEntityMask[edgeCount] = eMask;
  edgeCount++;
}

/**
 * Whether one part and two written together can be within the edits `joinedSimilarity`
 * tolerates: lengths, and letters present (each edit adds or removes at most two).
 */
function joinedFits(single: string, a: string, b: string, singleMask: number, pairMask: number): boolean {
  if (!joinable(a, b)) return false;
  const k = Math.max(0, joinedEdits(a.length, b.length, single.length));
  return Math.abs(single.length - a.length - b.length) <= k && popcount(singleMask ^ pairMask) <= 2 * k;
}

/**
 * Aligns the parts of two names order-free and scores the alignment in 0..1.
 *
 * Every subject-entity pair with a similarity becomes an edge worth `sim x (w_s + w_e)` (an
 * initial against a full part has a low similarity, so "K. Rahmanov" reaches review, not match);
 * joined and split parts ("albaghdadi" / "al baghdadi") are edges over two parts, and each
 * side's alternatives (`NameSide.alts`: `abdulhai` for `abd al-hai`) edges over the parts they
 * span. Edges are taken greedily, best first, each part used once. The overlap is the taken
 * worth over the total weight of both names, so an unmatched informative part costs much and an
 * unmatched particle little. The score is the overlap damped when the matched parts carry
 * little information (common names), and for a one-word company name met on its skeleton only.
 *
 * With `detail` false only `score` is meaningful (the hot path); with it true the aligned and
 * unmatched parts are listed for the explanation.
 */
export function alignNames(subject: NameSide, entity: NameSide, sim: PairSimilarity, detail: boolean): NameAlignment {
  const m = Math.min(subject.length, MAX_PARTS);
  const n = Math.min(entity.length, MAX_PARTS);
  const sw = subject.weights;
  const ew = entity.weights;
  const st = subject.tokens;
  const et = entity.tokens;
  let total = 0;
  for (let i = 0; i < m; i++) total += sw[i] as number;
  for (let j = 0; j < n; j++) total += ew[j] as number;
  edgeCount = 0;
  for (let i = 0; i < m; i++) {
    const a = sw[i] as number;
    for (let j = 0; j < n; j++) {
      const packed = sim(i, j);
      pairSim[i * 32 + j] = packed;
      if (packed <= 0) continue;
      const how = packedHow(packed);
      const sv = packedSim(packed);
      addEdge(sv * (a + (ew[j] as number)), sv, how, 1 << i, 1 << j);
    }
  }
  // Joined and split parts: one part on one side against two adjacent parts on the other.
  for (let i = 0; i < m; i++) {
    const s = (st[i] as SimToken).text;
    for (let j = 0; j + 1 < n; j++) {
      const e1 = (et[j] as SimToken).text;
      const e2 = (et[j + 1] as SimToken).text;
      if (!joinedFits(s, e1, e2, subject.masks[i] as number, (entity.masks[j] as number) | (entity.masks[j + 1] as number))) continue;
      const syllabic = (st[i] as SimToken).syllabic || (et[j] as SimToken).syllabic || (et[j + 1] as SimToken).syllabic;
      const sv = joinedSimilarity(e1, e2, s, syllabic);
      if (sv > 0) addEdge(sv * ((sw[i] as number) + (ew[j] as number) + (ew[j + 1] as number)), sv, HOW_SPLIT, 1 << i, (1 << j) | (1 << (j + 1)));
    }
  }
  for (let j = 0; j < n; j++) {
    const e = (et[j] as SimToken).text;
    for (let i = 0; i + 1 < m; i++) {
      const s1 = (st[i] as SimToken).text;
      const s2 = (st[i + 1] as SimToken).text;
      if (!joinedFits(e, s1, s2, entity.masks[j] as number, (subject.masks[i] as number) | (subject.masks[i + 1] as number))) continue;
      const syllabic = (et[j] as SimToken).syllabic || (st[i] as SimToken).syllabic || (st[i + 1] as SimToken).syllabic;
      const sv = joinedSimilarity(s1, s2, e, syllabic);
      if (sv > 0) addEdge(sv * ((sw[i] as number) + (sw[i + 1] as number) + (ew[j] as number)), sv, HOW_JOINED, (1 << i) | (1 << (i + 1)), 1 << j);
    }
  }
  // Alternatives (one word for several parts, or a part without its article) against parts.
  for (let a = 0; a < entity.altCount; a++) {
    const from = entity.altStart[a] as number;
    const to = entity.altEnd[a] as number;
    const eMask = spanMask(from, to);
    const aw = entity.altWeights[a] as number;
    for (let i = 0; i < m; i++) {
      if ((st[i] as SimToken).text.length === 1) continue;
      const packed = sim(i, ALT_BASE + a);
      const sv = ALT_SIM * altSimilarity(packed, to > from, st[i] as SimToken, entity.alts[a] as SimToken);
      if (sv <= 0) continue;
      // Not when a part it spans alone meets the part as well (`petri` / `ay-petri`): else the
      // greedy alignment takes the wider edge and leaves `ay` unmatched.
      let covered = false;
      for (let j = from; j <= to; j++) if (packedSim(pairSim[i * 32 + j] as number) >= sv) covered = true;
      if (covered) continue;
      addEdge(sv * ((sw[i] as number) + aw), sv, to > from ? HOW_SPLIT : packedHow(packed), 1 << i, eMask);
    }
  }
  for (let a = 0; a < subject.altCount; a++) {
    const from = subject.altStart[a] as number;
    const to = subject.altEnd[a] as number;
    const sMask = spanMask(from, to);
    const aw = subject.altWeights[a] as number;
    for (let j = 0; j < n; j++) {
      if ((et[j] as SimToken).text.length === 1) continue;
      const packed = sim(ALT_BASE + a, j);
      const sv = ALT_SIM * altSimilarity(packed, to > from, subject.alts[a] as SimToken, et[j] as SimToken);
      if (sv <= 0) continue;
      let covered = false;
      for (let i = from; i <= to; i++) if (packedSim(pairSim[i * 32 + j] as number) >= sv) covered = true;
      if (covered) continue;
      addEdge(sv * (aw + (ew[j] as number)), sv, to > from ? HOW_JOINED : packedHow(packed), sMask, 1 << j);
    }
  }
  // Greedy by worth; insertion sort, since there are rarely more than a dozen edges.
  for (let k = 0; k < edgeCount; k++) {
    const v = edgeValue[k] as number;
    let p = k;
    while (p > 0 && (edgeValue[order[p - 1] as number] as number) < v) {
      order[p] = order[p - 1] as number;
      p--;
    }
    order[p] = k;
  }
  let usedS = 0;
  let usedE = 0;
  let worth = 0;
  let chosenCount = 0;
  for (let k = 0; k < edgeCount; k++) {
    const e = order[k] as number;
    const sm = edgeSubjectMask[e] as number;
    const em = edgeEntityMask[e] as number;
    if ((usedS & sm) !== 0 || (usedE & em) !== 0) continue;
    usedS |= sm;
    usedE |= em;
    worth += edgeValue[e] as number;
    chosen[chosenCount++] = e;
  }
  const overlap = total > 0 ? Math.min(1, worth / total) : 0;
  const information = worth / 2;
  const factor = informationFactor(information);
  let score = overlap * factor;
  // A company name of one identifying word met on its skeleton only (Ledda / Leda, Barros /
  // Barus): one word that merely sounds alike is weak evidence, so the similarity counts twice.
  // A slip (Unidas / Unifas) is not damped: lists' typos look just like it.
  const single = singleIdentifyingPart(subject, m);
  if (single >= 0 && singleIdentifyingPart(entity, n) >= 0 && (hasLegalForm(subject, m) || hasLegalForm(entity, n))) {
    for (let k = 0; k < chosenCount; k++) {
      const e = chosen[k] as number;
      const how = edgeHow[e] as number;
      if (((edgeSubjectMask[e] as number) & (1 << single)) !== 0 && how === HOW_SKELETON) score *= edgeSim[e] as number;
    }
  }
  if (!detail) return { score, overlap, information, informationFactor: factor, aligned: [], unmatched: [] };

  const aligned: AlignedPart[] = [];
  for (let k = 0; k < chosenCount; k++) {
    const e = chosen[k] as number;
    const how = edgeHow[e] as number;
    aligned.push({
      subject: partsText(subject, edgeSubjectMask[e] as number),
      entity: partsText(entity, edgeEntityMask[e] as number),
      how: how === HOW_JOINED ? 'joined' : how === HOW_SPLIT ? 'split' : how === HOW_NONE ? 'exact' : howName(how),
      similarity: round(edgeSim[e] as number),
      weight: round(edgeValue[e] as number),
    });
  }
  const unmatched: UnmatchedPart[] = [];
  for (let i = 0; i < m; i++) {
    if ((usedS & (1 << i)) !== 0) continue;
    const part = (st[i] as SimToken).text;
    unmatched.push({ side: 'subject', part, role: subject.roles[i] ?? 'unknown', penalty: round((sw[i] as number) / total) });
  }
  for (let j = 0; j < n; j++) {
    if ((usedE & (1 << j)) !== 0) continue;
    const part = (et[j] as SimToken).text;
    unmatched.push({ side: 'entity', part, role: entity.roles[j] ?? 'unknown', penalty: round((ew[j] as number) / total) });
  }
  return { score, overlap, information, informationFactor: factor, aligned, unmatched };
}

/**
 * Similarity of a part and an alternative. Several parts as one word meet a part by spelling
 * (exact, variant, skeleton), not by a slip: else `kvarta` would take `kvarta vk` (as
 * `kvartavk`, two letters off) and leave `vk` unmatched. When a slip scores higher than an
 * equal skeleton, the skeleton's similarity is taken.
 */
function altSimilarity(packed: number, severalParts: boolean, a: SimToken, b: SimToken): number {
  if (packed <= 0) return 0;
  if (!severalParts || packedHow(packed) !== HOW_TYPO) return packedSim(packed);
  return a.skeleton.length >= 3 && a.skeleton === b.skeleton ? Math.min(SIM_SKELETON, packedSim(packed)) : 0;
}

/** The position of a side's only identifying part (not a particle, title, legal form or initial), or -1. */
function singleIdentifyingPart(side: NameSide, count: number): number {
  let found = -1;
  for (let i = 0; i < count; i++) {
    const role = side.roles[i];
    if (role === 'particle' || role === 'title' || role === 'legal_form' || role === 'initial') continue;
    if (found >= 0) return -1;
    found = i;
  }
  return found;
}

function hasLegalForm(side: NameSide, count: number): boolean {
  for (let i = 0; i < count; i++) if (side.roles[i] === 'legal_form') return true;
  return false;
}

function spanMask(from: number, to: number): number {
  let mask = 0;
  for (let k = from; k <= to; k++) mask |= 1 << k;
  return mask;
}

function partsText(side: NameSide, mask: number): string {
  const out: string[] = [];
  for (let i = 0; i < side.length && i < MAX_PARTS; i++) if ((mask & (1 << i)) !== 0) out.push((side.tokens[i] as SimToken).text);
  return out.join(' ');
}

export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
