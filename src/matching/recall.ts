import type { Subject } from '../domain/index.js';
import type { MatchIndex } from './match-index.js';
import { subjectFacts } from './features.js';
import { prepareQueryNames } from './query.js';
import { combine, entityFeatures, IndexedScorer } from './score-subject.js';
import { createScreener, DEFAULT_THRESHOLDS } from './screener.js';

export interface RecallReport {
  subjects: number;
  /** Entity-subject pairs at or above the threshold by brute force. */
  expected: number;
  /** ... of which the screener (candidates, then scores) found. */
  found: number;
  /** found / expected (1 when nothing was expected). */
  recall: number;
  /** Pairs the screener missed, for inspection. */
  missed: { subjectId: string; entityId: string; score: number }[];
  /** Pairs where the screener's score differs from the brute-force score (should be none). */
  scoreMismatches: { subjectId: string; entityId: string; screener: number; bruteForce: number }[];
}

/**
 * Candidate recall against brute force: every subject is scored against every entity by the
 * exact scorer (pre-analysed names, every part similarity computed afresh, no index look-up),
 * and the pairs at or above `threshold` are looked for among the screener's hits. Slow by design
 * (entities x subjects); meant for benchmarks and tests.
 */
export function measureCandidateRecall(
  index: MatchIndex,
  subjects: Iterable<Subject>,
  options: { threshold?: number; limit?: number } = {},
): RecallReport {
  const threshold = options.threshold ?? DEFAULT_THRESHOLDS.review;
  const screener = createScreener(index, {
    reviewThreshold: threshold,
    matchThreshold: Math.max(threshold, DEFAULT_THRESHOLDS.match),
    minScore: threshold,
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
  const report: RecallReport = { subjects: 0, expected: 0, found: 0, recall: 1, missed: [], scoreMismatches: [] };
  const entityCount = index.size.entities;
  const brute = new IndexedScorer(index.data, true);
  for (const subject of subjects) {
    report.subjects++;
    const hits = new Map(screener.screen(subject).hits.map((h) => [h.entityId, h.score]));
    const names = typeof subject.name === 'string' ? [subject.name] : subject.name;
    const queryNames = prepareQueryNames(index.data, index.cache, names, subject.schema);
    const facts = subjectFacts(subject);
    for (let e = 0; e < entityCount; e++) {
      const entity = index.entity(e);
      const score = combine(brute.bestName(queryNames, e).score, entityFeatures(facts, entity));
      const got = hits.get(entity.id);
      if (got !== undefined && Math.abs(got - score) > 1e-9) {
        report.scoreMismatches.push({ subjectId: subject.id, entityId: entity.id, screener: got, bruteForce: score });
      }
      if (score < threshold) continue;
      report.expected++;
      if (got !== undefined) report.found++;
      else report.missed.push({ subjectId: subject.id, entityId: entity.id, score });
    }
  }
  report.recall = report.expected === 0 ? 1 : report.found / report.expected;
  return report;
}
