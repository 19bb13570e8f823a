import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('reused SQLite statements', () => {
  it('gives the same statement for the same SQL, a fresh one while it is being iterated, and sees schema changes', () => {
    const raw = new BetterSqlite3(':memory:');
    const db = withStatementCache(raw);
    db.prepare('create table t (a integer)').run([]);
    const insert = db.prepare('insert into t (a) values (?)');
    for (const a of [1, 2, 3]) insert.run([a]);
    expect(db.prepare('insert into t (a) values (?)')).toBe(insert);

    const select = 'select a from t order by a';
    const streaming = db.prepare(select).iterate([]);
    expect(streaming.next().value).toEqual({ a: 1 });
    // The cached statement is busy streaming: a second reader gets its own, and both finish.
    expect(db.prepare(select).all([])).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect([...streaming]).toEqual([{ a: 2 }, { a: 3 }]);

    // A cached statement follows a schema change (SQLite re-prepares it).
    db.prepare('alter table t add column b text').run([]);
    db.prepare('update t set b = ? where a = ?').run(['x', 2]);
    expect(db.prepare('select * from t where a = ?').all([2])).toEqual([{ a: 2, b: 'x' }]);
    db.close();
  });

  it('keeps at most a bounded number of statements and never caches a long bulk insert', () => {
    const db = withStatementCache(new BetterSqlite3(':memory:'));
    const first = db.prepare('select 0 as n');
    for (let i = 1; i <= 300; i++) db.prepare(`select ${i} as n`);
    // Evicted as the least recently used: preparing it again gives a new statement.
    expect(db.prepare('select 0 as n')).not.toBe(first);
    const long = `select ${Array.from({ length: 600 }, (_, i) => `${i} as c${i}`).join(', ')}`;
    expect(db.prepare(long)).not.toBe(db.prepare(long));
    db.close();
  });
});
