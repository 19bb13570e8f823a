import type { Kysely, Migration } from 'kysely';

/**
 * Threat advisories (src/advisories) with every version kept, the log of screening postures
 * announced, and the outbound webhooks of src/notify. The current threat level is not stored:
 * it is derived from the published versions each time it is read.
 */
export const advisoriesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('advisories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scheme', 'text', (c) => c.notNull())
      .addColumn('issuer_org_id', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('cancelled_at', 'text')
      .addColumn('cancelled_by', 'text')
      .addColumn('cancel_reason', 'text')
      .addColumn('cancel_notified_at', 'text')
      // Set once, by whichever process first saw the sunset pass: the notice goes out once.
      .addColumn('expiry_noticed_at', 'text')
      .execute();
    await db.schema.createIndex('advisories_scheme').on('advisories').columns(['scheme', 'created_at']).execute();

    await db.schema
      .createTable('advisory_versions')
      .addColumn('advisory_id', 'text', (c) => c.notNull().references('advisories.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('content_json', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('author_org_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('approved_by', 'text')
      .addColumn('approved_at', 'text')
      .addColumn('published_by', 'text')
      .addColumn('published_at', 'text')
      .addColumn('notified_at', 'text')
      .addPrimaryKeyConstraint('advisory_versions_pk', ['advisory_id', 'version'])
      .execute();
    // Versions published but not yet announced, picked up by the sweep.
    await db.schema.createIndex('advisory_versions_published').on('advisory_versions').columns(['published_at', 'notified_at']).execute();

    await db.schema
      .createTable('advisory_posture_changes')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('posture_id', 'text', (c) => c.notNull())
      .addColumn('posture_key', 'text', (c) => c.notNull())
      .addColumn('posture_json', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('webhook_subscriptions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('event_types', 'text', (c) => c.notNull())
      .addColumn('org_id', 'text')
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .execute();

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subscription_id', 'text', (c) => c.notNull().references('webhook_subscriptions.id'))
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('claimed_at', 'text')
      .addColumn('last_attempt_at', 'text')
      .addColumn('last_status', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .execute();
    // One delivery per event and subscription, however often the event is announced.
    await db.schema.createIndex('webhook_deliveries_event').on('webhook_deliveries').columns(['subscription_id', 'event_id']).unique().execute();
    await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('webhook_deliveries').execute();
    await db.schema.dropTable('webhook_subscriptions').execute();
    await db.schema.dropTable('advisory_posture_changes').execute();
    await db.schema.dropTable('advisory_versions').execute();
    await db.schema.dropTable('advisories').execute();
  },
};
