import type { HitState } from './case-types.js';
import type { Outcome } from './reason-codes.js';

/**
 * Whether every hit that needs a decision has a final one, and what the case then comes to.
 * Hits suppressed at screening need none, but count once someone decides them anyway. A case
 * with nothing to decide (enhanced screening without hits) is not settled by itself: someone
 * closes it.
 */
export function settle(hits: ReadonlyArray<{ state: HitState; outcome: string | null }>): { settled: boolean; outcome?: Outcome } {
  const relevant = hits.filter((hit) => hit.state !== 'suppressed');
  if (relevant.length === 0 || relevant.some((hit) => hit.state !== 'final')) return { settled: false };
  const outcomes = new Set(relevant.map((hit) => hit.outcome));
  const outcome: Outcome = outcomes.has('true_match') ? 'true_match' : outcomes.has('inconclusive') ? 'inconclusive' : 'false_positive';
  return { settled: true, outcome };
}
