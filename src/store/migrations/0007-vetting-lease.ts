import type { Kysely, Migration } from 'kysely';

/**
 * One vetting run at a time across every process sharing the database: replicas behind a load
 * balancer, a `vigil vet` at a terminal and a `vigil lists import` that vets what it imported.
 * The holder renews its lease while it works; a crashed holder's lease expires and the next
 * process takes over, resuming the run from its checkpoint.
 */
export const vettingLeaseMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('vetting_leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('acquired_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('vetting_leases').execute();
  },
};
