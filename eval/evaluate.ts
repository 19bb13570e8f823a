import type { LabelledQuery } from './datasets/types.js';
import { confusionAt, prf, rate, rocAuc, type ScoredPair } from './metrics.js';

/** What one system answered for one query, reduced to what the metrics need. */
export interface Outcome {
  /** decision != clear */
  alert: boolean;
  /**
   * The expected entity, or the same person's or body's other entry (see twinsOf), is among the
   * hits at or above the review threshold.
   */
  found: boolean;
  /** The best hit (at or above review) is the expected entity or one of its twins. */
  top1: boolean;
}

export interface PositiveMetrics {
  n: number;
  recall: number;
  recallAt1: number;
}

export interface NegativeMetrics {
  n: number;
  alerts: number;
  alertRate: number;
}

export interface PairMetrics {
  threshold: number;
  pairs: number;
  positives: number;
  negatives: number;
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number;
}

export function positiveMetrics(outcomes: readonly Outcome[]): PositiveMetrics {
  return {
    n: outcomes.length,
    recall: rate(outcomes.map((o) => o.found)),
    recallAt1: rate(outcomes.map((o) => o.top1)),
  };
}

export function negativeMetrics(outcomes: readonly Outcome[]): NegativeMetrics {
  const alerts = outcomes.filter((o) => o.alert).length;
  return { n: outcomes.length, alerts, alertRate: outcomes.length === 0 ? Number.NaN : alerts / outcomes.length };
}

export function pairMetrics(pairs: readonly ScoredPair[], threshold: number): PairMetrics {
  const c = confusionAt(pairs, threshold);
  const { precision, recall, f1 } = prf(c);
  return {
    threshold,
    pairs: pairs.length,
    positives: c.tp + c.fn,
    negatives: c.fp + c.tn,
    precision,
    recall,
    f1,
    rocAuc: rocAuc(pairs),
  };
}

/** Groups of positives the report breaks recall down by. */
export function positiveGroups(queries: readonly LabelledQuery[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const add = (key: string, i: number): void => {
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [i]);
    else list.push(i);
  };
  queries.forEach((q, i) => {
    if (q.expected === undefined) return;
    add('overall', i);
    if (q.category !== 'alias-weak') add('overall excl. weak aliases', i);
    add(q.dob === 'none' && !q.nationality ? 'name only' : 'name + date or nationality', i);
    if (q.dob !== 'none') add(`date of birth: ${q.dob}`, i);
    add(`category: ${q.category}`, i);
    add(`listed by: ${q.expected.split(':')[0]!}`, i);
    if (q.category === 'latin-from-cyrillic') add(`romanisation: ${q.detail}`, i);
  });
  return groups;
}

/** Groups of negatives the report breaks the alert rate down by. */
export function negativeGroups(queries: readonly LabelledQuery[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const add = (key: string, i: number): void => {
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [i]);
    else list.push(i);
  };
  queries.forEach((q, i) => {
    if (q.expected !== undefined) return;
    if (q.category === 'negative-org') {
      add('organisations', i);
      return;
    }
    add('people', i);
    add(q.dob === 'none' && !q.nationality ? 'people, name only' : 'people, with date or nationality', i);
    add(`locale: ${q.origin}`, i);
    add(`form: ${q.detail.split(' ').slice(1).join(' ')}`, i);
  });
  return groups;
}
