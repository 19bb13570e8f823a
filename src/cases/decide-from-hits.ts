import type { Decision } from '../domain/index.js';
import { DEFAULT_THRESHOLDS } from '../matching/index.js';
import type { MarkedHit } from './case-types.js';

export interface Thresholds {
  review: number;
  match: number;
}

interface DecidedResult {
  decision: Decision;
  hits: readonly MarkedHit[];
  posture?: { reviewThreshold: number; matchThreshold: number; enhanced?: string } | undefined;
}

/**
 * The decision a result deserves once suppressed hits are set aside: the best remaining score
 * against the thresholds it was screened with (the posture's, else the given or default ones),
 * and never clear where enhanced screening applied. With nothing suppressed the screening's own
 * decision stands unchanged.
 */
export function decideFromHits(result: DecidedResult, thresholds?: Thresholds): Decision {
  if (!result.hits.some((hit) => hit.suppressed !== undefined)) return result.decision;
  const review = result.posture?.reviewThreshold ?? thresholds?.review ?? DEFAULT_THRESHOLDS.review;
  const match = result.posture?.matchThreshold ?? thresholds?.match ?? DEFAULT_THRESHOLDS.match;
  const top = result.hits.reduce((best, hit) => (hit.suppressed === undefined && hit.score > best ? hit.score : best), 0);
  const decision: Decision = top >= match ? 'match' : top >= review ? 'review' : 'clear';
  return decision === 'clear' && result.posture?.enhanced !== undefined ? 'review' : decision;
}
