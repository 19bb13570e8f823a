import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The enrolment journal: the subjects a server screens are enrolled first as one row each,
 * appended in order, and indexed for reverse look-up later in large batches (when the server
 * is idle, past a backlog, and before anything reads the index). Indexing one traveller costs
 * about twenty scattered index rows; a row appended here costs one.
 */
export const vettingJournalMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('vetting_journal')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('subject_json', 'text', (c) => c.notNull())
      .addColumn('channel', 'text')
      .addColumn('port', 'text')
      .addColumn('screened_at', 'text', (c) => c.notNull())
      .addColumn('enrolled_at', 'text', (c) => c.notNull())
      .addColumn('retain_until', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into vetting_counters (name, value) values (${'journal'}, ${0})`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('vetting_journal').execute();
    await sql`delete from vetting_counters where name = ${'journal'}`.execute(db);
  },
};
