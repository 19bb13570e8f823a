import { Migrator, type Kysely } from 'kysely';
import { VigilError } from '../../domain/index.js';
import type { Database } from '../database.js';
import type { StoreLogger } from '../store.js';
import { migrationProvider } from './migration-provider.js';

/**
 * PostgreSQL's `invalid_schema_name`: a schema another client drops while the migrator looks for
 * its tables. The table list (TableListIntrospector) reads by oid and should not meet it, but
 * nothing of ours would be wrong then, so the migration is tried again rather than failed.
 */
function isSchemaDroppedMeanwhile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '3F000';
}

const ATTEMPTS = 4;

/** Brings the schema to the latest migration; Kysely's lock keeps concurrent openers apart. */
export async function runMigrations(db: Kysely<Database>, schema: string | undefined, logger?: StoreLogger): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema !== undefined ? { migrationTableSchema: schema } : {}) });
  let outcome = await migrator.migrateToLatest();
  for (let attempt = 1; attempt < ATTEMPTS && isSchemaDroppedMeanwhile(outcome.error); attempt += 1) {
    logger?.info({ attempt }, 'a schema was dropped while the store migrated; trying again');
    outcome = await migrator.migrateToLatest();
  }
  const { error, results } = outcome;
  for (const result of results ?? []) {
    if (result.status === 'Success') logger?.info({ migration: result.migrationName }, 'store migration applied');
  }
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new VigilError('STORE_FAILED', `store migration ${failed ?? ''} failed: ${reason}`.replace('  ', ' '), { migration: failed }, { cause: error });
  }
}
