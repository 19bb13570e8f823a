import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 5000 };

  it('doubles after each failure', () => {
    expect([1, 2, 3].map((n) => backoffDelay(policy, n))).toEqual([1000, 2000, 4000]);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelay(policy, 4)).toBe(5000);
    expect(backoffDelay(policy, 40)).toBe(5000);
  });
});
