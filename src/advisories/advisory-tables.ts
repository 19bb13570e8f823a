import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';

/**
 * The tables advisories own (migration 0004-advisories), seen through
 * `store.db.withTables<AdvisoryTables>()`. Times are ISO-8601 UTC text; content is JSON text.
 */
export type AdvisoryTables = {
  advisories: AdvisoriesTable;
  advisory_versions: AdvisoryVersionsTable;
  advisory_posture_changes: PostureChangesTable;
};

export type AdvisoryDb = Kysely<Database & AdvisoryTables>;

export interface AdvisoriesTable {
  id: string;
  scheme: string;
  issuer_org_id: string | null;
  created_by: string;
  created_at: string;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  cancel_notified_at: string | null;
  expiry_noticed_at: string | null;
}

export interface AdvisoryVersionsTable {
  advisory_id: string;
  version: number;
  change: 'create' | 'update' | 'extend';
  /** Copied out of the content for queries; the content is what counts. */
  level: string;
  scope: string;
  expires_at: string | null;
  /** AdvisoryContent as JSON. */
  content_json: string;
  author_id: string;
  author_org_id: string | null;
  created_at: string;
  approved_by: string | null;
  approved_at: string | null;
  published_by: string | null;
  published_at: string | null;
  notified_at: string | null;
}

/** Each posture announced to screening, in order: the record of what screening was told, not a source of the level. */
export interface PostureChangesTable {
  seq: number;
  posture_id: string;
  posture_key: string;
  posture_json: string;
  changed_at: string;
}
