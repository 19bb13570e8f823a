import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import type { IdentityTables } from './identity-tables.js';

export type IdentityDb = Kysely<Database & IdentityTables>;

/** What the parts of the identity service share. */
export interface IdentityContext {
  db: IdentityDb;
  now: () => Date;
}
