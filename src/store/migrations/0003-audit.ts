import { sql, type Kysely, type Migration } from 'kysely';

/** The previous hash of the first audit record. */
const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash-chained audit trail (src/audit) and its one-row chain head. seq is bigint: at a few
 * thousand records a second a 32-bit counter runs out within weeks.
 */
export const auditMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('audit_records')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_org_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject_ids', 'text')
      .addColumn('entity_ids', 'text')
      .addColumn('purpose', 'text')
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('decision', 'text')
      .addColumn('details', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    // Export --since, and reviews of one actor's activity.
    await db.schema.createIndex('audit_records_at').on('audit_records').column('at').execute();
    await db.schema.createIndex('audit_records_actor').on('audit_records').columns(['actor_id', 'seq']).execute();

    await db.schema
      .createTable('audit_chain_head')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into audit_chain_head (id, seq, hash, updated_at) values (${'main'}, ${0}, ${GENESIS_HASH}, ${new Date().toISOString()})`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('audit_chain_head').execute();
    await db.schema.dropTable('audit_records').execute();
  },
};
