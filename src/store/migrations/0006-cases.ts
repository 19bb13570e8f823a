import type { Kysely, Migration } from 'kysely';

/**
 * Adjudication (src/cases): cases opened by screenings and vetting alerts that were not clear,
 * the per-hit decisions on them, redress suppressions and redress numbers.
 *
 * Decisions, confirmations, suppressions, their ends and case events are append-only: nothing
 * is updated in place, a new decision supersedes the old one. `cases` and `case_hits` also
 * hold the derived workflow state (status, owner, priority, the current decision of a hit) so
 * that the queue can be queried and concurrent steps can be refused by a version check.
 */
export const casesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      // One case per vetting alert, however often it is delivered.
      .addColumn('alert_id', 'text', (c) => c.unique())
      // Set while open: a repeated screening of the same person with the same hits joins it.
      .addColumn('open_key', 'text', (c) => c.unique())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('subject_json', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('redress_number', 'text')
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('top_score', 'double precision', (c) => c.notNull())
      .addColumn('hit_count', 'integer', (c) => c.notNull())
      .addColumn('posture_json', 'text')
      .addColumn('channel', 'text')
      .addColumn('port', 'text')
      .addColumn('list_versions_json', 'text', (c) => c.notNull())
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('priority_rank', 'integer', (c) => c.notNull())
      .addColumn('owner_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('opened_by', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text')
      .addColumn('close_note', 'text')
      .execute();
    // The queue: one organisation's cases by status, most urgent and oldest first.
    await db.schema.createIndex('cases_queue').on('cases').columns(['org_id', 'status', 'priority_rank', 'opened_at']).execute();
    await db.schema.createIndex('cases_status_opened').on('cases').columns(['status', 'opened_at']).execute();
    await db.schema.createIndex('cases_decided').on('cases').columns(['decided_at']).execute();
    await db.schema.createIndex('cases_subject').on('cases').columns(['subject_id']).execute();
    await db.schema.createIndex('cases_owner').on('cases').columns(['owner_id', 'status']).execute();

    await db.schema
      .createTable('case_hits')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('caption', 'text', (c) => c.notNull())
      .addColumn('matched_name', 'text', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('explanation_json', 'text', (c) => c.notNull())
      // The entity as screened: a suppression holds only while the entity still has this content.
      .addColumn('content_hash', 'text')
      .addColumn('list_version', 'integer')
      .addColumn('suppressed_json', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('current_decision_id', 'text')
      // Bumped by every decision and confirmation: a step that read an older version is refused.
      .addColumn('version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_hits_pk', ['case_id', 'entity_id'])
      .execute();
    await db.schema.createIndex('case_hits_state').on('case_hits').columns(['state']).execute();

    await db.schema
      .createTable('case_decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('reason_code', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('needs_confirmation', 'integer', (c) => c.notNull())
      .addColumn('suppression_expires_at', 'text')
      .addColumn('supersedes', 'text')
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decided_by_kind', 'text', (c) => c.notNull())
      .addColumn('decided_by_org', 'text')
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_decisions_hit').on('case_decisions').columns(['case_id', 'entity_id', 'seq']).unique().execute();
    await db.schema.createIndex('case_decisions_at').on('case_decisions').columns(['decided_at']).execute();

    await db.schema
      .createTable('case_decision_confirmations')
      .addColumn('decision_id', 'text', (c) => c.primaryKey().references('case_decisions.id'))
      .addColumn('confirmed_by', 'text', (c) => c.notNull())
      .addColumn('confirmed_by_kind', 'text', (c) => c.notNull())
      .addColumn('confirmed_by_org', 'text')
      .addColumn('confirmed_at', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .execute();

    await db.schema
      .createTable('case_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('details_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'at']).execute();

    await db.schema
      .createTable('redress_numbers')
      .addColumn('number', 'text', (c) => c.primaryKey())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('name_keys_json', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'text')
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('decision_id', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('issued_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('redress_numbers_fingerprint').on('redress_numbers').columns(['fingerprint']).execute();

    await db.schema
      .createTable('suppressions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('redress_number', 'text')
      .addColumn('name_keys_json', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'text')
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('decision_id', 'text', (c) => c.notNull().unique())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('reason_code', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .execute();
    // Screening asks: is this entity suppressed for this person (fingerprint or redress number)?
    await db.schema.createIndex('suppressions_fingerprint').on('suppressions').columns(['fingerprint', 'entity_id']).execute();
    await db.schema.createIndex('suppressions_redress').on('suppressions').columns(['redress_number', 'entity_id']).execute();
    await db.schema.createIndex('suppressions_org').on('suppressions').columns(['org_id', 'created_at']).execute();

    await db.schema
      .createTable('suppression_ends')
      .addColumn('suppression_id', 'text', (c) => c.primaryKey().references('suppressions.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text', (c) => c.notNull())
      .addColumn('ended_by', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('suppression_ends').execute();
    await db.schema.dropTable('suppressions').execute();
    await db.schema.dropTable('redress_numbers').execute();
    await db.schema.dropTable('case_events').execute();
    await db.schema.dropTable('case_decision_confirmations').execute();
    await db.schema.dropTable('case_decisions').execute();
    await db.schema.dropTable('case_hits').execute();
    await db.schema.dropTable('cases').execute();
  },
};
