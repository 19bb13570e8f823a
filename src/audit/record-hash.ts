import { createHash } from 'node:crypto';
import type { AuditRecord } from './audit-types.js';
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
