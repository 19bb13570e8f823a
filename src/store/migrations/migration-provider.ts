import type { Migration, MigrationProvider } from 'kysely';
import { listVersionsMigration } from './0001-list-versions.js';
import { identityMigration } from './0002-identity.js';
import { auditMigration } from './0003-audit.js';
import { advisoriesMigration } from './0004-advisories.js';
import { vettingMigration } from './0005-vetting.js';
import { casesMigration } from './0006-cases.js';
import { vettingLeaseMigration } from './0007-vetting-lease.js';
import { vettingJournalMigration } from './0008-vetting-journal.js';

/**
 * Migrations in code rather than read from a folder, so the same provider works from `src`
 * under tsx and from `dist` after a build. Names sort in the order they run; add new ones with
 * the next number and never change one that has shipped.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-list-versions': listVersionsMigration,
  '0002-identity': identityMigration,
  '0003-audit': auditMigration,
  '0004-advisories': advisoriesMigration,
  '0005-vetting': vettingMigration,
  '0006-cases': casesMigration,
  '0007-vetting-lease': vettingLeaseMigration,
  '0008-vetting-journal': vettingJournalMigration,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};
