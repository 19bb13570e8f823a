import { describe, expect, it } from 'vitest';
import type { MarkedHit } from './case-types.js';
import { decideFromHits } from './decide-from-hits.js';
import { derivePriority } from './priority.js';

const hit = (entityId: string, score: number, suppressed = false): MarkedHit => ({
  entityId,
  score,
  caption: entityId,
  matchedName: entityId,
  explanation: {},
  ...(suppressed ? { suppressed: { decisionId: 'd', suppressionId: 's', since: '2026-01-01T00:00:00Z', reason: 'different_dob', via: 'fingerprint' as const } } : {}),
});

describe('decideFromHits', () => {
  it('keeps the screening decision when nothing is suppressed', () => {
    expect(decideFromHits({ decision: 'review', hits: [hit('a', 0.95)] })).toBe('review');
  });

  it('decides from the hits left, with the posture thresholds, and never clears under enhanced screening', () => {
    const hits = [hit('a', 0.95, true), hit('b', 0.75)];
    expect(decideFromHits({ decision: 'match', hits })).toBe('review');
    expect(decideFromHits({ decision: 'match', hits, posture: { reviewThreshold: 0.8, matchThreshold: 0.9 } })).toBe('clear');
    expect(decideFromHits({ decision: 'match', hits, posture: { reviewThreshold: 0.8, matchThreshold: 0.9, enhanced: 'port JFK' } })).toBe('review');
    expect(decideFromHits({ decision: 'match', hits: [hit('a', 0.99, true)] })).toBe('clear');
  });
});

describe('derivePriority', () => {
  it('puts near-certain matches first and raises cases with hits under enhanced screening', () => {
    expect(derivePriority({ decision: 'match', topScore: 0.99, hits: 1, enhanced: false })).toBe('critical');
    expect(derivePriority({ decision: 'match', topScore: 0.92, hits: 1, enhanced: false })).toBe('high');
    expect(derivePriority({ decision: 'review', topScore: 0.85, hits: 2, enhanced: false })).toBe('medium');
    expect(derivePriority({ decision: 'review', topScore: 0.72, hits: 1, enhanced: true })).toBe('medium');
    expect(derivePriority({ decision: 'review', topScore: 0, hits: 0, enhanced: true })).toBe('low');
  });
});
