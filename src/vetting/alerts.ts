import { VigilError } from '../domain/index.js';
import type { MatchExplanation } from '../matching/index.js';
import type { Store } from '../store/index.js';
import { vettingDb, type VettingTables } from './vetting-tables.js';

/** The list change that raised an alert: which source moved from which version to which. */
export interface ListChange {
  source: string;
  from: number;
  to: number;
  /** Whether the entity was added by the change or changed by it (and which of its fields). */
  kind: 'added' | 'changed';
  fields?: string[];
}

/**
 * An enrolled subject that now scores at or above the review threshold on a listed entity,
 * because of a list change. Alerts are the record officers work from: never deleted, closed
 * with a reason.
 */
export interface Alert {
  id: string;
  /** Increases with every alert raised: a reader that saw up to `seq` asks for what follows. */
  seq: number;
  subjectId: string;
  entityId: string;
  caption: string;
  /** The version of the entity's list the score was computed on. */
  entityVersion: number;
  score: number;
  decision: 'review' | 'match';
  matchedName: string;
  explanation: MatchExplanation;
  change: ListChange;
  status: 'open' | 'closed';
  createdAt: string;
  closedAt?: string;
  closeReason?: string;
  runId: string;
}

export interface AlertFilter {
  status?: 'open' | 'closed';
  /** Raised at or after this ISO-8601 time. */
  since?: string;
  entityId?: string;
  subjectId?: string;
  /** Only alerts with a greater `seq` (for paging and for followers). */
  afterSeq?: number;
  /** At most this many, oldest first. Default 1,000. */
  limit?: number;
}

type AlertRow = VettingTables['vetting_alerts'];

export function encodeChange(kind: 'added' | 'changed', fields: readonly string[] | undefined): string {
  return kind === 'added' || fields === undefined || fields.length === 0 ? kind : `changed:${fields.join(',')}`;
}

export function toAlert(row: AlertRow): Alert {
  const [kind, fieldList] = row.change.split(':') as ['added' | 'changed', string | undefined];
  const alert: Alert = {
    id: row.id,
    seq: Number(row.seq),
    subjectId: row.subject_id,
    entityId: row.entity_id,
    caption: row.caption,
    entityVersion: Number(row.entity_version),
    score: Number(row.score),
    decision: row.decision === 'match' ? 'match' : 'review',
    matchedName: row.matched_name,
    explanation: JSON.parse(row.explanation_json) as MatchExplanation,
    change: { source: row.source, from: Number(row.from_version), to: Number(row.to_version), kind, ...(fieldList !== undefined ? { fields: fieldList.split(',') } : {}) },
    status: row.status,
    createdAt: row.created_at,
    runId: row.run_id,
  };
  if (row.closed_at !== null) alert.closedAt = row.closed_at;
  if (row.close_reason !== null) alert.closeReason = row.close_reason;
  return alert;
}

/**
 * Alerts matching the filter, oldest first. Reading alerts is reading personal data: callers
 * record an `alert.read` audit entry for every read (the CLI and the server do).
 *
 * @example
 * const open = await listAlerts(store, { status: 'open', since: '2024-05-01T00:00:00Z' });
 */
export async function listAlerts(store: Pick<Store, 'db'>, filter: AlertFilter = {}): Promise<Alert[]> {
  const limit = filter.limit ?? 1000;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= 10_000)) {
    throw new VigilError('INVALID_INPUT', `limit must be a whole number from 1 to 10000, not ${limit}`, { field: 'limit' });
  }
  if (filter.since !== undefined && Number.isNaN(Date.parse(filter.since))) {
    throw new VigilError('INVALID_INPUT', `since must be an ISO-8601 date or time, not "${filter.since}"`, { field: 'since' });
  }
  let query = vettingDb(store).selectFrom('vetting_alerts').selectAll();
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.since !== undefined) query = query.where('created_at', '>=', new Date(filter.since).toISOString());
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
  if (filter.subjectId !== undefined) query = query.where('subject_id', '=', filter.subjectId);
  if (filter.afterSeq !== undefined) query = query.where('seq', '>', filter.afterSeq);
  const rows = await query.orderBy('seq').limit(limit).execute();
  return rows.map(toAlert);
}

/** The seq of the newest alert, 0 when there is none. */
export async function latestAlertSeq(store: Pick<Store, 'db'>): Promise<number> {
  const row = await vettingDb(store).selectFrom('vetting_alerts').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return row?.seq === null || row?.seq === undefined ? 0 : Number(row.seq);
}
