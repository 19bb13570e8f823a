import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type QueryResult, type SqliteDialectConfig } from 'kysely';

/**
 * How a connection waits for another connection's write lock (another process, or another
 * connection of this one). `sleep`: SQLite's busy handler sleeps in the calling thread, which a
 * short command does not notice. `event-loop`: the attempt fails at once and is retried from
 * the event loop, which serves everything else meanwhile: a server whose thread slept there
 * stopped answering for as long as another process wrote (milliseconds for a sibling's commit,
 * seconds for an import).
 */
export type LockWaits = 'sleep' | 'event-loop';

/** As long as the sleeping busy handler waits (`busy_timeout`), then the error is the caller's. */
export const LOCK_WAIT_LIMIT_MS = 10_000;

/**
 * Every write transaction takes the write lock when it begins, not at its first write: a
 * transaction that read first and then found another connection had written since could not
 * go on (SQLITE_BUSY_SNAPSHOT, with no wait at all), and a lock taken at BEGIN is the one place
 * to wait for it. Every transaction in Vigil writes.
 */
const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY_'));
}

/** 0, then 1, 2, 4 ms, at most 8 ms between attempts: a sibling's commit takes well under 1 ms. */
function pause(attempt: number): Promise<void> {
  if (attempt === 0) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => setTimeout(resolve, Math.min(8, 2 ** (attempt - 1))));
}

/**
 * The driver's one connection, retrying a statement refused for a lock when no transaction is
 * open on it (nothing was done, so it can simply run again). Inside a transaction the lock is
 * already held from BEGIN IMMEDIATE.
 */
class WaitingConnection implements DatabaseConnection {
  inTransaction = false;

  constructor(
    private readonly inner: DatabaseConnection,
    private readonly driver: EventLoopWaitingDriver,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const started = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.inner.executeQuery<R>(query);
      } catch (error) {
        if (this.inTransaction || !isBusy(error) || Date.now() - started >= LOCK_WAIT_LIMIT_MS) throw error;
      }
      await this.driver.waitAside(attempt);
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

/**
 * Kysely's SQLite driver (one connection, taken in turns through a mutex) with lock waits on
 * the event loop. While a statement waits for the lock, the connection goes back to the
 * process's other statements (reads mostly, which the lock does not hold up under WAL), and is
 * taken again for the next attempt.
 */
class EventLoopWaitingDriver extends SqliteDriver {
  private connection: WaitingConnection | undefined;

  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await super.acquireConnection();
    this.connection ??= new WaitingConnection(inner, this);
    return this.connection;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(BEGIN_IMMEDIATE);
    (connection as WaitingConnection).inTransaction = true;
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(COMMIT);
    (connection as WaitingConnection).inTransaction = false;
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(ROLLBACK);
    } finally {
      (connection as WaitingConnection).inTransaction = false;
    }
  }

  /** Lends the connection to the process's other statements for one pause, then takes it back. */
  async waitAside(attempt: number): Promise<void> {
    await super.releaseConnection();
    await pause(attempt);
    await super.acquireConnection();
  }
}

/** Kysely's SQLite driver with transactions that take the write lock when they begin. */
class ImmediateDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(BEGIN_IMMEDIATE);
  }
}

/** Kysely's SQLite dialect, with write transactions that begin IMMEDIATE and lock waits as asked. */
export class VigilSqliteDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly lockWaits: LockWaits,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return this.lockWaits === 'event-loop' ? new EventLoopWaitingDriver(this.config) : new ImmediateDriver(this.config);
  }
}
