export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure a delivery is dead-lettered. */
  maxAttempts: number;
  /** The wait after the first failure; each later failure doubles it. */
  baseDelayMs: number;
  /** No wait grows past this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 30_000, maxDelayMs: 60 * 60_000 };

/** The wait before attempt `failedAttempts + 1`: base, 2 x base, 4 x base, ... capped. */
export function backoffDelay(policy: RetryPolicy, failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}
