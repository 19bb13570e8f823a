import type { AuditActor, AuditLog } from '../audit/index.js';
import { VigilError, type Entity } from '../domain/index.js';
import { createScreener, DEFAULT_THRESHOLDS } from '../matching/index.js';
import { buildSnapshot, type IndexSnapshot } from '../screening/index.js';
import type { Store } from '../store/index.js';
import { pushClosed, pushPending, type AlertPush } from './alert-push.js';
import { planCandidates } from './candidate-plan.js';
import { chooseCandidates } from './choose-candidates.js';
import { checkKeysVersion } from './enrol-batch.js';
import { indexJournal } from './enrolment-journal.js';
import { analyseListed, entityProbes, type ListedForms } from './entity-probes.js';
import { confirmScoreModel, ScoreBound } from './score-bound.js';
import { screenBatch } from './screen-batch.js';
import { loadVocabulary } from './term-store.js';
import { vettingDb } from './vetting-tables.js';
import { advanceCursor, closeRemoved, openRun } from './vetting-runs.js';
import { acquireLease, type VettingLease } from './vetting-lease.js';
import type { Vocabulary } from './vocabulary.js';

/** The part of a pino logger vetting uses. */
export interface VettingLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface VetOptions {
  /** Only this source; default every source with a version not vetted yet. */
  source?: string;
  /** Vet the change from this version of the source to its current one, whatever was vetted. */
  since?: number;
  /** The screening snapshot to score with (a server passes its engine's); rebuilt when stale. */
  snapshot?: IndexSnapshot;
  reviewThreshold?: number;
  /** Subjects screened per checkpoint. Default 500. */
  batchSize?: number;
  push?: AlertPush;
  audit?: AuditLog;
  /** Who runs it, for the audit trail. Default the system actor `vetting`. */
  actor?: AuditActor;
  logger?: VettingLogger;
  now?: () => Date;
  /** How long the lease that keeps other processes from vetting at the same time lasts between renewals. Default 2 min. */
  leaseMs?: number;
  /** Called after each committed batch (tests stop runs midway through it). */
  onBatch?: (progress: { runId: string; checkpoint: number; screened: number; raised: number }) => void | Promise<void>;
}

/** What one vetting run did, with where its time went. */
export interface VetReport {
  runId: string;
  source: string;
  from: number;
  to: number;
  /** True when the run picked up one a crash or stop had left unfinished. */
  resumed: boolean;
  added: number;
  changed: number;
  removed: number;
  /** Subjects sharing a name part (or a document) with a changed entity. */
  candidates: number;
  /** Of those, the ones whose score bound could reach the threshold: the ones screened. */
  screened: number;
  /** Subject-entity pairs at or above the review threshold on a changed entity. */
  matches: number;
  raised: number;
  closed: number;
  /** Whether the score bound was confirmed against the screener (else every candidate was screened). */
  bounded: boolean;
  ms: { snapshot: number; probes: number; vocabulary: number; plan: number; candidates: number; bound: number; screen: number; total: number };
}

const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: 'vetting' };
/** Texts the score model is checked on besides the changed parts: common, short and unseen ones. */
const PROBE_TEXTS = ['mohammed', 'ivan', 'al', 'li', 'xin', 'ltd', 'bank', 'smith', 'qzxwvkj'];

function elapsed(start: number): number {
  return Math.round(performance.now() - start);
}

function sameVersions(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

async function currentVersions(store: Store): Promise<Record<string, number>> {
  const versions: Record<string, number> = {};
  for (const source of await store.listSources()) if (source.currentVersion > 0) versions[source.source] = source.currentVersion;
  return versions;
}

async function snapshotFor(store: Store, given: IndexSnapshot | undefined): Promise<IndexSnapshot> {
  if (given !== undefined && sameVersions(given.versions, await currentVersions(store))) return given;
  return buildSnapshot(store);
}

// The listed entities are analysed once per snapshot: a server vets many changes on one.
const listedBySnapshot = new WeakMap<object, ListedForms>();

function listedForms(snapshot: IndexSnapshot): ListedForms {
  let forms = listedBySnapshot.get(snapshot.index);
  if (forms === undefined) {
    const entities: Entity[] = [];
    for (let i = 0; i < snapshot.index.size.entities; i++) entities.push(snapshot.index.entity(i));
    forms = analyseListed(entities);
    listedBySnapshot.set(snapshot.index, forms);
  }
  return forms;
}

async function vetSource(
  store: Store,
  source: string,
  from: number,
  to: number,
  options: VetOptions,
  loaded: { snapshot: IndexSnapshot; vocabulary: Vocabulary; snapshotMs: number; vocabularyMs: number },
  lease: VettingLease,
): Promise<VetReport> {
  const { snapshot, vocabulary, snapshotMs, vocabularyMs } = loaded;
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  const db = vettingDb(store);
  const push = options.push ?? {};
  const threshold = options.reviewThreshold ?? DEFAULT_THRESHOLDS.review;
  const run = await openRun(db, source, from, to, now().toISOString());
  const diff = await store.diff(source, from, to);
  const changed = new Map<string, { caption: string; kind: 'added' | 'changed'; fields?: string[] }>();
  for (const e of diff.added) changed.set(e.id, { caption: e.caption, kind: 'added' });
  for (const e of diff.changed) changed.set(e.id, { caption: e.caption, kind: 'changed', fields: e.fields });
  const removedClosed = await closeRemoved(store, diff, now().toISOString());
  if (removedClosed.length > 0) {
    await db.updateTable('vetting_runs').set((eb) => ({ closed: eb('closed', '+', removedClosed.length) })).where('id', '=', run.id).execute();
    await pushClosed(push, removedClosed);
  }

  let t = performance.now();
  const changedEntities: Entity[] = [];
  for (const id of changed.keys()) {
    const at = snapshot.index.indexOf(id);
    if (at !== undefined) changedEntities.push(snapshot.index.entity(at));
  }
  const probes = entityProbes(changedEntities, listedForms(snapshot));
  const probesMs = elapsed(t);
  t = performance.now();
  const plan = planCandidates(vocabulary, probes);
  const planMs = elapsed(t);

  t = performance.now();
  const model = confirmScoreModel(snapshot.index, probes.frequencies, [...PROBE_TEXTS, ...[...probes.tokens.keys()].slice(0, 24)]);
  if (!model.ok) options.logger?.warn({ source, reason: model.reason }, 'vetting score bound not confirmed against the screener; screening every candidate');
  const bound = model.ok ? new ScoreBound(probes, plan, vocabulary, threshold) : undefined;
  const { candidates: candidateCount, seqs: chosen, boundMs } = await chooseCandidates(store, plan, probes, vocabulary, bound);
  await lease.renew();
  const candidatesMs = elapsed(t) - boundMs;
  await db.updateTable('vetting_runs').set({ candidates: candidateCount }).where('id', '=', run.id).execute();

  t = performance.now();
  const screener = createScreener(snapshot.index, { reviewThreshold: threshold });
  const batchSize = options.batchSize ?? 500;
  const todo = chosen.filter((seq) => seq > run.checkpoint);
  let raised = 0;
  let closed = removedClosed.length;
  let matches = 0;
  await pushPending(store, push, now, options.audit);
  for (let start = 0; start < todo.length; start += batchSize) {
    const seqs = todo.slice(start, start + batchSize);
    const outcome = await screenBatch(store, { runId: run.id, diff, screener, changed, now: now().toISOString() }, seqs);
    raised += outcome.raised.length;
    closed += outcome.closed.length;
    matches += outcome.matches;
    await pushPending(store, push, now, options.audit);
    await pushClosed(push, outcome.closed);
    await lease.renew();
    await options.onBatch?.({ runId: run.id, checkpoint: seqs[seqs.length - 1] as number, screened: start + seqs.length, raised });
  }
  const screenMs = elapsed(t);

  const finishedAt = now().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('vetting_runs').set({ status: 'done', finished_at: finishedAt, updated_at: finishedAt }).where('id', '=', run.id).execute();
    await advanceCursor(trx, source, from, to, finishedAt);
  });
  const report: VetReport = {
    runId: run.id,
    source,
    from,
    to,
    resumed: run.resumed,
    added: diff.added.length,
    changed: diff.changed.length,
    removed: diff.removed.length,
    candidates: candidateCount,
    screened: chosen.length,
    matches,
    raised,
    closed,
    bounded: bound !== undefined,
    ms: { snapshot: snapshotMs, probes: probesMs, vocabulary: vocabularyMs, plan: planMs, candidates: candidatesMs, bound: boundMs, screen: screenMs, total: elapsed(started) + Math.max(snapshotMs, vocabularyMs) },
  };
  await options.audit?.append({
    actor: options.actor ?? SYSTEM_ACTOR,
    action: 'vetting.run',
    outcome: 'ok',
    details: { runId: run.id, source, from, to, candidates: candidateCount, screened: chosen.length, raised, closed, resumed: run.resumed },
  });
  options.logger?.info({ ...report }, 'vetting run finished');
  return report;
}

/**
 * Re-vets enrolled subjects against what changed in the lists. For each source (or the one
 * asked for), the change from the last vetted version (or `since`) to the current one is taken
 * from the store; every enrolled subject that now scores at or above the review threshold on an
 * added or changed entity gets an alert naming the entity, its version, the score, the
 * explanation and the change. The result equals screening every enrolled subject again and
 * keeping the hits on those entities: candidates are found in the database through the same
 * keys the screener matches on, bounded, and screened by the same screener.
 *
 * Alerts are unique per subject, entity and score, so re-runs raise nothing twice; removed
 * entities close their open alerts; a run interrupted at any point resumes from its last
 * committed batch.
 *
 * @example
 * const reports = await runVetting(store, { audit, push: { notifier } });
 */
export async function runVetting(store: Store, options: VetOptions = {}): Promise<VetReport[]> {
  if (options.since !== undefined && !(Number.isInteger(options.since) && options.since >= 0)) {
    throw new VigilError('INVALID_INPUT', `since must be a version number from 0, not ${options.since}`, { field: 'since' });
  }
  // Looked at before taking the lease (an idle scheduler writes nothing) and again after it
  // (another process may have vetted in between).
  if ((await pendingWork(store, options)).length === 0) return [];
  const now = options.now ?? (() => new Date());
  const lease = await acquireLease(store, { now, ...(options.leaseMs !== undefined ? { ttlMs: options.leaseMs } : {}) });
  try {
    const work = await pendingWork(store, options);
    return work.length === 0 ? [] : await vetUnderLease(store, work, options, lease);
  } finally {
    await lease.release();
  }
}

/** Per source, the change not vetted yet (or since `options.since`). */
async function pendingWork(store: Store, options: VetOptions): Promise<Array<{ source: string; from: number; to: number }>> {
  const sources = await store.listSources();
  const chosen = options.source === undefined ? sources : sources.filter((s) => s.source === options.source);
  if (options.source !== undefined && chosen.length === 0) throw new VigilError('STORE_NOT_FOUND', `no list source ${options.source}`, { source: options.source });
  const cursors = new Map((await vettingDb(store).selectFrom('vetting_cursors').selectAll().execute()).map((c) => [c.source, Number(c.vetted_version)]));
  const work: Array<{ source: string; from: number; to: number }> = [];
  for (const summary of chosen) {
    const to = summary.currentVersion;
    const from = options.since ?? cursors.get(summary.source) ?? 0;
    if (options.since !== undefined && from > to) {
      throw new VigilError('INVALID_INPUT', `${summary.source} has no version ${from}: its current version is ${to}`, { field: 'since', source: summary.source });
    }
    if (from < to) work.push({ source: summary.source, from, to });
  }
  return work;
}

async function vetUnderLease(store: Store, work: ReadonlyArray<{ source: string; from: number; to: number }>, options: VetOptions, lease: VettingLease): Promise<VetReport[]> {
  const db = vettingDb(store);
  const now = options.now ?? (() => new Date());
  // Subjects a server enrolled and has not indexed yet are found through the index like the rest.
  await indexJournal(store);
  // Nobody enrolled: every change is vetted by definition, and no snapshot is worth building.
  if ((await db.selectFrom('vetting_subjects').select('seq').limit(1).executeTakeFirst()) === undefined) {
    const at = now().toISOString();
    for (const { source, from, to } of work) await advanceCursor(db, source, from, to, at);
    return [];
  }
  await checkKeysVersion(db, false);
  // The index and the vocabulary load side by side: with PostgreSQL the database works on one
  // while this process builds the other.
  const t = performance.now();
  const [snapshot, vocabulary] = await Promise.all([
    snapshotFor(store, options.snapshot).then((s) => ({ s, ms: elapsed(t) })),
    loadVocabulary(store).then((v) => ({ v, ms: elapsed(t) })),
  ]);
  const loaded = { snapshot: snapshot.s, vocabulary: vocabulary.v, snapshotMs: snapshot.ms, vocabularyMs: vocabulary.ms };
  await lease.renew();
  const reports: VetReport[] = [];
  for (const { source, from, to } of work) {
    if (loaded.snapshot.versions[source] !== to) throw new VigilError('CONFLICT', `${source} changed while vetting started; run again`, { source });
    reports.push(await vetSource(store, source, from, to, options, loaded, lease));
  }
  return reports;
}
