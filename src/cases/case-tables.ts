import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';

/**
 * The tables cases own (migration 0006-cases), seen through `store.db.withTables<CaseTables>()`.
 * Times are ISO-8601 UTC text, JSON is text, flags are 0/1 integers.
 */
export type CaseTables = {
  cases: CasesTable;
  case_hits: CaseHitsTable;
  case_decisions: CaseDecisionsTable;
  case_decision_confirmations: CaseConfirmationsTable;
  case_events: CaseEventsTable;
  redress_numbers: RedressNumbersTable;
  suppressions: SuppressionsTable;
  suppression_ends: SuppressionEndsTable;
};

export type CaseDb = Kysely<Database & CaseTables>;

export interface CasesTable {
  id: string;
  org_id: string;
  source: 'screening' | 'alert';
  alert_id: string | null;
  open_key: string | null;
  subject_id: string;
  subject_json: string;
  fingerprint: string;
  redress_number: string | null;
  decision: 'review' | 'match';
  top_score: number;
  hit_count: number;
  posture_json: string | null;
  channel: string | null;
  port: string | null;
  list_versions_json: string;
  priority: string;
  priority_rank: number;
  owner_id: string | null;
  status: 'open' | 'decided' | 'closed';
  outcome: string | null;
  opened_at: string;
  opened_by: string;
  decided_at: string | null;
  closed_at: string | null;
  closed_by: string | null;
  close_note: string | null;
}

export interface CaseHitsTable {
  case_id: string;
  entity_id: string;
  position: number;
  caption: string;
  matched_name: string;
  score: number;
  explanation_json: string;
  content_hash: string | null;
  list_version: number | null;
  suppressed_json: string | null;
  state: 'undecided' | 'proposed' | 'final' | 'suppressed';
  outcome: string | null;
  current_decision_id: string | null;
  version: number;
}

export interface CaseDecisionsTable {
  id: string;
  case_id: string;
  entity_id: string;
  seq: number;
  outcome: string;
  reason_code: string;
  note: string | null;
  needs_confirmation: number;
  suppression_expires_at: string | null;
  supersedes: string | null;
  decided_by: string;
  decided_by_kind: string;
  decided_by_org: string | null;
  decided_at: string;
}

export interface CaseConfirmationsTable {
  decision_id: string;
  confirmed_by: string;
  confirmed_by_kind: string;
  confirmed_by_org: string | null;
  confirmed_at: string;
  note: string | null;
}

export interface CaseEventsTable {
  id: string;
  case_id: string;
  kind: string;
  actor_id: string;
  at: string;
  details_json: string;
}

export interface RedressNumbersTable {
  number: string;
  fingerprint: string;
  name_keys_json: string;
  birth_date: string | null;
  org_id: string;
  case_id: string;
  decision_id: string;
  issued_at: string;
  issued_by: string;
}

export interface SuppressionsTable {
  id: string;
  entity_id: string;
  fingerprint: string;
  redress_number: string | null;
  name_keys_json: string;
  birth_date: string | null;
  content_hash: string;
  decision_id: string;
  case_id: string;
  subject_id: string;
  org_id: string;
  reason_code: string;
  created_at: string;
  created_by: string;
  expires_at: string | null;
}

export interface SuppressionEndsTable {
  suppression_id: string;
  reason: 'revoked' | 'superseded';
  ended_at: string;
  ended_by: string;
  note: string | null;
}
