import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditActor, AuditLog } from '../audit/index.js';
import { VigilError, type Entity, type Subject } from '../domain/index.js';
import { createScreener, DEFAULT_THRESHOLDS, type Screener } from '../matching/index.js';
import { buildSnapshot, type IndexSnapshot } from '../screening/index.js';
import type { ListDiff, Store } from '../store/index.js';
import { pushClosed, pushPending, type AlertPush } from './alert-push.js';
import { encodeChange, toAlert, type Alert } from './alerts.js';
import { inList, inSlices, reserveIds } from './bulk-rows.js';
import { joinTargets, planCandidates, type CandidatePlan } from './candidate-plan.js';
import { checkKeysVersion } from './enrol.js';
import { entityProbes, type EntityProbes } from './entity-probes.js';
import { confirmScoreModel, ScoreBound } from './score-bound.js';
import { decodeNameKeys } from './subject-keys.js';
import { loadVocabulary } from './term-store.js';
import { vettingDb, type VettingDb, type VettingTables } from './vetting-tables.js';
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

function listedEntities(snapshot: IndexSnapshot): Entity[] {
  const out: Entity[] = [];
  for (let i = 0; i < snapshot.index.size.entities; i++) out.push(snapshot.index.entity(i));
  return out;
}

/** Moves the source's vetted version to `to`, unless that would leave versions behind it unvetted. */
async function advanceCursor(db: VettingDb, source: string, from: number, to: number, at: string): Promise<void> {
  const cursor = await db.selectFrom('vetting_cursors').select('vetted_version').where('source', '=', source).executeTakeFirst();
  const vetted = cursor === undefined ? 0 : Number(cursor.vetted_version);
  if (from > vetted || to <= vetted) return;
  if (cursor === undefined) {
    await db.insertInto('vetting_cursors').values({ source, vetted_version: to, updated_at: at }).onConflict((oc) => oc.column('source').doUpdateSet({ vetted_version: to, updated_at: at })).execute();
  } else {
    await db.updateTable('vetting_cursors').set({ vetted_version: to, updated_at: at }).where('source', '=', source).where('vetted_version', '<', to).execute();
  }
}

interface RunRow {
  id: string;
  checkpoint: number;
  resumed: boolean;
}

async function openRun(db: VettingDb, source: string, from: number, to: number, now: string): Promise<RunRow> {
  const running = await db.selectFrom('vetting_runs').select(['id', 'to_version', 'checkpoint']).where('source', '=', source).where('from_version', '=', from).where('status', '=', 'running').execute();
  for (const run of running) {
    if (Number(run.to_version) === to) return { id: run.id, checkpoint: Number(run.checkpoint), resumed: true };
    // The list moved on while this run was unfinished: a run to the current version covers it.
    await db.updateTable('vetting_runs').set({ status: 'done', finished_at: now, updated_at: now }).where('id', '=', run.id).execute();
  }
  const id = `vet-${randomUUID()}`;
  await db
    .insertInto('vetting_runs')
    .values({ id, source, from_version: from, to_version: to, status: 'running', started_at: now, updated_at: now, finished_at: null, checkpoint: 0, candidates: 0, screened: 0, raised: 0, closed: 0 })
    .execute();
  return { id, checkpoint: 0, resumed: false };
}

/** Closes the open alerts of entities the change removed; returns them as closed. */
async function closeRemoved(store: Store, diff: ListDiff, now: string): Promise<Alert[]> {
  if (diff.removed.length === 0) return [];
  const reason = `entity removed from ${diff.source} in version ${diff.to}`;
  const ids = diff.removed.map((e) => e.id);
  const db = vettingDb(store);
  return inSlices(ids, async (slice) => {
    const rows = await db
      .updateTable('vetting_alerts')
      .set({ status: 'closed', closed_at: now, close_reason: reason })
      .where(inList(store.dialect, sql.ref('entity_id'), slice, 'text'))
      .where('status', '=', 'open')
      .returningAll()
      .execute();
    return rows.map(toAlert);
  });
}

interface Candidate {
  /** The subject's stored name keys, once read. */
  keys?: string;
  /** The changed parts its joined adjacent parts meet. */
  joinTargets?: Set<string>;
}

interface Candidates {
  /** Subjects found through name terms or joins. */
  related: Map<number, Candidate>;
  /** Subjects screened whatever their bound: a document matches, or an alert may need closing. */
  always: Set<number>;
}

const KEY_SLICE = 20_000;

async function findCandidates(store: Store, plan: CandidatePlan, probes: EntityProbes, vocabulary: Vocabulary): Promise<Candidates> {
  const db = vettingDb(store);
  const dialect = store.dialect;
  const related = new Map<number, Candidate>();
  const always = new Set<number>();
  // Subjects carrying a related term, with the keys the bound reads: one pass in the database.
  await inSlices(
    [...plan.related.keys()],
    async (slice) => {
      const rows = await db
        .selectFrom('vetting_subject_keys')
        .select(['seq', 'name_keys'])
        .where('seq', 'in', db.selectFrom('vetting_postings').select('subject_seq').where(inList(dialect, sql.ref('term_id'), slice, 'int')))
        .execute();
      for (const row of rows) related.set(Number(row.seq), { keys: row.name_keys });
      return [];
    },
    KEY_SLICE,
  );
  const addJoin = (seq: number, target: string): void => {
    let candidate = related.get(seq);
    if (candidate === undefined) {
      candidate = {};
      related.set(seq, candidate);
    }
    (candidate.joinTargets ??= new Set()).add(target);
  };
  for (const [column, checks, other] of [
    ['first_term', plan.joinsByFirst, 'second_term'],
    ['second_term', plan.joinsBySecond, 'first_term'],
  ] as const) {
    const rows = await inSlices([...checks.keys()], (slice) =>
      db.selectFrom('vetting_joins').select(['first_term', 'second_term', 'subject_seq']).where(inList(dialect, sql.ref(column), slice, 'int')).execute(),
    );
    for (const row of rows) {
      const seq = Number(row.subject_seq);
      const otherText = vocabulary.text(Number(row[other]));
      // A term newer than the vocabulary this run loaded: screen rather than guess.
      if (otherText === undefined) always.add(seq);
      else joinTargets(otherText, checks.get(Number(row[column])) ?? [], (target) => addJoin(seq, target));
    }
  }
  const documents = await inSlices([...probes.documents.keys()], (slice) =>
    db.selectFrom('vetting_documents').select('subject_seq').where(inList(dialect, sql.ref('number'), slice, 'text')).execute(),
  );
  for (const row of documents) always.add(Number(row.subject_seq));
  const alerted = await inSlices(
    probes.entities.map((e) => e.id),
    (slice) =>
      db
        .selectFrom('vetting_alerts')
        .innerJoin('vetting_subjects', 'vetting_subjects.subject_id', 'vetting_alerts.subject_id')
        .select('vetting_subjects.seq')
        .where(inList(dialect, sql.ref('vetting_alerts.entity_id'), slice, 'text'))
        .where('vetting_alerts.status', '=', 'open')
        .execute(),
  );
  for (const row of alerted) always.add(Number(row.seq));
  return { related, always };
}

async function boundCandidates(store: Store, candidates: Candidates, bound: ScoreBound | undefined): Promise<number[]> {
  const chosen = new Set<number>(candidates.always);
  if (bound === undefined) {
    for (const seq of candidates.related.keys()) chosen.add(seq);
    return [...chosen].sort((a, b) => a - b);
  }
  // Subjects found only through a join have no keys read yet.
  const unread = [...candidates.related].filter(([seq, c]) => c.keys === undefined && !chosen.has(seq)).map(([seq]) => seq);
  const db = vettingDb(store);
  await inSlices(
    unread,
    async (slice) => {
      const rows = await db.selectFrom('vetting_subject_keys').select(['seq', 'name_keys']).where(inList(store.dialect, sql.ref('seq'), slice, 'int')).execute();
      for (const row of rows) {
        const candidate = candidates.related.get(Number(row.seq));
        if (candidate !== undefined) candidate.keys = row.name_keys;
      }
      return [];
    },
    KEY_SLICE,
  );
  for (const [seq, candidate] of candidates.related) {
    if (chosen.has(seq) || candidate.keys === undefined) continue;
    if (bound.mayHit(decodeNameKeys(candidate.keys), candidate.joinTargets)) chosen.add(seq);
  }
  return [...chosen].sort((a, b) => a - b);
}

type AlertRow = VettingTables['vetting_alerts'];

interface BatchOutcome {
  raised: Alert[];
  closed: Alert[];
  matches: number;
}

/**
 * Screens one batch of subjects and records what changed, with the run's checkpoint, in one
 * transaction: a crash before commit leaves nothing of the batch, a crash after leaves all of it.
 */
async function screenBatch(
  store: Store,
  context: { runId: string; diff: ListDiff; screener: Screener; changed: ReadonlyMap<string, { caption: string; kind: 'added' | 'changed'; fields?: string[] }>; now: string },
  seqs: number[],
): Promise<BatchOutcome> {
  const db = vettingDb(store);
  const dialect = store.dialect;
  const { diff, screener, changed, now, runId } = context;
  const rows = await db.selectFrom('vetting_subjects').select(['seq', 'subject_id', 'subject_json']).where(inList(dialect, sql.ref('seq'), seqs, 'int')).execute();
  const fresh: Array<Omit<AlertRow, 'seq' | 'id'>> = [];
  for (const row of rows) {
    const subject = JSON.parse(row.subject_json) as Subject;
    for (const hit of screener.screen(subject).hits) {
      const change = changed.get(hit.entityId);
      if (change === undefined) continue;
      fresh.push({
        subject_id: row.subject_id,
        entity_id: hit.entityId,
        caption: hit.caption,
        source: diff.source,
        entity_version: diff.to,
        from_version: diff.from,
        to_version: diff.to,
        change: encodeChange(change.kind, change.fields),
        score: hit.score,
        score_key: Math.round(hit.score * 10_000),
        decision: hit.score >= screener.thresholds.match ? 'match' : 'review',
        matched_name: hit.matchedName,
        explanation_json: JSON.stringify(hit.explanation),
        status: 'open',
        created_at: now,
        run_id: runId,
        closed_at: null,
        close_reason: null,
        pushed_at: null,
      });
    }
  }
  const subjectIds = rows.map((r) => r.subject_id);
  const last = seqs[seqs.length - 1] as number;
  return db.transaction().execute(async (trx) => {
    const open =
      subjectIds.length === 0
        ? []
        : await trx
            .selectFrom('vetting_alerts')
            .selectAll()
            .where(inList(dialect, sql.ref('subject_id'), subjectIds, 'text'))
            .where('status', '=', 'open')
            .execute();
    const openOnChanged = open.filter((a) => changed.has(a.entity_id));
    const hitKey = new Map(fresh.map((f) => [`${f.subject_id}\n${f.entity_id}`, f.score_key]));
    const toClose: Array<{ seq: number; reason: string }> = [];
    for (const alert of openOnChanged) {
      const key = hitKey.get(`${alert.subject_id}\n${alert.entity_id}`);
      if (key === Number(alert.score_key)) continue;
      toClose.push({
        seq: Number(alert.seq),
        reason:
          key === undefined
            ? `no longer scores at review after ${diff.source} version ${diff.from} to ${diff.to}`
            : `superseded: score changed from ${Number(alert.score).toFixed(4)} to ${(key / 10_000).toFixed(4)} after ${diff.source} version ${diff.from} to ${diff.to}`,
      });
    }
    const closed: Alert[] = [];
    for (const { seq, reason } of toClose) {
      const updated = await trx.updateTable('vetting_alerts').set({ status: 'closed', closed_at: now, close_reason: reason }).where('seq', '=', seq).returningAll().execute();
      closed.push(...updated.map(toAlert));
    }
    let raised: Alert[] = [];
    if (fresh.length > 0) {
      const first = await reserveIds(trx, 'alert', fresh.length);
      const inserted = await trx
        .insertInto('vetting_alerts')
        .values(fresh.map((f, i) => ({ ...f, seq: first + i, id: `alr-${randomUUID()}` })))
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .execute();
      raised = inserted.map(toAlert).sort((a, b) => a.seq - b.seq);
    }
    await trx
      .updateTable('vetting_runs')
      .set((eb) => ({
        checkpoint: last,
        updated_at: now,
        screened: eb('screened', '+', rows.length),
        raised: eb('raised', '+', raised.length),
        closed: eb('closed', '+', closed.length),
      }))
      .where('id', '=', runId)
      .execute();
    return { raised, closed, matches: fresh.length };
  });
}

async function vetSource(store: Store, source: string, from: number, to: number, options: VetOptions, snapshot: IndexSnapshot, snapshotMs: number): Promise<VetReport> {
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
  const probes = entityProbes(changedEntities, listedEntities(snapshot));
  const probesMs = elapsed(t);
  t = performance.now();
  await checkKeysVersion(db, false);
  const vocabulary = await loadVocabulary(store);
  const vocabularyMs = elapsed(t);
  t = performance.now();
  const plan = planCandidates(vocabulary, probes);
  const planMs = elapsed(t);

  t = performance.now();
  const candidates = await findCandidates(store, plan, probes, vocabulary);
  const candidatesMs = elapsed(t);

  t = performance.now();
  const model = confirmScoreModel(snapshot.index, probes.frequencies, [...PROBE_TEXTS, ...[...probes.tokens.keys()].slice(0, 24)]);
  if (!model.ok) options.logger?.warn({ source, reason: model.reason }, 'vetting score bound not confirmed against the screener; screening every candidate');
  const bound = model.ok ? new ScoreBound(probes, plan, vocabulary, threshold) : undefined;
  const chosen = await boundCandidates(store, candidates, bound);
  const boundMs = elapsed(t);
  const candidateCount = new Set([...candidates.related.keys(), ...candidates.always]).size;
  await db.updateTable('vetting_runs').set({ candidates: candidateCount }).where('id', '=', run.id).execute();

  t = performance.now();
  const screener = createScreener(snapshot.index, { reviewThreshold: threshold });
  const batchSize = options.batchSize ?? 500;
  const todo = chosen.filter((seq) => seq > run.checkpoint);
  let raised = 0;
  let closed = removedClosed.length;
  let matches = 0;
  await pushPending(store, push, now);
  for (let start = 0; start < todo.length; start += batchSize) {
    const seqs = todo.slice(start, start + batchSize);
    const outcome = await screenBatch(store, { runId: run.id, diff, screener, changed, now: now().toISOString() }, seqs);
    raised += outcome.raised.length;
    closed += outcome.closed.length;
    matches += outcome.matches;
    await pushPending(store, push, now);
    await pushClosed(push, outcome.closed);
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
    ms: { snapshot: snapshotMs, probes: probesMs, vocabulary: vocabularyMs, plan: planMs, candidates: candidatesMs, bound: boundMs, screen: screenMs, total: elapsed(started) + snapshotMs },
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
  const db = vettingDb(store);
  const sources = await store.listSources();
  const chosen = options.source === undefined ? sources : sources.filter((s) => s.source === options.source);
  if (options.source !== undefined && chosen.length === 0) throw new VigilError('STORE_NOT_FOUND', `no list source ${options.source}`, { source: options.source });
  if (options.since !== undefined && !(Number.isInteger(options.since) && options.since >= 0)) {
    throw new VigilError('INVALID_INPUT', `since must be a version number from 0, not ${options.since}`, { field: 'since' });
  }
  const cursors = new Map((await db.selectFrom('vetting_cursors').selectAll().execute()).map((c) => [c.source, Number(c.vetted_version)]));
  const work: Array<{ source: string; from: number; to: number }> = [];
  for (const summary of chosen) {
    const to = summary.currentVersion;
    const from = options.since ?? cursors.get(summary.source) ?? 0;
    if (options.since !== undefined && from > to) {
      throw new VigilError('INVALID_INPUT', `${summary.source} has no version ${from}: its current version is ${to}`, { field: 'since', source: summary.source });
    }
    if (from < to) work.push({ source: summary.source, from, to });
  }
  if (work.length === 0) return [];
  const now = options.now ?? (() => new Date());
  // Nobody enrolled: every change is vetted by definition, and no snapshot is worth building.
  if ((await db.selectFrom('vetting_subjects').select('seq').limit(1).executeTakeFirst()) === undefined) {
    const at = now().toISOString();
    for (const { source, from, to } of work) await advanceCursor(db, source, from, to, at);
    return [];
  }
  const t = performance.now();
  const snapshot = await snapshotFor(store, options.snapshot);
  const snapshotMs = elapsed(t);
  const reports: VetReport[] = [];
  for (const { source, from, to } of work) {
    if (snapshot.versions[source] !== to) throw new VigilError('CONFLICT', `${source} changed while vetting started; run again`, { source });
    reports.push(await vetSource(store, source, from, to, options, snapshot, snapshotMs));
  }
  return reports;
}
