import { createHash } from 'node:crypto';
import type { AuditInput, AuditRecord } from './audit-types.js';
import { canonicalJson } from '../domain/index.js';

/** The previous hash of record 1. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * `sha256(prevHash + canonicalJson(record without hash))`, hex. The hashed JSON includes seq, at
 * and prevHash, so a record moved to another position or re-chained no longer matches its hash.
 */
export function hashAuditRecord(record: Omit<AuditRecord, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...content } = record;
  return createHash('sha256').update(record.prevHash, 'utf8').update(canonicalJson(content), 'utf8').digest('hex');
}

function stringList(values: readonly string[]): string {
  return JSON.stringify(values);
}

/**
 * `canonicalJson` of a record made by `normaliseAudit` (only the AuditInput fields, plus seq, at
 * and prevHash), written out field by field in sorted-key order with the details' canonical
 * text reused: the same text, made without copying and sorting the record on every append.
 * record-hash.test.ts holds it equal to `canonicalJson`.
 */
export function canonicalRecordText(record: AuditInput & { seq: number; at: string; prevHash: string }, detailsText: string | undefined): string {
  const { actor } = record;
  let text = `{"action":${JSON.stringify(record.action)},"actor":{"id":${JSON.stringify(actor.id)},"kind":${JSON.stringify(actor.kind)}`;
  if (actor.orgId !== undefined) text += `,"orgId":${JSON.stringify(actor.orgId)}`;
  text += `},"at":${JSON.stringify(record.at)}`;
  if (record.decision !== undefined) text += `,"decision":${JSON.stringify(record.decision)}`;
  if (record.details !== undefined) text += `,"details":${detailsText ?? canonicalJson(record.details)}`;
  if (record.entityIds !== undefined) text += `,"entityIds":${stringList(record.entityIds)}`;
  text += `,"outcome":${JSON.stringify(record.outcome)},"prevHash":${JSON.stringify(record.prevHash)}`;
  if (record.purpose !== undefined) text += `,"purpose":${JSON.stringify(record.purpose)}`;
  text += `,"seq":${JSON.stringify(record.seq)}`;
  if (record.subjectIds !== undefined) text += `,"subjectIds":${stringList(record.subjectIds)}`;
  return `${text}}`;
}

/** `hashAuditRecord` for a record made by `normaliseAudit`, from its canonical text. */
export function hashNormalisedRecord(record: AuditInput & { seq: number; at: string; prevHash: string }, detailsText: string | undefined): string {
  return createHash('sha256').update(record.prevHash, 'utf8').update(canonicalRecordText(record, detailsText), 'utf8').digest('hex');
}
