import { Migrator, type Kysely } from 'kysely';
import { VigilError } from '../../domain/index.js';
import type { Database } from '../database.js';
import type { StoreLogger } from '../store.js';
import { migrationProvider } from './migration-provider.js';

/** Brings the schema to the latest migration; Kysely's lock keeps concurrent openers apart. */
export async function runMigrations(db: Kysely<Database>, schema: string | undefined, logger?: StoreLogger): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema !== undefined ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === 'Success') logger?.info({ migration: result.migrationName }, 'store migration applied');
  }
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new VigilError('STORE_FAILED', `store migration ${failed ?? ''} failed: ${reason}`.replace('  ', ' '), { migration: failed }, { cause: error });
  }
}
