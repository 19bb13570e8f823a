import type { TokenRole } from './name-analysis.js';
import {
  HOW_NONE,
  howName,
  joinable,
  joinedSimilarity,
  maxEdits,
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
  length: number;
}

export function newNameSide(capacity = 32): NameSide {
  return { tokens: [], roles: [], weights: new Float64Array(capacity), length: 0 };
}

export function pushPart(side: NameSide, token: SimToken, role: TokenRole, weight: number): void {
  if (side.length === side.weights.length) {
    const w = new Float64Array(side.weights.length * 2);
    w.set(side.weights);
    side.weights = w;
  }
  side.tokens[side.length] = token;
  side.roles[side.length] = role;
  side.weights[side.length] = weight;
  side.length++;
}

/** Packed similarity of subject part `i` and entity part `j` (see token-similarity.ts). */
export type PairSimilarity = (i: number, j: number) => number;

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

function joinedFits(single: string, a: string, b: string): boolean {
  if (!joinable(a, b)) return false;
  const joined = a.length + b.length;
  return Math.abs(single.length - joined) <= maxEdits(Math.max(single.length, joined));
}

/**
 * Aligns the parts of two names order-free and scores the alignment in 0..1.
 *
 * Every subject-entity pair with a similarity becomes an edge worth `sim x (w_s + w_e)` (an
 * initial against a full part has a low similarity, so "K. Rahmanov" reaches review, not match);
 * joined and split parts
 * ("albaghdadi" / "al baghdadi") are edges over two parts. Edges are taken greedily, best
 * first, each part used once. The overlap is the taken worth over the total weight of both
 * names, so an unmatched informative part costs much and an unmatched particle little. The
 * score is the overlap damped when the matched parts carry little information (common names).
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
      if (!joinedFits(s, e1, e2)) continue;
      const sv = joinedSimilarity(e1, e2, s);
      if (sv > 0) addEdge(sv * ((sw[i] as number) + (ew[j] as number) + (ew[j + 1] as number)), sv, HOW_SPLIT, 1 << i, (1 << j) | (1 << (j + 1)));
    }
  }
  for (let j = 0; j < n; j++) {
    const e = (et[j] as SimToken).text;
    for (let i = 0; i + 1 < m; i++) {
      const s1 = (st[i] as SimToken).text;
      const s2 = (st[i + 1] as SimToken).text;
      if (!joinedFits(e, s1, s2)) continue;
      const sv = joinedSimilarity(s1, s2, e);
      if (sv > 0) addEdge(sv * ((sw[i] as number) + (sw[i + 1] as number) + (ew[j] as number)), sv, HOW_JOINED, (1 << i) | (1 << (i + 1)), 1 << j);
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
  const score = overlap * factor;
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

function partsText(side: NameSide, mask: number): string {
  const out: string[] = [];
  for (let i = 0; i < side.length && i < MAX_PARTS; i++) if ((mask & (1 << i)) !== 0) out.push((side.tokens[i] as SimToken).text);
  return out.join(' ');
}

export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
