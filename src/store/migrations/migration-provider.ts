import type { Migration, MigrationProvider } from 'kysely';
import { listVersionsMigration } from './0001-list-versions.js';

/**
 * Migrations in code rather than read from a folder, so the same provider works from `src`
 * under tsx and from `dist` after a build. Names sort in the order they run; add new ones with
 * the next number and never change one that has shipped.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-list-versions': listVersionsMigration,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};
