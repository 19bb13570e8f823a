import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Database } from '../store/index.js';
import type { CaseDb, CaseTables, CaseDecisionsTable, CaseHitsTable, CasesTable, SuppressionEndsTable, SuppressionsTable } from './case-tables.js';
import type { DetailParts } from './case-views.js';
import type { CaseStats, CaseStatus } from './case-types.js';
import { PRIORITIES, type Priority } from './priority.js';

export type CaseRow = Selectable<CasesTable>;
export type HitRow = Selectable<CaseHitsTable>;
export type DecisionRow = Selectable<CaseDecisionsTable>;
export type SuppressionRow = Selectable<SuppressionsTable>;
export type SuppressionEndRow = Selectable<SuppressionEndsTable>;

/** The list filter after parsing, with `owner` and the organisation resolved by the service. */
export interface CaseQuery {
  orgId?: string;
  status?: CaseStatus;
  decision?: 'review' | 'match';
  outcome?: string;
  channel?: string;
  port?: string;
  /** A user id, or null for unassigned cases. */
  owner?: string | null;
  priority?: Priority;
  source?: 'screening' | 'alert';
  awaitingConfirmation?: boolean;
  subjectId?: string;
  /** Opened at or before this instant (a minimum age). */
  openedBefore?: string;
  /** Opened at or after this instant (a maximum age). */
  openedAfter?: string;
  limit: number;
  offset: number;
}

export interface SuppressionQuery {
  orgId?: string;
  status: 'active' | 'ended' | 'all';
  entityId?: string;
  caseId?: string;
  redressNumber?: string;
  now: string;
  limit: number;
  offset: number;
}

const AGE_BUCKETS: ReadonlyArray<{ bucket: string; hours: number }> = [
  { bucket: 'under_1h', hours: 1 },
  { bucket: '1h_to_4h', hours: 4 },
  { bucket: '4h_to_24h', hours: 24 },
  { bucket: '1d_to_3d', hours: 72 },
  { bucket: '3d_to_7d', hours: 168 },
];

/** Reads of the case tables; writes that must be atomic live in the decision steps. */
export class CaseRepository {
  constructor(private readonly db: CaseDb) {}

  findCase(id: string): Promise<CaseRow | undefined> {
    return this.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findHit(caseId: string, entityId: string): Promise<HitRow | undefined> {
    return this.db.selectFrom('case_hits').selectAll().where('case_id', '=', caseId).where('entity_id', '=', entityId).executeTakeFirst();
  }

  findDecision(id: string): Promise<DecisionRow | undefined> {
    return this.db.selectFrom('case_decisions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async detailParts(row: CaseRow): Promise<DetailParts> {
    const [hits, decisions, events, issued] = await Promise.all([
      this.db.selectFrom('case_hits').selectAll().where('case_id', '=', row.id).orderBy('position').execute(),
      this.db.selectFrom('case_decisions').selectAll().where('case_id', '=', row.id).orderBy('entity_id').orderBy('seq').execute(),
      this.db.selectFrom('case_events').selectAll().where('case_id', '=', row.id).orderBy('at').orderBy('id').execute(),
      this.db.selectFrom('redress_numbers').select('number').where('case_id', '=', row.id).orderBy('issued_at').executeTakeFirst(),
    ]);
    const ids = decisions.map((d) => d.id);
    const confirmations = ids.length === 0 ? [] : await this.db.selectFrom('case_decision_confirmations').selectAll().where('decision_id', 'in', ids).execute();
    return { row, hits, decisions, confirmations, events, ...(issued !== undefined ? { issuedRedress: issued.number } : {}) };
  }

  async listCases(query: CaseQuery): Promise<{ rows: CaseRow[]; total: number; awaiting: Map<string, number> }> {
    let base = this.db.selectFrom('cases');
    if (query.orgId !== undefined) base = base.where('org_id', '=', query.orgId);
    if (query.status !== undefined) base = base.where('status', '=', query.status);
    if (query.decision !== undefined) base = base.where('decision', '=', query.decision);
    if (query.outcome !== undefined) base = base.where('outcome', '=', query.outcome);
    if (query.channel !== undefined) base = base.where('channel', '=', query.channel);
    if (query.port !== undefined) base = base.where('port', '=', query.port);
    if (query.owner === null) base = base.where('owner_id', 'is', null);
    else if (query.owner !== undefined) base = base.where('owner_id', '=', query.owner);
    if (query.priority !== undefined) base = base.where('priority', '=', query.priority);
    if (query.source !== undefined) base = base.where('source', '=', query.source);
    if (query.subjectId !== undefined) base = base.where('subject_id', '=', query.subjectId);
    if (query.openedBefore !== undefined) base = base.where('opened_at', '<=', query.openedBefore);
    if (query.openedAfter !== undefined) base = base.where('opened_at', '>=', query.openedAfter);
    if (query.awaitingConfirmation !== undefined) {
      const pending = (eb: ExpressionBuilder<Database & CaseTables, 'cases'>) =>
        eb.exists(eb.selectFrom('case_hits as h').select('h.case_id').whereRef('h.case_id', '=', 'cases.id').where('h.state', '=', 'proposed'));
      base = base.where((eb) => (query.awaitingConfirmation === true ? pending(eb) : eb.not(pending(eb))));
    }
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('priority_rank').orderBy('opened_at').orderBy('id').limit(query.limit).offset(query.offset).execute(),
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
    ]);
    const awaiting = new Map<string, number>();
    if (rows.length > 0) {
      const pending = await this.db
        .selectFrom('case_hits')
        .select(['case_id', (eb) => eb.fn.countAll().as('n')])
        .where('case_id', 'in', rows.map((r) => r.id))
        .where('state', '=', 'proposed')
        .groupBy('case_id')
        .execute();
      for (const p of pending) awaiting.set(p.case_id, Number(p.n));
    }
    return { rows, total: Number(count?.n ?? 0), awaiting };
  }

  async stats(orgId: string | undefined, now: Date): Promise<CaseStats> {
    const scoped = orgId === undefined ? this.db.selectFrom('cases') : this.db.selectFrom('cases').where('org_id', '=', orgId);
    const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
    const before = (hours: number): string => new Date(now.getTime() - hours * 3_600_000).toISOString();
    const [byStatus, byPriority, ageing, awaiting, unassigned, decidedToday, decisionsToday] = await Promise.all([
      scoped.select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status').execute(),
      scoped.where('status', '=', 'open').select(['priority', (eb) => eb.fn.countAll().as('n')]).groupBy('priority').execute(),
      scoped
        .where('status', '=', 'open')
        .select(AGE_BUCKETS.map(({ bucket, hours }) => sql<number>`sum(case when opened_at > ${before(hours)} then 1 else 0 end)`.as(bucket)))
        .select((eb) => eb.fn.countAll().as('all'))
        .executeTakeFirst(),
      scoped.where((eb) => eb.exists(eb.selectFrom('case_hits as h').select('h.case_id').whereRef('h.case_id', '=', 'cases.id').where('h.state', '=', 'proposed'))).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
      scoped.where('status', '=', 'open').where('owner_id', 'is', null).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
      scoped.where('decided_at', '>=', midnight).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
      (orgId === undefined
        ? this.db.selectFrom('case_decisions')
        : this.db.selectFrom('case_decisions').where('case_id', 'in', (eb) => eb.selectFrom('cases').select('cases.id').where('cases.org_id', '=', orgId))
      )
        .where('decided_at', '>=', midnight)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ]);
    const statusCounts: Record<CaseStatus, number> = { open: 0, decided: 0, closed: 0 };
    for (const row of byStatus) statusCounts[row.status] = Number(row.n);
    const priorityCounts = Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<Priority, number>;
    for (const row of byPriority) if ((PRIORITIES as readonly string[]).includes(row.priority)) priorityCounts[row.priority as Priority] = Number(row.n);
    // Cumulative "younger than" sums become disjoint buckets, the oldest taking the rest.
    const agedRow = (ageing ?? {}) as Record<string, unknown>;
    const buckets: Array<{ bucket: string; count: number }> = [];
    let younger = 0;
    for (const { bucket } of AGE_BUCKETS) {
      const cumulative = Number(agedRow[bucket] ?? 0);
      buckets.push({ bucket, count: cumulative - younger });
      younger = cumulative;
    }
    buckets.push({ bucket: 'over_7d', count: Number(agedRow['all'] ?? 0) - younger });
    return {
      byStatus: statusCounts,
      openByPriority: priorityCounts,
      ageing: buckets,
      awaitingConfirmation: Number(awaiting?.n ?? 0),
      unassigned: Number(unassigned?.n ?? 0),
      decidedToday: Number(decidedToday?.n ?? 0),
      decisionsToday: Number(decisionsToday?.n ?? 0),
    };
  }

  findSuppression(id: string): Promise<SuppressionRow | undefined> {
    return this.db.selectFrom('suppressions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findSuppressionEnd(id: string): Promise<SuppressionEndRow | undefined> {
    return this.db.selectFrom('suppression_ends').selectAll().where('suppression_id', '=', id).executeTakeFirst();
  }

  async listSuppressions(query: SuppressionQuery): Promise<{ rows: Array<{ row: SuppressionRow; end: SuppressionEndRow | undefined }>; total: number }> {
    let base = this.db.selectFrom('suppressions as s').leftJoin('suppression_ends as e', 'e.suppression_id', 's.id');
    if (query.orgId !== undefined) base = base.where('s.org_id', '=', query.orgId);
    if (query.entityId !== undefined) base = base.where('s.entity_id', '=', query.entityId);
    if (query.caseId !== undefined) base = base.where('s.case_id', '=', query.caseId);
    if (query.redressNumber !== undefined) base = base.where('s.redress_number', '=', query.redressNumber);
    if (query.status === 'active') base = base.where('e.suppression_id', 'is', null).where((eb) => eb.or([eb('s.expires_at', 'is', null), eb('s.expires_at', '>', query.now)]));
    if (query.status === 'ended') base = base.where((eb) => eb.or([eb('e.suppression_id', 'is not', null), eb('s.expires_at', '<=', query.now)]));
    const [rows, count] = await Promise.all([
      base
        .selectAll('s')
        .select(['e.suppression_id as end_id', 'e.reason as end_reason', 'e.ended_at as end_at', 'e.ended_by as end_by', 'e.note as end_note'])
        .orderBy('s.created_at', 'desc')
        .orderBy('s.id')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
    ]);
    return {
      rows: rows.map(({ end_id, end_reason, end_at, end_by, end_note, ...row }) => ({
        row,
        end: end_id === null || end_reason === null || end_at === null || end_by === null ? undefined : { suppression_id: end_id, reason: end_reason, ended_at: end_at, ended_by: end_by, note: end_note },
      })),
      total: Number(count?.n ?? 0),
    };
  }
}
