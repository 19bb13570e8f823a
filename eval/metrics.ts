/**
 * Metrics of the accuracy report, kept pure so that tests can check them on hand-made inputs.
 */

export interface ScoredPair {
  score: number;
  label: boolean;
}

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Share of `true` in a list; NaN for an empty list, so an empty category cannot look perfect. */
export function rate(flags: readonly boolean[]): number {
  if (flags.length === 0) return Number.NaN;
  let n = 0;
  for (const f of flags) if (f) n++;
  return n / flags.length;
}

/** A pair is predicted positive when its score is at or above the threshold. */
export function confusionAt(pairs: readonly ScoredPair[], threshold: number): Confusion {
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const p of pairs) {
    const predicted = p.score >= threshold;
    if (predicted && p.label) c.tp++;
    else if (predicted) c.fp++;
    else if (p.label) c.fn++;
    else c.tn++;
  }
  return c;
}

export function prf(c: Confusion): Prf {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? Number.NaN : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Area under the ROC curve as the Mann-Whitney statistic: the probability that a random
 * positive outscores a random negative, ties counting one half.
 */
export function rocAuc(pairs: readonly ScoredPair[]): number {
  const sorted = pairs.slice().sort((a, b) => a.score - b.score);
  let positives = 0;
  let negatives = 0;
  for (const p of sorted) if (p.label) positives++;
  negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  // Sum of the (average, for ties) ranks of the positives.
  let rankSum = 0;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.score === sorted[i]!.score) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (sorted[k]!.label) rankSum += averageRank;
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface ThresholdChoice extends Prf {
  threshold: number;
}

/** The threshold (one of the observed scores) with the highest F1; ties go to the higher threshold. */
export function bestF1Threshold(pairs: readonly ScoredPair[]): ThresholdChoice {
  const sorted = pairs.slice().sort((a, b) => b.score - a.score);
  const totalPositives = sorted.filter((p) => p.label).length;
  let tp = 0;
  let fp = 0;
  let best: ThresholdChoice = { threshold: Infinity, precision: 1, recall: 0, f1: 0 };
  let i = 0;
  while (i < sorted.length) {
    const score = sorted[i]!.score;
    while (i < sorted.length && sorted[i]!.score === score) {
      if (sorted[i]!.label) tp++;
      else fp++;
      i++;
    }
    const precision = tp / (tp + fp);
    const recall = totalPositives === 0 ? 0 : tp / totalPositives;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    if (f1 > best.f1) best = { threshold: score, precision, recall, f1 };
  }
  return best;
}

/**
 * The lowest threshold at which at most `maxRate` of the negative queries would alert, given
 * each negative's best score. Alerting means best score >= threshold.
 */
export function thresholdForAlertRate(negativeBestScores: readonly number[], maxRate: number): number {
  const n = negativeBestScores.length;
  if (n === 0) return 0;
  const allowed = Math.floor(maxRate * n);
  const sorted = negativeBestScores.slice().sort((a, b) => b - a);
  // With threshold just above sorted[allowed], at most `allowed` negatives reach it.
  if (allowed >= n) return 0;
  const bar = sorted[allowed]!;
  return nextUp(bar);
}

/** The smallest double greater than x: a threshold that excludes a score exactly equal to x. */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  const buffer = new DataView(new ArrayBuffer(8));
  buffer.setFloat64(0, x === 0 ? 0 : x);
  const bits = buffer.getBigUint64(0);
  if (x === 0) return Number.MIN_VALUE;
  buffer.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return buffer.getFloat64(0);
}
