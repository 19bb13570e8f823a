import type { Kysely, Migration } from 'kysely';

/**
 * Sources, their versions and entity contents held over spans of versions. Written with the
 * schema builder only, so the same migration runs on SQLite and PostgreSQL.
 */
export const listVersionsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('sources')
      .addColumn('source', 'text', (c) => c.primaryKey())
      .addColumn('current_version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_imported_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('list_versions')
      .addColumn('source', 'text', (c) => c.notNull().references('sources.source'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('file_sha256', 'text', (c) => c.notNull())
      .addColumn('file_names', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('entity_count', 'integer', (c) => c.notNull())
      .addColumn('added', 'integer', (c) => c.notNull())
      .addColumn('changed', 'integer', (c) => c.notNull())
      .addColumn('removed', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('list_versions_pk', ['source', 'version'])
      .execute();

    await db.schema
      .createTable('entity_contents')
      .addColumn('content_hash', 'text', (c) => c.primaryKey())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('caption', 'text', (c) => c.notNull())
      .addColumn('entity_schema', 'text', (c) => c.notNull())
      .addColumn('entity_json', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('entity_spans')
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('first_version', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().references('sources.source'))
      .addColumn('content_hash', 'text', (c) => c.notNull().references('entity_contents.content_hash'))
      .addColumn('last_version', 'integer')
      .addPrimaryKeyConstraint('entity_spans_pk', ['entity_id', 'first_version'])
      .execute();

    // Reading a version and paging through it in id order (iterateEntities, diff of far versions).
    await db.schema.createIndex('entity_spans_source_entity').on('entity_spans').columns(['source', 'entity_id']).execute();
    // The spans an import compares against (last_version is null) and the ones a diff closes.
    await db.schema.createIndex('entity_spans_source_last').on('entity_spans').columns(['source', 'last_version']).execute();
    // The spans a version opened, for diffs.
    await db.schema.createIndex('entity_spans_source_first').on('entity_spans').columns(['source', 'first_version']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('entity_spans').execute();
    await db.schema.dropTable('entity_contents').execute();
    await db.schema.dropTable('list_versions').execute();
    await db.schema.dropTable('sources').execute();
  },
};
