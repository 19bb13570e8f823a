import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';

function kyselyOf(store: Store): Kysely<unknown> {
  return (store as unknown as { db: Kysely<unknown> }).db;
}

/** Counts event-loop turns (timer callbacks) until stopped. */
function tickCounter(): { stop: () => number } {
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      return ticks;
    },
  };
}

describe('SQLite lock waits on the event loop (vigil serve)', () => {
  let dir: string;
  let path: string;
  let store: Store;
  /** Another connection to the same file: a sibling server process, or an import. */
  let other: BetterSqlite3.Database;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-locks-'));
    path = join(dir, 'vigil.db');
    store = await openStore(path, { lockWaits: 'event-loop' });
    await sql`create table notes (id integer primary key, body text not null)`.execute(kyselyOf(store));
    other = new BetterSqlite3(path);
  });
  afterEach(async () => {
    other.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a write waits for the other connection to commit while the event loop keeps running', async () => {
    other.exec('begin immediate');
    other.exec("insert into notes (body) values ('theirs')");
    const ticks = tickCounter();
    const writing = sql`insert into notes (body) values ('ours')`.execute(kyselyOf(store));
    let settled = false;
    void writing.finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(settled).toBe(false);
    other.exec('commit');
    await writing;
    // A busy handler sleeping in this thread would have let no timer run at all.
    expect(ticks.stop()).toBeGreaterThanOrEqual(10);
    const rows = await sql<{ body: string }>`select body from notes order by id`.execute(kyselyOf(store));
    expect(rows.rows.map((row) => row.body)).toEqual(['theirs', 'ours']);
  });

  it('a transaction takes the lock when it begins, and reads go on while it waits', async () => {
    const db = kyselyOf(store);
    await sql`insert into notes (body) values ('first')`.execute(db);
    other.exec('begin immediate');
    other.exec("insert into notes (body) values ('theirs')");
    const order: string[] = [];
    const transaction = db.transaction().execute(async (trx) => {
      order.push('began');
      const count = await sql<{ n: number }>`select count(*) as n from notes`.execute(trx);
      await sql`insert into notes (body) values (${`ours after ${count.rows[0]?.n ?? -1}`})`.execute(trx);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The waiting transaction lent the connection: a read outside it answers at once, and sees
    // only what was committed.
    const seen = await sql<{ body: string }>`select body from notes order by id`.execute(db);
    order.push('read');
    expect(seen.rows.map((row) => row.body)).toEqual(['first']);
    other.exec('commit');
    await transaction;
    expect(order).toEqual(['read', 'began']);
    const rows = await sql<{ body: string }>`select body from notes order by id`.execute(db);
    // It began after the other commit, so it counted the other's row before writing its own.
    expect(rows.rows.map((row) => row.body)).toEqual(['first', 'theirs', 'ours after 2']);
  });

  it('a failed statement inside a transaction is not retried, and the transaction rolls back', async () => {
    const db = kyselyOf(store);
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into notes (body) values ('rolled back')`.execute(trx);
        await sql`insert into notes (body) values (null)`.execute(trx);
      }),
    ).rejects.toThrow(/NOT NULL/);
    const rows = await sql<{ n: number }>`select count(*) as n from notes`.execute(db);
    expect(rows.rows[0]?.n).toBe(0);
    // The lock was released: another connection writes at once.
    other.exec("insert into notes (body) values ('theirs')");
  });
});

describe('SQLite lock waits by default (short commands)', () => {
  it('a transaction holds the write lock from its first statement, even when that statement reads', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-locks-'));
    const path = join(dir, 'vigil.db');
    const store = await openStore(path);
    const other = new BetterSqlite3(path, { timeout: 0 });
    try {
      const db = kyselyOf(store);
      await sql`create table notes (id integer primary key, body text not null)`.execute(db);
      let refused: unknown;
      await db.transaction().execute(async (trx) => {
        await sql`select count(*) from notes`.execute(trx);
        // Deferred, the transaction would hold no write lock yet and this write would succeed,
        // leaving the transaction to fail at its own first write.
        try {
          other.exec("insert into notes (body) values ('theirs')");
        } catch (error) {
          refused = error;
        }
        await sql`insert into notes (body) values ('ours')`.execute(trx);
      });
      expect((refused as { code?: string } | undefined)?.code).toBe('SQLITE_BUSY');
    } finally {
      other.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
