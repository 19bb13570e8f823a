import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { VigilError } from '../../../domain/index.js';
import type { Database } from '../../database.js';
import { StoreDialectBase } from '../store-dialect-base.js';
import type { StoreLogger } from '../../store.js';
import { withStatementCache } from './statement-cache.js';
import type { ConnectSettings, StoreDialectFactory } from '../store-dialect.js';
import { startWalCheckpointer } from './wal-checkpointer.js';
import { LOCK_WAIT_LIMIT_MS, VigilSqliteDialect } from './lock-waits.js';

const IN_MEMORY = ':memory:';
/** Log pages past which a commit checkpoints when a background thread should have (40 MB). */
const BACKSTOP_PAGES = 10_000;

export class SqliteStoreDialect extends StoreDialectBase {
  readonly name = 'sqlite' as const;

  constructor(private readonly path: string) {
    super();
  }

  /** better-sqlite3 bundles SQLite >= 3.32, whose default limit is 32766. */
  override get maxBindParameters(): number {
    return 32766;
  }

  connect(logger?: StoreLogger, settings: ConnectSettings = {}): Promise<Kysely<Database>> {
    let database: BetterSqlite3.Database;
    const file = this.path !== IN_MEMORY && this.path !== '';
    try {
      if (file) mkdirSync(dirname(this.path), { recursive: true });
      database = new BetterSqlite3(this.path);
      // WAL: readers never block the importer and a killed import leaves only an
      // uncommitted tail that recovery ignores. NORMAL is crash-safe under WAL.
      database.pragma('journal_mode = WAL');
      database.pragma('synchronous = NORMAL');
      database.pragma('foreign_keys = ON');
      // Another process importing holds the write lock; wait for it instead of failing, in
      // SQLite's busy handler or, for a server, from the event loop (lock-waits.ts).
      const lockWaits = settings.lockWaits ?? 'sleep';
      database.pragma(`busy_timeout = ${lockWaits === 'sleep' ? LOCK_WAIT_LIMIT_MS : 0}`);
      // The background thread keeps the log short; this only bounds it should the thread fail.
      if (file && settings.checkpoints === 'background') database.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new VigilError('STORE_FAILED', `cannot open SQLite store ${this.path}: ${reason}`, { path: this.path }, { cause: error });
    }
    const cached = withStatementCache(database);
    if (file && settings.checkpoints === 'background') {
      const checkpointer = startWalCheckpointer(this.path, logger);
      const close = cached.close;
      cached.close = () => {
        checkpointer.stop();
        close();
      };
    }
    return Promise.resolve(new Kysely<Database>({ dialect: new VigilSqliteDialect({ database: cached }, settings.lockWaits ?? 'sleep') }));
  }
}

export const sqliteDialectFactory: StoreDialectFactory = {
  accepts: () => true,
  create: (url) => new SqliteStoreDialect(url),
};
