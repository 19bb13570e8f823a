import type { Kysely } from 'kysely';
import type { Store } from '../store/index.js';

/**
 * The tables vetting owns (migrations 0005-vetting, 0007-vetting-lease and 0008-vetting-journal), seen through `store.db.withTables()`.
 * Times are ISO-8601 UTC text; ids are integers allocated from `vetting_counters`.
 */
/** An enrolled subject: its data, where and when it was screened, and when its retention ends. */
interface EnrolledSubjectRow {
  seq: number;
  subject_id: string;
  subject_json: string;
  channel: string | null;
  port: string | null;
  screened_at: string;
  enrolled_at: string;
  retain_until: string;
}

export type VettingTables = {
  vetting_subjects: EnrolledSubjectRow;
  vetting_subject_keys: { seq: number; name_keys: string };
  /** Enrolments not indexed yet, in the order they were made (enrolment-journal.ts): a subject row each. */
  vetting_journal: EnrolledSubjectRow;
  vetting_terms: { id: number; signature: string; text: string; skeleton: string; variant_ids: string; abjad: number };
  vetting_postings: { term_id: number; subject_seq: number };
  vetting_joins: { first_term: number; second_term: number; subject_seq: number };
  vetting_documents: { number: string; subject_seq: number };
  vetting_counters: { name: string; value: number };
  vetting_meta: { name: string; value: string };
  vetting_runs: {
    id: string;
    source: string;
    from_version: number;
    to_version: number;
    status: 'running' | 'done';
    started_at: string;
    updated_at: string;
    finished_at: string | null;
    checkpoint: number;
    candidates: number;
    screened: number;
    raised: number;
    closed: number;
  };
  vetting_leases: { name: string; holder: string; acquired_at: string; expires_at: string };
  vetting_cursors: { source: string; vetted_version: number; updated_at: string };
  vetting_alerts: {
    seq: number;
    id: string;
    subject_id: string;
    entity_id: string;
    caption: string;
    source: string;
    entity_version: number;
    from_version: number;
    to_version: number;
    change: string;
    score: number;
    score_key: number;
    decision: string;
    matched_name: string;
    explanation_json: string;
    status: 'open' | 'closed';
    created_at: string;
    run_id: string;
    closed_at: string | null;
    close_reason: string | null;
    pushed_at: string | null;
  };
};

export type VettingDb = Kysely<VettingTables>;

export function vettingDb(store: Pick<Store, 'db'>): VettingDb {
  return store.db.withTables<VettingTables>() as unknown as VettingDb;
}
