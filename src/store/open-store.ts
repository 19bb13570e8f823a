import { selectDialect } from './dialect/select-dialect.js';
import { runMigrations } from './migrations/run-migrations.js';
import { SqlStore } from './sql-store.js';
import type { Store, StoreOptions } from './store.js';
import { toStoreError } from './to-store-error.js';

/**
 * Opens the store at `url` and brings its schema up to date.
 *
 * @param url `postgres://...` for PostgreSQL; anything else is a SQLite file path (`:memory:` works).
 * @example
 * const store = await openStore('./vigil.db');
 * try {
 *   const result = await store.importList({ source: 'un-sc', mode: 'full', records, fileSha256, fileNames });
 * } finally {
 *   await store.close();
 * }
 */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const dialect = selectDialect(url);
  const db = await dialect.connect(options.logger, {
    ...(options.checkpoints !== undefined ? { checkpoints: options.checkpoints } : {}),
    ...(options.lockWaits !== undefined ? { lockWaits: options.lockWaits } : {}),
  });
  try {
    await runMigrations(db, await dialect.migrationSchema(db), options.logger);
  } catch (error) {
    await db.destroy();
    throw toStoreError('opening the store', error);
  }
  return new SqlStore(db, dialect, options.now ?? (() => new Date()), options.logger);
}
