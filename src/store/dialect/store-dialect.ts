import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { StoreLogger } from '../store.js';

/**
 * What the repository code needs to know about a database: a way to connect, and capability
 * flags it reads instead of asking which database it talks to. Everything else is portable
 * Kysely.
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Most bind parameters one statement may carry; multi-row inserts are cut to fit. */
  readonly maxBindParameters: number;
  /** Most rows one multi-row INSERT carries even when parameters would allow more. */
  readonly maxRowsPerInsert: number;
  /** Opens the connection (or pool) with the session settings the store relies on. */
  connect(logger?: StoreLogger, settings?: ConnectSettings): Promise<Kysely<Database>>;
  /**
   * The schema the migration bookkeeping tables belong in, when the database has schemas.
   * Kysely looks for them in every schema otherwise, and would take another schema's for ours.
   */
  migrationSchema(db: Kysely<Database>): Promise<string | undefined>;
}

/** Connection settings from `StoreOptions` that some dialects use. */
export interface ConnectSettings {
  checkpoints?: 'commit' | 'background';
  lockWaits?: 'sleep' | 'event-loop';
}

/** Chooses a dialect from a store URL. */
export interface StoreDialectFactory {
  accepts(url: string): boolean;
  create(url: string): StoreDialect;
}
