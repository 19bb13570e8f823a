import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Recurrent vetting (src/vetting): enrolled subjects and the reverse index that finds them when
 * a list changes, the alerts it raises, and the runs that raised them. The reverse index is a
 * vocabulary of distinct name terms with postings (term -> subject), adjacent parts written
 * together, and document numbers, so it grows with the database rather than in one process.
 * Ids are counter-allocated integers (vetting_counters), the same statement on both databases.
 */
export const vettingMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('vetting_subjects')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('subject_id', 'text', (c) => c.notNull().unique())
      .addColumn('subject_json', 'text', (c) => c.notNull())
      .addColumn('channel', 'text')
      .addColumn('port', 'text')
      .addColumn('screened_at', 'text', (c) => c.notNull())
      .addColumn('enrolled_at', 'text', (c) => c.notNull())
      .addColumn('retain_until', 'text', (c) => c.notNull())
      .execute();
    // Purges walk the subjects whose retention ended.
    await db.schema.createIndex('vetting_subjects_retain').on('vetting_subjects').column('retain_until').execute();

    // Per subject, its names' terms with role weights: what a score bound reads for every
    // candidate of a run, kept apart from the subject's data so that those reads stay narrow.
    await db.schema
      .createTable('vetting_subject_keys')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('name_keys', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('vetting_terms')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('signature', 'text', (c) => c.notNull().unique())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('skeleton', 'text', (c) => c.notNull())
      .addColumn('variant_ids', 'text', (c) => c.notNull())
      .addColumn('abjad', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('vetting_postings')
      .addColumn('term_id', 'integer', (c) => c.notNull())
      .addColumn('subject_seq', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('vetting_postings_pk', ['term_id', 'subject_seq'])
      .execute();
    await db.schema.createIndex('vetting_postings_subject').on('vetting_postings').column('subject_seq').execute();

    await db.schema
      .createTable('vetting_joins')
      .addColumn('first_term', 'integer', (c) => c.notNull())
      .addColumn('second_term', 'integer', (c) => c.notNull())
      .addColumn('subject_seq', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('vetting_joins_pk', ['first_term', 'second_term', 'subject_seq'])
      .execute();
    await db.schema.createIndex('vetting_joins_second').on('vetting_joins').columns(['second_term', 'first_term']).execute();
    await db.schema.createIndex('vetting_joins_subject').on('vetting_joins').column('subject_seq').execute();

    await db.schema
      .createTable('vetting_documents')
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('subject_seq', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('vetting_documents_pk', ['number', 'subject_seq'])
      .execute();
    await db.schema.createIndex('vetting_documents_subject').on('vetting_documents').column('subject_seq').execute();

    await db.schema
      .createTable('vetting_counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
    for (const name of ['subject', 'term', 'alert']) {
      await sql`insert into vetting_counters (name, value) values (${name}, ${0})`.execute(db);
    }
    // Settings the stored keys depend on, such as the name-variant dictionary they were made with.
    await db.schema
      .createTable('vetting_meta')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('vetting_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('from_version', 'integer', (c) => c.notNull())
      .addColumn('to_version', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      // Candidates are screened in subject order; every subject at or below this is done.
      .addColumn('checkpoint', 'integer', (c) => c.notNull())
      .addColumn('candidates', 'integer', (c) => c.notNull())
      .addColumn('screened', 'integer', (c) => c.notNull())
      .addColumn('raised', 'integer', (c) => c.notNull())
      .addColumn('closed', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('vetting_runs_change').on('vetting_runs').columns(['source', 'from_version', 'to_version', 'status']).execute();

    await db.schema
      .createTable('vetting_cursors')
      .addColumn('source', 'text', (c) => c.primaryKey())
      .addColumn('vetted_version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('vetting_alerts')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('caption', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('entity_version', 'integer', (c) => c.notNull())
      .addColumn('from_version', 'integer', (c) => c.notNull())
      .addColumn('to_version', 'integer', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      // The score to four places, as an integer: the same pair at the same score alerts once.
      .addColumn('score_key', 'integer', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('matched_name', 'text', (c) => c.notNull())
      .addColumn('explanation_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('close_reason', 'text')
      .addColumn('pushed_at', 'text')
      .addUniqueConstraint('vetting_alerts_pair_score', ['subject_id', 'entity_id', 'score_key'])
      .execute();
    await db.schema.createIndex('vetting_alerts_status').on('vetting_alerts').columns(['status', 'seq']).execute();
    await db.schema.createIndex('vetting_alerts_entity').on('vetting_alerts').columns(['entity_id', 'status']).execute();
    await db.schema.createIndex('vetting_alerts_created').on('vetting_alerts').column('created_at').execute();
    await db.schema.createIndex('vetting_alerts_pushed').on('vetting_alerts').columns(['pushed_at', 'seq']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['vetting_alerts', 'vetting_cursors', 'vetting_runs', 'vetting_meta', 'vetting_counters', 'vetting_documents', 'vetting_joins', 'vetting_postings', 'vetting_terms', 'vetting_subject_keys', 'vetting_subjects']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
