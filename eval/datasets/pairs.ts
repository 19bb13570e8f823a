import type { LabelledQuery } from './types.js';

/** One (subject, entity, label) pair for the pairwise metrics. */
export interface LabelledPair {
  /** Index into the query list the pair was made from. */
  query: number;
  entityId: string;
  label: boolean;
}

/**
 * Positives paired with their expected entity, and hard negatives: each negative paired with
 * the listed entity the baseline finds most similar (`hardestEntity`), so that the negative
 * pairs are the ones a name matcher finds hardest, not random easy ones.
 */
export function buildPairs(
  queries: readonly LabelledQuery[],
  hardestEntity: (queryIndex: number) => string | undefined,
): LabelledPair[] {
  const pairs: LabelledPair[] = [];
  queries.forEach((q, i) => {
    if (q.expected !== undefined) {
      pairs.push({ query: i, entityId: q.expected, label: true });
      return;
    }
    const entityId = hardestEntity(i);
    if (entityId !== undefined) pairs.push({ query: i, entityId, label: false });
  });
  return pairs;
}
