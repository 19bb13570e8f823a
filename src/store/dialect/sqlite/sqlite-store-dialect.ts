import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { VigilError } from '../../../domain/index.js';
import type { Database } from '../../database.js';
import { StoreDialectBase } from '../store-dialect-base.js';
import { withStatementCache } from './statement-cache.js';
import type { StoreDialectFactory } from '../store-dialect.js';

const IN_MEMORY = ':memory:';

export class SqliteStoreDialect extends StoreDialectBase {
  readonly name = 'sqlite' as const;

  constructor(private readonly path: string) {
    super();
  }

  /** better-sqlite3 bundles SQLite >= 3.32, whose default limit is 32766. */
  override get maxBindParameters(): number {
    return 32766;
  }

  connect(): Promise<Kysely<Database>> {
    let database: BetterSqlite3.Database;
    try {
      if (this.path !== IN_MEMORY && this.path !== '') mkdirSync(dirname(this.path), { recursive: true });
      database = new BetterSqlite3(this.path);
      // WAL: readers never block the importer and a killed import leaves only an
      // uncommitted tail that recovery ignores. NORMAL is crash-safe under WAL.
      database.pragma('journal_mode = WAL');
      database.pragma('synchronous = NORMAL');
      database.pragma('foreign_keys = ON');
      // Another process importing holds the write lock; wait for it instead of failing.
      database.pragma('busy_timeout = 10000');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new VigilError('STORE_FAILED', `cannot open SQLite store ${this.path}: ${reason}`, { path: this.path }, { cause: error });
    }
    return Promise.resolve(new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }));
  }
}

export const sqliteDialectFactory: StoreDialectFactory = {
  accepts: () => true,
  create: (url) => new SqliteStoreDialect(url),
};
