import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import type { AuditTables } from './audit-tables.js';

export type AuditDb = Kysely<Database & AuditTables>;

/** The id of the one chain-head row. */
export const CHAIN_ID = 'main';
