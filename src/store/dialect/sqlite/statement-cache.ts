import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Statements kept ready; the ones a server runs per request number a few dozen. */
const MAX_CACHED = 256;
/** Longer SQL is a bulk insert of a one-off row count: preparing it again costs less than keeping it. */
const MAX_CACHED_SQL_LENGTH = 2048;

/**
 * The database as Kysely's SQLite driver sees it, with prepared statements reused: the driver
 * prepares every query afresh, which costs as much as running a small one. SQLite re-prepares a
 * cached statement itself after a schema change, so reuse is safe; a statement still being
 * iterated (a streamed select) is busy and gets a fresh one.
 */
export function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      if (sql.length > MAX_CACHED_SQL_LENGTH) return database.prepare(sql);
      const cached = cache.get(sql);
      if (cached !== undefined && !cached.busy) {
        // Most recently used last: the first key is the one to evict.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (cached === undefined) {
        cache.set(sql, statement);
        if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}
