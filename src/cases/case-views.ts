import type { Selectable } from 'kysely';
import type { CaseConfirmationsTable, CaseDecisionsTable, CaseEventsTable, CaseHitsTable, CasesTable, SuppressionEndsTable, SuppressionsTable } from './case-tables.js';
import type { CaseDetail, CaseEventView, CaseHitView, CaseSummary, DecisionView, HitSuppression, SuppressionStatus, SuppressionView } from './case-types.js';
import type { ScreenedSubject } from './case-inputs.js';
import type { Priority } from './priority.js';
import type { Outcome } from './reason-codes.js';

type CaseRow = Selectable<CasesTable>;
type HitRow = Selectable<CaseHitsTable>;
type DecisionRow = Selectable<CaseDecisionsTable>;
type ConfirmationRow = Selectable<CaseConfirmationsTable>;

export function toSummary(row: CaseRow, awaitingConfirmation: number, now: Date): CaseSummary {
  return {
    id: row.id,
    orgId: row.org_id,
    source: row.source,
    ...(row.alert_id !== null ? { alertId: row.alert_id } : {}),
    status: row.status,
    decision: row.decision,
    ...(row.outcome !== null ? { outcome: row.outcome as Outcome } : {}),
    priority: row.priority as Priority,
    ...(row.owner_id !== null ? { owner: row.owner_id } : {}),
    openedAt: row.opened_at,
    openedBy: row.opened_by,
    ageSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(row.opened_at)) / 1000)),
    ...(row.decided_at !== null ? { decidedAt: row.decided_at } : {}),
    ...(row.closed_at !== null ? { closedAt: row.closed_at } : {}),
    subject: JSON.parse(row.subject_json) as ScreenedSubject,
    ...(row.channel !== null ? { channel: row.channel } : {}),
    ...(row.port !== null ? { port: row.port } : {}),
    hitCount: row.hit_count,
    topScore: Number(row.top_score),
    awaitingConfirmation,
  };
}

/** Every decision on one hit, oldest first, with the state each is in now. */
export function toDecisionViews(rows: readonly DecisionRow[], confirmations: ReadonlyMap<string, ConfirmationRow>): DecisionView[] {
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  return sorted.map((row, index) => {
    const next = sorted[index + 1];
    const confirmation = confirmations.get(row.id);
    const state: DecisionView['state'] = next !== undefined ? 'superseded' : confirmation !== undefined ? 'confirmed' : row.needs_confirmation === 1 ? 'proposed' : 'final';
    return {
      id: row.id,
      caseId: row.case_id,
      entityId: row.entity_id,
      seq: row.seq,
      outcome: row.outcome as Outcome,
      reasonCode: row.reason_code,
      ...(row.note !== null ? { note: row.note } : {}),
      decidedBy: row.decided_by,
      decidedAt: row.decided_at,
      ...(row.supersedes !== null ? { supersedes: row.supersedes } : {}),
      ...(next !== undefined ? { supersededBy: next.id } : {}),
      state,
      needsConfirmation: row.needs_confirmation === 1,
      ...(confirmation !== undefined
        ? { confirmedBy: confirmation.confirmed_by, confirmedAt: confirmation.confirmed_at, ...(confirmation.note !== null ? { confirmationNote: confirmation.note } : {}) }
        : {}),
      ...(row.suppression_expires_at !== null ? { suppressionExpiresAt: row.suppression_expires_at } : {}),
    };
  });
}

export function toHitView(row: HitRow, history: DecisionView[]): CaseHitView {
  const current = history.find((d) => d.id === row.current_decision_id);
  return {
    entityId: row.entity_id,
    caption: row.caption,
    matchedName: row.matched_name,
    score: Number(row.score),
    explanation: JSON.parse(row.explanation_json) as Record<string, unknown>,
    ...(row.content_hash !== null ? { contentHash: row.content_hash } : {}),
    ...(row.list_version !== null ? { listVersion: row.list_version } : {}),
    ...(row.suppressed_json !== null ? { suppressed: JSON.parse(row.suppressed_json) as HitSuppression } : {}),
    state: row.state,
    ...(row.outcome !== null ? { outcome: row.outcome as Outcome } : {}),
    ...(current !== undefined ? { decision: current } : {}),
    history,
  };
}

export function toEventView(row: Selectable<CaseEventsTable>): CaseEventView {
  return { kind: row.kind, actorId: row.actor_id, at: row.at, details: JSON.parse(row.details_json) as Record<string, unknown> };
}

export interface DetailParts {
  row: CaseRow;
  hits: HitRow[];
  decisions: DecisionRow[];
  confirmations: ConfirmationRow[];
  events: Array<Selectable<CaseEventsTable>>;
  issuedRedress?: string;
}

export function toDetail(parts: DetailParts, now: Date): CaseDetail {
  const confirmations = new Map(parts.confirmations.map((c) => [c.decision_id, c]));
  const hits = parts.hits.map((hit) => toHitView(hit, toDecisionViews(parts.decisions.filter((d) => d.entity_id === hit.entity_id), confirmations)));
  const summary = toSummary(parts.row, parts.hits.filter((h) => h.state === 'proposed').length, now);
  const presented = parts.row.redress_number;
  return {
    ...summary,
    ...(parts.row.posture_json !== null ? { posture: JSON.parse(parts.row.posture_json) as Record<string, unknown> } : {}),
    listVersions: JSON.parse(parts.row.list_versions_json) as Record<string, number>,
    hits,
    events: parts.events.map(toEventView),
    redress: { ...(presented !== null ? { presented } : {}), ...(parts.issuedRedress !== undefined ? { issued: parts.issuedRedress } : {}) },
    ...(parts.row.closed_by !== null ? { closedBy: parts.row.closed_by } : {}),
    ...(parts.row.close_note !== null ? { closeNote: parts.row.close_note } : {}),
  };
}

export function suppressionStatus(row: Selectable<SuppressionsTable>, end: Selectable<SuppressionEndsTable> | undefined, currentHash: string | undefined, now: string): SuppressionStatus {
  if (end !== undefined) return end.reason;
  if (row.expires_at !== null && row.expires_at <= now) return 'expired';
  return currentHash === row.content_hash ? 'active' : 'lapsed';
}

export function toSuppressionView(row: Selectable<SuppressionsTable>, end: Selectable<SuppressionEndsTable> | undefined, currentHash: string | undefined, now: string): SuppressionView {
  return {
    id: row.id,
    entityId: row.entity_id,
    caseId: row.case_id,
    decisionId: row.decision_id,
    subjectId: row.subject_id,
    orgId: row.org_id,
    reasonCode: row.reason_code,
    ...(row.redress_number !== null ? { redressNumber: row.redress_number } : {}),
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...(row.expires_at !== null ? { expiresAt: row.expires_at } : {}),
    status: suppressionStatus(row, end, currentHash, now),
    contentHash: row.content_hash,
    ...(currentHash !== undefined ? { currentContentHash: currentHash } : {}),
    ...(end !== undefined ? { endedAt: end.ended_at, endedBy: end.ended_by, ...(end.note !== null ? { endNote: end.note } : {}) } : {}),
  };
}
