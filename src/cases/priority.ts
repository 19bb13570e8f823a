import type { Decision } from '../domain/index.js';

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** 0 for critical .. 3 for low: the queue sorts on it. */
export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

/** A score from which a match is near-certain (a document or name, date and nationality agree). */
const CRITICAL_SCORE = 0.97;
/** A review this close to the match threshold is looked at before weak ones. */
const STRONG_REVIEW_SCORE = 0.8;

/**
 * The priority a case opens with: a match is high (critical when near-certain), a review medium
 * or low by its best score. Enhanced screening (an elevated posture at this port or channel)
 * raises a case with hits one step; one opened only because nothing auto-clears there stays low.
 * People adjust it afterwards.
 */
export function derivePriority(input: { decision: Exclude<Decision, 'clear'>; topScore: number; hits: number; enhanced: boolean }): Priority {
  let rank: number;
  if (input.decision === 'match') rank = input.topScore >= CRITICAL_SCORE ? 0 : 1;
  else if (input.hits === 0) rank = 3;
  else rank = input.topScore >= STRONG_REVIEW_SCORE ? 2 : 3;
  if (input.enhanced && input.hits > 0) rank = Math.max(0, rank - 1);
  return PRIORITIES[rank] as Priority;
}
