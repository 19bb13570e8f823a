import { VigilError, type Decision, type Entity, type Hit, type ScreeningResult, type Subject } from '../domain/index.js';
import { FEATURE_WEIGHTS, MAX_FEATURE_LIFT, subjectFacts, type SubjectFacts } from './features.js';
import type { MatchIndex } from './match-index.js';
import { prepareQueryNames, type QueryName } from './query.js';
import { combine, entityFeatures, IndexedScorer } from './score-subject.js';

/**
 * Default decision thresholds. A score at or above `review` goes to an officer; at or above
 * `match` it is treated as a match. Chosen on the calibration cases in the tests: a rare full
 * name alone reaches match, a common name alone or a weak alias alone reaches review, a
 * namesake with another date of birth stays below review.
 */
export const DEFAULT_THRESHOLDS = Object.freeze({ review: 0.7, match: 0.9 });

const DEFAULT_LIMIT = 250;

export interface ScreenerOptions {
  reviewThreshold?: number;
  matchThreshold?: number;
  /**
   * Most candidates scored per subject (step 1 keeps the best bounds). Default 250: lists hold
   * families of near-identical names ("FU YUAN YU 7618", "... 7619", over a hundred vessels)
   * that all deserve a hit.
   */
  limit?: number;
  /** Hits below this score are left out; default the review threshold. Lower it for evaluation curves. */
  minScore?: number;
  /**
   * Keep each subject's name analysis a while for its enrolment for recurrent vetting, which
   * analyses the same names again (a server that enrols what it screens). Default false.
   */
  shareSubjectAnalysis?: boolean;
}

export interface Screener {
  readonly thresholds: { readonly review: number; readonly match: number };
  /** Candidates, then scores, then the decision; hits sorted by score, best first. */
  screen(subject: Subject): ScreeningResult;
}

function possibleLift(facts: SubjectFacts, entity: Entity): number {
  let lift = 0;
  if (facts.birth !== undefined && entity.birthDates.length > 0) lift += FEATURE_WEIGHTS.birthExactDay;
  if (facts.nationality !== undefined && (entity.nationalities.length > 0 || entity.citizenships.length > 0)) lift += FEATURE_WEIGHTS.nationalityAgrees;
  return lift;
}

function subjectNames(subject: Subject): string[] {
  return typeof subject.name === 'string' ? [subject.name] : subject.name;
}

/**
 * Creates a screener over one index snapshot. To follow a list update, build a new index and
 * create a new screener; this one keeps answering from its snapshot.
 *
 * @example
 * const screener = createScreener(buildIndex(entities), { reviewThreshold: 0.7 });
 * const { decision, hits } = screener.screen({ id: 'p1', name: 'Mohammed Ali', birthDate: '1980-02-01' });
 */
export function createScreener(index: MatchIndex, options: ScreenerOptions = {}): Screener {
  const review = options.reviewThreshold ?? DEFAULT_THRESHOLDS.review;
  const match = options.matchThreshold ?? DEFAULT_THRESHOLDS.match;
  const limit = options.limit ?? DEFAULT_LIMIT;
  const minScore = options.minScore ?? review;
  const shareAnalysis = options.shareSubjectAnalysis === true;
  if (!(review > 0 && review <= match && match <= 1)) {
    throw new VigilError('INVALID_INPUT', `thresholds need 0 < review <= match <= 1, got review ${review}, match ${match}`, { field: 'thresholds' });
  }
  if (!(Number.isInteger(limit) && limit > 0)) {
    throw new VigilError('INVALID_INPUT', `limit must be a positive integer, got ${limit}`, { field: 'limit' });
  }
  const data = index.data;
  const scorer = new IndexedScorer(data);
  const thresholds = Object.freeze({ review, match });
  const touched = (nameId: number): boolean => index.touchedByLastCollect(nameId);

  function screen(subject: Subject): ScreeningResult {
    const queryNames: QueryName[] = prepareQueryNames(data, index.cache, subjectNames(subject), subject.schema, shareAnalysis);
    const facts = subjectFacts(subject);
    const candidates = index.rank(queryNames, minScore - MAX_FEATURE_LIFT, limit);
    const hits: Hit[] = [];
    const scored = new Set<number>();
    // `bound`: most the name score can be (step 1's bound), or Infinity when unknown.
    const score = (e: number, include: ((nameId: number) => boolean) | undefined, bound: number): void => {
      scored.add(e);
      const entity = data.entities.get(e);
      const features = entityFeatures(facts, entity);
      // The combined score only grows with the name score: when even the bound, with this
      // entity's actual features (another date of birth, another nationality), stays below the
      // threshold, the alignment cannot reach it. Common names bring hundreds of candidates, most
      // of them namesakes that their features rule out here.
      if (bound !== Number.POSITIVE_INFINITY && combine(bound, features) < minScore) return;
      const best = scorer.bestName(queryNames, e, include);
      if (combine(best.score, features) < minScore) return;
      const result = scorer.result(queryNames, e, best, features);
      hits.push({ entityId: entity.id, score: result.score, caption: entity.caption, matchedName: result.matchedName, explanation: result.explanation });
    };
    // Read before scoring: `rank`'s arrays are scratch, and nothing below queries the index again.
    for (let k = 0; k < candidates.count; k++) {
      const e = candidates.entities[k] as number;
      const bound = candidates.bounds[k] as number;
      // Most features can add nothing to this entity (no listed date of birth, no nationality):
      // then its bound must reach minScore on its own.
      if (bound >= minScore || bound + possibleLift(facts, data.entities.get(e)) >= minScore) score(e, touched, bound);
    }
    // A matching document decides whatever the name says, so documents bring their own candidates.
    for (const d of facts.documents) {
      for (const e of data.documentEntities.get(d.number) ?? []) if (!scored.has(e)) score(e, undefined, Number.POSITIVE_INFINITY);
    }
    hits.sort((a, b) => b.score - a.score || (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0));
    const top = hits[0]?.score ?? 0;
    const decision: Decision = top >= match ? 'match' : top >= review ? 'review' : 'clear';
    return { id: subject.id, decision, hits };
  }

  return { thresholds, screen };
}
