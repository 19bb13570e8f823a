import { randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import { canonicalJson, sha256Hex, VigilError, type Decision } from '../domain/index.js';
import type { Store } from '../store/index.js';
import type { CaseDb, CaseHitsTable, CasesTable, CaseTables } from './case-tables.js';
import type { CaseSource, MarkedHit, SuppressedResult } from './case-types.js';
import type { ScreenedSubject } from './case-inputs.js';
import { derivePriority, priorityRank } from './priority.js';
import { screenedContent, type ScreenedContent } from './screened-content.js';
import { subjectFingerprint } from './subject-fingerprint.js';

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(8).toString('hex')}`;
}

let lastEventTick = 0;

/**
 * Event ids sort in the order they were made (wall-clock microseconds kept strictly increasing
 * in this process), so events stamped with the same time still list in order.
 */
export function newEventId(): string {
  lastEventTick = Math.max(lastEventTick + 1, Date.now() * 1000);
  return `evt-${lastEventTick.toString(36).padStart(11, '0')}-${randomBytes(4).toString('hex')}`;
}

export interface OpenCaseInput {
  source: CaseSource;
  orgId: string;
  openedBy: string;
  subject: ScreenedSubject;
  result: SuppressedResult & { decision: Exclude<Decision, 'clear'> };
  channel?: string | undefined;
  port?: string | undefined;
  alertId?: string;
  /** Content hashes already known (an alert names the content it was raised on). */
  knownHashes?: ReadonlyMap<string, string>;
}

export interface OpenedCase {
  caseId: string;
  /** False when an open case for the same person, hits and place (or the same alert) already existed. */
  created: boolean;
}

function sourceOf(entityId: string): string {
  return entityId.slice(0, entityId.indexOf(':'));
}

/** The entity content each hit was screened against, so a later suppression can tell when it changes. */
async function contentOfHits(store: Store, hits: readonly MarkedHit[], versions: Readonly<Record<string, number>>, known: ReadonlyMap<string, string> | undefined): Promise<ScreenedContent[]> {
  return Promise.all(
    hits.map(async (hit) => {
      const version = versions[sourceOf(hit.entityId)];
      const knownHash = known?.get(hit.entityId);
      if (knownHash !== undefined) return { hash: knownHash, version: version ?? null };
      return screenedContent(store, hit.entityId, version);
    }),
  );
}

/** A case ready to write: its rows are built and its hits' content read, outside any transaction. */
export interface PreparedCase {
  row: Insertable<CasesTable>;
  hits: Array<Insertable<CaseHitsTable>>;
  input: OpenCaseInput;
  openKey: string | null;
  priority: string;
  at: string;
}

/** Builds a case's rows; reads (cached) the content of each hit's entity as it was screened. */
export async function prepareCase(store: Store, input: OpenCaseInput, at: string): Promise<PreparedCase> {
  const { result, subject } = input;
  const fingerprint = subjectFingerprint(subject);
  const live = result.hits.filter((hit) => hit.suppressed === undefined);
  const topScore = live.reduce((best, hit) => Math.max(best, hit.score), 0);
  const priority = derivePriority({ decision: result.decision, topScore, hits: live.length, enhanced: result.posture?.enhanced !== undefined });
  const openKey =
    input.source === 'screening'
      ? sha256Hex(canonicalJson({ org: input.orgId, fingerprint, hits: live.map((h) => h.entityId).sort(), channel: input.channel ?? null, port: input.port ?? null }))
      : null;
  const content = await contentOfHits(store, result.hits, result.listVersions, input.knownHashes);
  const id = newId('case');
  const row: Insertable<CasesTable> = {
    id,
    org_id: input.orgId,
    source: input.source,
    alert_id: input.alertId ?? null,
    open_key: openKey,
    subject_id: subject.id,
    subject_json: JSON.stringify(subject),
    fingerprint,
    redress_number: subject.redressNumber ?? null,
    decision: result.decision,
    top_score: topScore,
    hit_count: result.hits.length,
    posture_json: result.posture !== undefined ? JSON.stringify(result.posture) : null,
    channel: input.channel ?? null,
    port: input.port ?? null,
    list_versions_json: JSON.stringify(result.listVersions),
    priority,
    priority_rank: priorityRank(priority),
    owner_id: null,
    status: 'open',
    outcome: null,
    opened_at: at,
    opened_by: input.openedBy,
    decided_at: null,
    closed_at: null,
    closed_by: null,
    close_note: null,
  };
  const hits: Array<Insertable<CaseHitsTable>> = result.hits.map((hit, position) => ({
    case_id: id,
    entity_id: hit.entityId,
    position,
    caption: hit.caption,
    matched_name: hit.matchedName,
    score: hit.score,
    explanation_json: JSON.stringify(hit.explanation),
    content_hash: content[position]?.hash ?? null,
    list_version: content[position]?.version ?? null,
    suppressed_json: hit.suppressed !== undefined ? JSON.stringify(hit.suppressed) : null,
    state: hit.suppressed !== undefined ? 'suppressed' : 'undecided',
    outcome: null,
    current_decision_id: null,
    version: 0,
  }));
  return { row, hits, input, openKey, priority, at };
}

/**
 * Writes a prepared case inside the caller's transaction, or records a screening on the open
 * case it belongs to. Throws CONFLICT, having written nothing, when the case it matched was
 * decided in between; any other failure is the transaction's.
 */
export async function writeCase(trx: CaseDb, prepared: PreparedCase): Promise<OpenedCase> {
  const { row, hits, input, openKey, priority, at } = prepared;
  const id = row.id;
  const inserted = await trx.insertInto('cases').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) {
    if (hits.length > 0) await trx.insertInto('case_hits').values(hits).execute();
    await trx.insertInto('case_events').values({ id: newEventId(), case_id: id, kind: 'opened', actor_id: input.openedBy, at, details_json: canonicalJson({ source: input.source, decision: input.result.decision, priority }) }).execute();
    return { caseId: id, created: true };
  }
  const existing = await trx
    .selectFrom('cases')
    .select('id')
    .where((eb) => (input.alertId !== undefined ? eb('alert_id', '=', input.alertId) : eb('open_key', '=', openKey)))
    .executeTakeFirst();
  // The open case it matched was decided in between: the caller may simply screen again.
  if (existing === undefined) throw new VigilError('CONFLICT', 'the matching case changed while this one was opened; retry');
  if (input.source === 'screening') {
    await trx
      .insertInto('case_events')
      .values({ id: newEventId(), case_id: existing.id, kind: 'screened_again', actor_id: input.openedBy, at, details_json: canonicalJson({ listVersions: input.result.listVersions, decision: input.result.decision }) })
      .execute();
  }
  return { caseId: existing.id, created: false };
}

/**
 * Opens a case for a result that is not clear, or finds the open one it belongs to: the same
 * organisation, person (fingerprint), hits, channel and port while that case is still open, or
 * the same alert ever. Inserting with ON CONFLICT DO NOTHING on those unique keys makes this
 * safe between replicas screening at once.
 */
export async function openCase(db: CaseDb, store: Store, input: OpenCaseInput, at: string): Promise<OpenedCase> {
  const prepared = await prepareCase(store, input, at);
  return db.transaction().execute((trx) => writeCase(trx, prepared));
}

/** `writeCase` inside a transaction the caller owns on the store's database (a server's write thread). */
export function writeCaseWithin(trx: Store['db'], prepared: PreparedCase): Promise<OpenedCase> {
  return writeCase(trx.withTables<CaseTables>(), prepared);
}
