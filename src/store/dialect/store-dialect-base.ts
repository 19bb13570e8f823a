import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { StoreLogger } from '../store.js';
import type { ConnectSettings, StoreDialect } from './store-dialect.js';

/** Conservative defaults; a dialect overrides the flags its database allows more on. */
export abstract class StoreDialectBase implements StoreDialect {
  abstract readonly name: 'sqlite' | 'postgres';

  /** SQLite's limit before 3.32, the lowest any supported database has. */
  get maxBindParameters(): number {
    return 999;
  }

  /** Past a few thousand rows a statement costs more to build and parse than it saves. */
  get maxRowsPerInsert(): number {
    return 2000;
  }

  abstract connect(logger?: StoreLogger, settings?: ConnectSettings): Promise<Kysely<Database>>;

  /** No schemas: the tables live in the one database. */
  migrationSchema(_db: Kysely<Database>): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }
}
