import type { Insertable, Selectable } from 'kysely';
import type { AuditRecordsTable } from './audit-tables.js';
import type { AuditActor, AuditOutcome, AuditRecord } from './audit-types.js';
import { canonicalJson } from '../domain/index.js';

export type AuditRow = Selectable<AuditRecordsTable>;

/** `detailsText`: the details' canonical JSON when the caller has it already. */
export function toAuditRow(record: AuditRecord, detailsText?: string): Insertable<AuditRecordsTable> {
  return {
    seq: record.seq,
    at: record.at,
    actor_kind: record.actor.kind,
    actor_id: record.actor.id,
    actor_org_id: record.actor.orgId ?? null,
    action: record.action,
    subject_ids: record.subjectIds === undefined ? null : JSON.stringify(record.subjectIds),
    entity_ids: record.entityIds === undefined ? null : JSON.stringify(record.entityIds),
    purpose: record.purpose ?? null,
    outcome: record.outcome,
    decision: record.decision ?? null,
    details: record.details === undefined ? null : (detailsText ?? canonicalJson(record.details)),
    prev_hash: record.prevHash,
    hash: record.hash,
  };
}

/**
 * The record as stored, without judging it: verify recomputes the hash from exactly this, so a
 * changed column shows up as a mismatch rather than being repaired here.
 */
export function fromAuditRow(row: AuditRow): AuditRecord {
  const actor: AuditActor = { kind: row.actor_kind as AuditActor['kind'], id: row.actor_id };
  if (row.actor_org_id !== null) actor.orgId = row.actor_org_id;
  const record: AuditRecord = {
    seq: Number(row.seq),
    at: row.at,
    actor,
    action: row.action,
    outcome: row.outcome as AuditOutcome,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
  if (row.subject_ids !== null) record.subjectIds = JSON.parse(row.subject_ids) as string[];
  if (row.entity_ids !== null) record.entityIds = JSON.parse(row.entity_ids) as string[];
  if (row.purpose !== null) record.purpose = row.purpose;
  if (row.decision !== null) record.decision = row.decision;
  if (row.details !== null) record.details = JSON.parse(row.details) as Record<string, unknown>;
  return record;
}
