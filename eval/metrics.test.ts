import { describe, expect, it } from 'vitest';
import { negativeMetrics, positiveMetrics } from './evaluate.js';
import { bestF1Threshold, confusionAt, prf, rate, rocAuc, thresholdForAlertRate } from './metrics.js';

const pairs = (pos: number[], neg: number[]) => [
  ...pos.map((score) => ({ score, label: true })),
  ...neg.map((score) => ({ score, label: false })),
];

describe('metrics', () => {
  it('counts recall and recall@1 over outcomes', () => {
    const m = positiveMetrics([
      { alert: true, found: true, top1: true },
      { alert: true, found: true, top1: false },
      { alert: false, found: false, top1: false },
      { alert: true, found: true, top1: true },
    ]);
    expect(m).toEqual({ n: 4, recall: 0.75, recallAt1: 0.5 });
  });

  it('counts the alert rate of negatives', () => {
    const m = negativeMetrics([
      { alert: false, found: false, top1: false },
      { alert: true, found: false, top1: false },
      { alert: false, found: false, top1: false },
      { alert: false, found: false, top1: false },
    ]);
    expect(m).toEqual({ n: 4, alerts: 1, alertRate: 0.25 });
  });

  it('gives NaN, not a perfect score, for an empty group', () => {
    expect(rate([])).toBeNaN();
  });

  it('computes precision, recall and F1 at a threshold (score >= threshold is positive)', () => {
    const p = pairs([0.9, 0.8, 0.4], [0.8, 0.3]);
    const c = confusionAt(p, 0.8);
    expect(c).toEqual({ tp: 2, fp: 1, fn: 1, tn: 1 });
    const { precision, recall, f1 } = prf(c);
    expect(precision).toBeCloseTo(2 / 3);
    expect(recall).toBeCloseTo(2 / 3);
    expect(f1).toBeCloseTo(2 / 3);
  });

  it('computes ROC AUC as the share of positive-negative pairs ordered right, ties half', () => {
    // 0.9 and 0.8 beat both negatives, 0.4 beats only 0.3: 5 of 6.
    expect(rocAuc(pairs([0.9, 0.8, 0.4], [0.7, 0.3]))).toBeCloseTo(5 / 6);
    expect(rocAuc(pairs([0.5], [0.5]))).toBe(0.5);
    expect(rocAuc(pairs([1, 1], [0, 0]))).toBe(1);
    expect(rocAuc(pairs([0, 0], [1, 1]))).toBe(0);
    expect(rocAuc(pairs([0.6, 0.5], [0.5, 0.1]))).toBeCloseTo((1 + 1 + 1 + 0.5) / 4);
  });

  it('picks the threshold with the best F1 among observed scores', () => {
    // At 0.8: TP 2, FP 0, FN 1 -> F1 0.8; at 0.4: TP 3, FP 1 -> F1 6/7 (the best); at 0.3: F1 0.75.
    const best = bestF1Threshold(pairs([0.9, 0.8, 0.4], [0.5, 0.3]));
    expect(best.threshold).toBe(0.4);
    expect(best.f1).toBeCloseTo(6 / 7);
  });

  it('finds the lowest threshold keeping the alert rate within the target', () => {
    const scores = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
    // 10% of 10 negatives: one may alert, so the threshold sits just above the second best.
    const t = thresholdForAlertRate(scores, 0.1);
    expect(t).toBeGreaterThan(0.9);
    expect(t).toBeLessThanOrEqual(0.95);
    expect(scores.filter((s) => s >= t).length).toBe(1);
    // Ties at the bar are excluded together.
    const tied = thresholdForAlertRate([0.9, 0.9, 0.9, 0.1], 0.25);
    expect([0.9, 0.9, 0.9, 0.1].filter((s) => s >= tied).length).toBe(0);
  });
});
