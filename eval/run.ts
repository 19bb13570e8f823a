import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Entity, Subject } from '../src/domain/index.js';
import { buildJaroWinklerIndex, createJaroWinklerScreener, listedNames, subjectNames } from './baselines/jaro-winkler.js';
import { buildDatasets, buildPairs, CATEGORY_NOTES, type LabelledQuery } from './datasets/index.js';
import { loadEngine } from './engine.js';
import {
  negativeGroups,
  negativeMetrics,
  pairMetrics,
  positiveGroups,
  positiveMetrics,
  type NegativeMetrics,
  type Outcome,
  type PositiveMetrics,
} from './evaluate.js';
import { loadWatchlistWithIssues, WATCHLIST_FILES } from './load-watchlist.js';
import { bestF1Threshold, thresholdForAlertRate, type ScoredPair } from './metrics.js';
import { renderMarkdown, summaryTable, type EvaluationReport, type Example, type SystemReport } from './report.js';

/**
 * `npm run eval`: Vigil's engine and the brute-force Jaro-Winkler baseline side by side on
 * labelled sets built from the real lists. Options: --seed N, --negatives N (people),
 * --quick (5,000 negatives, for iterating), --out-dir DIR, --no-cache (recompute the
 * baseline's answers instead of reading them from eval/.cache/).
 */

const DEFAULT_SEED = 20260227;
const TARGET_ALERT_RATE = 0.005;

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string' },
    negatives: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'out-dir': { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
  },
});
const seed = args.seed === undefined ? DEFAULT_SEED : Number(args.seed);
const negativePersons = args.negatives !== undefined ? Number(args.negatives) : args.quick ? 5_000 : 20_000;
const outDir = args['out-dir'] === undefined ? new URL('./', import.meta.url) : pathToFileURL(`${resolve(args['out-dir'])}/`);
mkdirSync(outDir, { recursive: true });

const timings: Record<string, number> = {};
async function timed<T>(label: string, f: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const out = await f();
  timings[label] = Math.round(performance.now() - started);
  process.stderr.write(`${label}: ${(timings[label]! / 1000).toFixed(1)} s\n`);
  return out;
}

function groupMetrics<T>(groups: Map<string, number[]>, outcomes: readonly Outcome[], f: (o: Outcome[]) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, indices] of groups) out[key] = f(indices.map((i) => outcomes[i]!));
  return out;
}

function ceilTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.ceil(x * f - 1e-9) / f;
}

const subjectText = (s: Subject): string => subjectNames(s).join(' / ');

// ---------------------------------------------------------------------------------------------

const watchlist = await timed('load lists', loadWatchlistWithIssues);
const entities = watchlist.entities;
const byId = new Map<string, Entity>(entities.map((e) => [e.id, e]));
const data = await timed('build sets', () => buildDatasets(entities, { seed, negativePersons }));
const queries: LabelledQuery[] = [...data.positives, ...data.negatives];
const isNegative = queries.map((q) => q.expected === undefined);
const acceptable = queries.map((q) => new Set(q.expected === undefined ? [] : [q.expected, ...(q.acceptable ?? [])]));
const posGroups = positiveGroups(queries);
const negGroups = negativeGroups(queries);

// --- Baseline: every query's best entity and its score for the expected entity ---------------
const names = listedNames(entities);
const jw = buildJaroWinklerIndex(names);
interface BaselineRaw {
  topId: string | undefined;
  topScore: number;
  expectedScore: number;
}
// The baseline's answers depend only on the names and the queries: cached, so that iterating on
// the engine does not pay for the brute force every time.
const cacheKey = createHash('sha256')
  .update(readFileSync(new URL('baselines/jaro-winkler.ts', import.meta.url)))
  .update(readFileSync(new URL('fold.ts', import.meta.url)))
  .update(JSON.stringify(names))
  .update(JSON.stringify(queries.map((q) => [q.subject.name, q.expected ?? ''])))
  .digest('hex')
  .slice(0, 16);
const cacheFile = new URL(`.cache/baseline-${cacheKey}.json`, import.meta.url);
const cached = !args['no-cache'] && existsSync(cacheFile) ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as BaselineRaw[]) : undefined;
const baselineRaw: BaselineRaw[] = cached ?? await timed('baseline: best entity per query', () =>
  queries.map((q) => {
    let topId: string | undefined;
    let topScore = 0;
    let expectedScore = 0;
    for (const name of subjectNames(q.subject)) {
      const best = jw.search(name, { floor: 0, limit: 1 })[0];
      if (best !== undefined && (best.score > topScore || (best.score === topScore && topId === undefined))) {
        topId = best.entityId;
        topScore = best.score;
      }
      if (q.expected !== undefined) expectedScore = Math.max(expectedScore, jw.scoreEntity(name, q.expected));
    }
    return { topId, topScore, expectedScore };
  }),
);
if (cached === undefined) {
  const cacheDir = new URL('.cache/', import.meta.url);
  mkdirSync(cacheDir, { recursive: true });
  // One set of answers is enough: older ones belong to sets or lists that no longer exist.
  for (const old of readdirSync(cacheDir)) if (/^baseline-.*\.json$/.test(old)) rmSync(new URL(old, cacheDir));
  writeFileSync(cacheFile, JSON.stringify(baselineRaw));
} else {
  process.stderr.write(`baseline: answers read from ${fileURLToPath(cacheFile)}\n`);
}

const pairs = buildPairs(queries, (i) => baselineRaw[i]!.topId);
const baselinePairs: ScoredPair[] = pairs.map((p) => ({
  label: p.label,
  score: p.label ? baselineRaw[p.query]!.expectedScore : baselineRaw[p.query]!.topScore,
}));

function baselineOutcomes(threshold: number): Outcome[] {
  return queries.map((q, i) => {
    const r = baselineRaw[i]!;
    const alert = r.topScore >= threshold;
    if (q.expected === undefined) return { alert, found: false, top1: false };
    // Ties with the best go to the expected entity: the baseline has no reason to rank it lower.
    const top1 = alert && (acceptable[i]!.has(r.topId ?? '') || r.expectedScore >= r.topScore);
    // Only the best hit and the expected entity's score are kept: a twin that is a hit but not
    // the best is missed here, which can only understate the baseline's recall slightly.
    const found = r.expectedScore >= threshold || top1;
    return { alert, found, top1 };
  });
}

const bestF1 = bestF1Threshold(baselinePairs);
const negativeTopScores = baselineRaw.filter((_, i) => isNegative[i]).map((r) => r.topScore);
const alertThreshold = ceilTo(thresholdForAlertRate(negativeTopScores, TARGET_ALERT_RATE), 3);

// Throughput of the baseline as a screener (every hit above the threshold), on a sample.
const sample = queries.filter((_, i) => i % Math.max(1, Math.floor(queries.length / 600)) === 0);
function baselineQueriesPerSecond(threshold: number): number {
  const screener = createJaroWinklerScreener(entities, { threshold });
  const started = performance.now();
  for (const q of sample) screener.screen(q.subject);
  return sample.length / ((performance.now() - started) / 1000);
}

function baselineReport(name: string, threshold: number, note: string): SystemReport {
  const outcomes = baselineOutcomes(threshold);
  const baselineQps = baselineQueriesPerSecond(threshold);
  return {
    name,
    threshold,
    thresholdNote: note,
    positives: groupMetrics<PositiveMetrics>(posGroups, outcomes, positiveMetrics),
    negatives: groupMetrics<NegativeMetrics>(negGroups, outcomes, negativeMetrics),
    pairs: pairMetrics(baselinePairs, threshold),
    queriesPerSecond: baselineQps,
    queriesPerSecondNote: `${sample.length} sampled queries at each threshold, against all ${names.length} folded names (exact brute force; a character-count bound skips names that cannot reach the threshold).`,
  };
}

const systems: SystemReport[] = [];
const engineMisses: Example[] = [];
const engineFalseAlerts: Example[] = [];

// --- Engine -----------------------------------------------------------------------------------
const engine = await timed('engine: build', () => loadEngine(entities));
let engineInfo: EvaluationReport['engine'] = { available: false, reason: 'src/screening and src/matching export no createScreener' };
if (engine === undefined) {
  process.stderr.write('engine: not available yet\n');
} else {
  const review = engine.reviewThreshold;
  const outcomes: Outcome[] = [];
  const pairScoreOfHit = new Map<string, number>();
  let screenMs = 0;
  const falseAlerts: { i: number; score: number; got: string }[] = [];
  const missesByCategory = new Map<string, Example[]>();
  await timed('engine: screen all queries', () => {
    queries.forEach((q, i) => {
      const started = performance.now();
      const result = engine.screener.screen(q.subject);
      screenMs += performance.now() - started;
      const atReview = result.hits.filter((h) => h.score >= review);
      const alert = result.decision !== 'clear';
      for (const h of result.hits) pairScoreOfHit.set(`${i}|${h.entityId}`, h.score);
      if (q.expected === undefined) {
        outcomes.push({ alert, found: false, top1: false });
        if (alert && atReview[0] !== undefined) falseAlerts.push({ i, score: atReview[0].score, got: `${atReview[0].caption} (${atReview[0].entityId})` });
        return;
      }
      const found = atReview.some((h) => acceptable[i]!.has(h.entityId));
      const top1 = atReview[0] !== undefined && acceptable[i]!.has(atReview[0].entityId);
      outcomes.push({ alert, found, top1 });
      if (!found) {
        const list = missesByCategory.get(q.category) ?? [];
        if (list.length < 4) {
          const best = result.hits[0];
          list.push({
            category: q.category,
            subject: subjectText(q.subject),
            ...(q.subject.birthDate === undefined ? {} : { birthDate: q.subject.birthDate }),
            expected: q.expected,
            expectedName: q.origin,
            ...(best === undefined ? {} : { got: `${best.caption} (${best.entityId})`, score: best.score }),
            detail: q.detail,
          });
          missesByCategory.set(q.category, list);
        }
      }
    });
  });
  const enginePairs: ScoredPair[] = await timed('engine: pair scores', () =>
    pairs.map((p) => {
      const hit = pairScoreOfHit.get(`${p.query}|${p.entityId}`);
      if (hit !== undefined) return { label: p.label, score: hit };
      const entity = byId.get(p.entityId);
      const score = engine.scorePair !== undefined && entity !== undefined ? engine.scorePair(queries[p.query]!.subject, entity) : 0;
      return { label: p.label, score };
    }),
  );
  engineInfo = {
    available: true,
    module: engine.module,
    buildMs: engine.buildMs,
    pairScoring: engine.scorePair === undefined ? 'hit score, 0 when not a hit' : 'hit score, else scoreSubject(subject, entity, {index})',
  };
  systems.push({
    name: 'Vigil engine',
    threshold: review,
    thresholdNote: 'the engine\'s own review threshold',
    positives: groupMetrics<PositiveMetrics>(posGroups, outcomes, positiveMetrics),
    negatives: groupMetrics<NegativeMetrics>(negGroups, outcomes, negativeMetrics),
    pairs: pairMetrics(enginePairs, review),
    queriesPerSecond: queries.length / (screenMs / 1000),
    queriesPerSecondNote: `all ${queries.length} queries, default screener options.`,
  });
  for (const list of missesByCategory.values()) engineMisses.push(...list);
  falseAlerts.sort((a, b) => b.score - a.score);
  for (const fa of falseAlerts.slice(0, 25)) {
    const q = queries[fa.i]!;
    engineFalseAlerts.push({
      category: q.category,
      subject: subjectText(q.subject),
      ...(q.subject.birthDate === undefined ? {} : { birthDate: q.subject.birthDate }),
      got: fa.got,
      score: fa.score,
      detail: q.detail,
    });
  }
}

// How the baseline trades recall for alerts across thresholds, to show the best-F1 choice in context.
const baselineSweep = [0.8, 0.84, 0.88, 0.9, 0.92, 0.94, 0.96, 0.98].map((threshold) => {
  const outcomes = baselineOutcomes(threshold);
  const pos = positiveMetrics(outcomes.filter((_, i) => !isNegative[i]));
  const neg = negativeMetrics(outcomes.filter((_, i) => isNegative[i] && queries[i]!.category === 'negative-person'));
  const pm = pairMetrics(baselinePairs, threshold);
  return { threshold, recall: pos.recall, recallAt1: pos.recallAt1, alertRatePeople: neg.alertRate, pairPrecision: pm.precision, pairRecall: pm.recall, pairF1: pm.f1 };
});

systems.push(
  baselineReport(
    'baseline @ best F1',
    bestF1.threshold,
    `the threshold with the best F1 on the pairs (P ${bestF1.precision.toFixed(3)}, R ${bestF1.recall.toFixed(3)}, F1 ${bestF1.f1.toFixed(3)}).`,
  ),
  baselineReport(
    'baseline @ 0.5% alerts',
    alertThreshold,
    `the lowest threshold (rounded up to 0.001) at which at most ${TARGET_ALERT_RATE * 100}% of all negatives (people and organisations) alert.`,
  ),
);

const report: EvaluationReport = {
  date: new Date().toISOString(),
  seed,
  lists: [
    { file: WATCHLIST_FILES.ofac.replace(/.*shared\//, '../shared/'), entities: entities.filter((e) => e.source === 'ofac-sdn').length },
    { file: WATCHLIST_FILES.un.replace(/.*shared\//, '../shared/'), entities: entities.filter((e) => e.source === 'un-sc').length },
  ],
  names: names.length,
  dataset: data.summary,
  pairs: { positives: pairs.filter((p) => p.label).length, hardNegatives: pairs.filter((p) => !p.label).length },
  engine: engineInfo,
  systems,
  categories: CATEGORY_NOTES,
  engineMisses,
  engineFalseAlerts,
  baselineSweep,
  timings,
};

writeFileSync(new URL('REPORT.md', outDir), renderMarkdown(report));
writeFileSync(new URL('report.json', outDir), `${JSON.stringify(report, (_, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? null : v), 2)}\n`);
if (engine === undefined) console.log('engine: not available yet');
console.log(summaryTable(report));
console.log(`\nwritten: ${new URL('REPORT.md', outDir).pathname}, report.json`);
