import type { ColumnType } from 'kysely';

/** PostgreSQL returns bigint as text; SQLite as a number. */
type BigIntColumn = ColumnType<number | string, number, number>;

/**
 * The tables the audit log owns (migration 0003-audit), seen through
 * `store.db.withTables<AuditTables>()`.
 */
export type AuditTables = {
  audit_records: AuditRecordsTable;
  audit_chain_head: AuditChainHeadTable;
};

export interface AuditRecordsTable {
  seq: BigIntColumn;
  at: string;
  actor_kind: string;
  actor_id: string;
  actor_org_id: string | null;
  action: string;
  /** JSON arrays, or null when absent. */
  subject_ids: string | null;
  entity_ids: string | null;
  purpose: string | null;
  outcome: string;
  decision: string | null;
  /** Canonical JSON, or null. */
  details: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * One row (`id = 'main'`) holding the last committed seq and hash. Every append transaction
 * locks it first, which orders appends across processes, and verify compares the chain's end
 * with it, which is how a truncated tail is noticed.
 */
export interface AuditChainHeadTable {
  id: string;
  seq: BigIntColumn;
  hash: string;
  updated_at: string;
}
