import type { EntityProbes, ProbeToken } from './entity-probes.js';
import { MAX_JOINED_PART, maxTypoEdits, skeletonRelated, withinEdits } from './tolerance.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * What a subject's two adjacent parts, written together, must satisfy to meet the changed part
 * `target`: the part on the other side of the driving term must be within `edits` of `text`.
 */
export interface JoinCheck {
  readonly text: string;
  readonly edits: number;
  readonly target: string;
}

/**
 * The look-ups one vetting run makes in the database, decided in memory against the vocabulary:
 * every subject that could score on a changed entity carries one of the related terms, or a
 * join found through `joinsByFirst` / `joinsBySecond` that passes its check, or one of the
 * documents. `related` also says which changed parts each term meets, for the score bound.
 */
export interface CandidatePlan {
  /** Subject term -> the changed part texts it meets (same text, variant, skeleton, typo, split). */
  readonly related: ReadonlyMap<number, ReadonlySet<string>>;
  /** Driving term (first part of a join) -> checks on the second part. */
  readonly joinsByFirst: ReadonlyMap<number, readonly JoinCheck[]>;
  /** Driving term (second part) -> checks on the first part. */
  readonly joinsBySecond: ReadonlyMap<number, readonly JoinCheck[]>;
}

function relate(related: Map<number, Set<string>>, term: number, text: string): void {
  const set = related.get(term);
  if (set === undefined) related.set(term, new Set([text]));
  else set.add(text);
}

function addCheck(map: Map<number, JoinCheck[]>, term: number, check: JoinCheck): void {
  const list = map.get(term);
  if (list === undefined) map.set(term, [check]);
  else if (!list.some((c) => c.text === check.text && c.target === check.target && c.edits >= check.edits)) list.push(check);
}

/** The changed parts a join found through its driving term meets, given its other part. */
export function joinTargets(otherText: string, checks: readonly JoinCheck[], emit: (target: string) => void): void {
  for (const c of checks) if (withinEdits(otherText, c.text, c.edits)) emit(c.target);
}

/**
 * The screener compares a subject's adjacent parts a, b written together with a listed part t
 * when they are within the edits their length allows. Then t splits into p + s with
 * d(a, p) + d(b, s) within the budget, or, when the edit is a transposition across the join,
 * into p + s with those two letters swapped and one edit spent. For each split one side is
 * looked up, exactly (or within one edit when both sides carry one), and the other checked.
 */
function planSplits(vocabulary: Vocabulary, target: string, first: Map<number, JoinCheck[]>, second: Map<number, JoinCheck[]>): void {
  const length = target.length;
  const budget = maxTypoEdits(length + 2);
  const splits: Array<{ p: string; s: string; edits: number }> = [];
  for (let x = 0; x <= length; x++) {
    splits.push({ p: target.slice(0, x), s: target.slice(x), edits: budget });
    if (budget >= 1 && x >= 1 && x < length && target[x - 1] !== target[x]) {
      const swapped = target.slice(0, x - 1) + target.charAt(x) + target.charAt(x - 1) + target.slice(x + 1);
      splits.push({ p: swapped.slice(0, x), s: swapped.slice(x), edits: budget - 1 });
    }
  }
  for (const { p, s, edits } of splits) {
    // A pair is only compared joined when one part is short.
    if (p.length - edits > MAX_JOINED_PART && s.length - edits > MAX_JOINED_PART) continue;
    // One side exact, the other within the budget: driven by the exact side, one term.
    if (p.length > 0) vocabulary.exact(p, (id) => addCheck(first, id, { text: s, edits, target }));
    if (s.length > 0) vocabulary.exact(s, (id) => addCheck(second, id, { text: p, edits, target }));
    if (edits >= 2) {
      // One edit on each side: the longer side drives.
      if (p.length >= s.length) vocabulary.within(p, 1, (id) => addCheck(first, id, { text: s, edits: 1, target }));
      else vocabulary.within(s, 1, (id) => addCheck(second, id, { text: p, edits: 1, target }));
    }
  }
}

/**
 * The subject terms the screener's expansion of a term would reach this part from: the same
 * text, a shared variant class, the same skeleton where the screener counts it (see
 * `skeletonRelated`), or the edits the lengths allow.
 */
function planToken(vocabulary: Vocabulary, probe: ProbeToken, related: Map<number, Set<string>>): void {
  const add = (id: number): void => relate(related, id, probe.text);
  vocabulary.exact(probe.text, add);
  for (const skeleton of probe.skeletons) {
    vocabulary.skeleton(skeleton, (id) => {
      if (skeletonRelated(vocabulary.text(id) ?? '', vocabulary.abjad(id), probe.text, probe.abjad, skeleton.length)) add(id);
    });
  }
  for (const v of probe.variantIds) vocabulary.variant(v, add);
  vocabulary.typoNeighbours(probe.text, add);
}

/**
 * Plans the reverse look-up for a set of changed entities: the subject terms each changed part
 * reaches the way the screener's expansion would (same text, variant class, skeleton, the
 * edits allowed, parts written together on either side).
 */
export function planCandidates(vocabulary: Vocabulary, probes: EntityProbes): CandidatePlan {
  const related = new Map<number, Set<string>>();
  const joinsByFirst = new Map<number, JoinCheck[]>();
  const joinsBySecond = new Map<number, JoinCheck[]>();
  for (const probe of probes.tokens.values()) {
    planToken(vocabulary, probe, related);
    planSplits(vocabulary, probe.text, joinsByFirst, joinsBySecond);
  }
  for (const [compound, parts] of probes.compounds) {
    const add = (id: number): void => {
      for (const part of parts) relate(related, id, part);
    };
    vocabulary.exact(compound, add);
    vocabulary.typoNeighbours(compound, add);
  }
  return { related, joinsByFirst, joinsBySecond };
}
