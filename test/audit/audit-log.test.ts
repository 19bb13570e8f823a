import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, hashAuditRecord, type AuditInput, type AuditLog, type AuditRecord } from '../../src/audit/index.js';
import type { Store } from '../../src/store/index.js';
import { openTestStore, type TestStore } from '../helpers/test-store.js';

function screening(n: number): AuditInput {
  return {
    actor: { kind: 'key', id: 'k1', orgId: 'org-1' },
    action: 'screen',
    subjectIds: [`subject-${n}`],
    outcome: 'ok',
    decision: n % 7 === 0 ? 'review' : 'no-match',
    details: { candidates: n % 5, topScore: n / 1000 },
  };
}

async function all(log: AuditLog, options?: Parameters<AuditLog['export']>[0]): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const record of log.export(options)) records.push(record);
  return records;
}

/** Moves a record to another seq without tripping the primary key midway. */
async function moveSeq(store: Store, from: number, to: number): Promise<void> {
  await sql`update audit_records set seq = ${to} where seq = ${from}`.execute(store.db);
}

describe('audit log: an append-only, hash-chained trail', () => {
  let store: TestStore;
  let log: AuditLog;

  beforeEach(async () => {
    store = await openTestStore();
    log = createAuditLog(store);
  });

  afterEach(async () => {
    await log.close();
    await store.close();
  });

  it('gives 1,000 concurrent appends contiguous seqs and a valid chain, in a few transactions', async () => {
    const records = await Promise.all(Array.from({ length: 1000 }, (_, i) => log.append(screening(i))));
    expect(records.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(records[0]).toMatchObject({ seq: 1, prevHash: '0'.repeat(64), action: 'screen', subjectIds: ['subject-0'] });
    for (const record of records) expect(hashAuditRecord(record)).toBe(record.hash);
    expect(await log.verify()).toEqual({ ok: true, count: 1000 });

    const exported = await all(log);
    expect(exported).toEqual(records);
    for (let i = 1; i < exported.length; i += 1) expect(exported[i]?.prevHash).toBe(exported[i - 1]?.hash);
  });

  it('never leaves a caller waiting who appends again the moment the last append resolved', async () => {
    // A full batch is written at once, without the timer; the next appends arrive while that
    // write is still finishing its bookkeeping, which once left them queued with nothing to wake them.
    await Promise.all(Array.from({ length: 500 }, (_, i) => log.append(screening(i))));
    let next = 500;
    const callers = Array.from({ length: 50 }, async () => {
      while (next < 5000) {
        const n = next++;
        await log.append(screening(n));
      }
    });
    await Promise.all(callers);
    expect(await log.verify()).toEqual({ ok: true, count: 5000 });
  });

  it('detects an edited record and names it', async () => {
    for (let i = 0; i < 20; i += 1) await log.append(screening(i));
    await sql`update audit_records set details = ${'{"candidates":0}'} where seq = 7`.execute(store.db);
    expect(await log.verify()).toMatchObject({ ok: false, count: 6, problem: { seq: 7, kind: 'edited' } });
  });

  it('detects a rewritten record whose hash was recomputed to fit', async () => {
    const records = await Promise.all(Array.from({ length: 10 }, (_, i) => log.append(screening(i))));
    const forged = { ...records[4]!, decision: 'no-match', outcome: 'ok' as const, subjectIds: ['someone-else'] };
    const hash = hashAuditRecord(forged);
    await sql`update audit_records set subject_ids = ${JSON.stringify(forged.subjectIds)}, hash = ${hash} where seq = 5`.execute(store.db);
    expect(await log.verify()).toMatchObject({ ok: false, count: 4, problem: { seq: 5, kind: 'edited' } });
  });

  it('detects a deleted record, in the middle or at the end', async () => {
    for (let i = 0; i < 12; i += 1) await log.append(screening(i));
    await sql`delete from audit_records where seq = 12`.execute(store.db);
    expect(await log.verify()).toMatchObject({ ok: false, count: 11, problem: { seq: 12, kind: 'deleted' } });
    await sql`delete from audit_records where seq = 4`.execute(store.db);
    expect(await log.verify()).toMatchObject({ ok: false, count: 3, problem: { seq: 4, kind: 'deleted' } });
  });

  it('detects a deletion hidden by renumbering the records after it', async () => {
    for (let i = 0; i < 8; i += 1) await log.append(screening(i));
    await sql`delete from audit_records where seq = 3`.execute(store.db);
    for (let seq = 4; seq <= 8; seq += 1) await moveSeq(store, seq, seq - 1);
    await sql`update audit_chain_head set seq = 7`.execute(store.db);
    expect(await log.verify()).toMatchObject({ ok: false, problem: { seq: 3, kind: 'deleted' } });
  });

  it('detects a reordered pair (swapped seqs) and names the first', async () => {
    for (let i = 0; i < 10; i += 1) await log.append(screening(i));
    await moveSeq(store, 5, -1);
    await moveSeq(store, 6, 5);
    await moveSeq(store, -1, 6);
    expect(await log.verify()).toMatchObject({ ok: false, count: 4, problem: { seq: 5, kind: 'reordered' } });
  });

  it('detects a record inserted in the middle or added past the end', async () => {
    for (let i = 0; i < 6; i += 1) await log.append(screening(i));
    const rows = await all(log);
    const fake = { ...rows[5]!, seq: 7, prevHash: rows[5]!.hash, subjectIds: ['planted'] };
    await sql`insert into audit_records (seq, at, actor_kind, actor_id, action, subject_ids, outcome, prev_hash, hash)
      values (7, ${fake.at}, 'key', 'k1', 'screen', ${JSON.stringify(fake.subjectIds)}, 'ok', ${fake.prevHash}, ${hashAuditRecord({ ...fake, details: undefined, decision: undefined, actor: { kind: 'key', id: 'k1' } })})`.execute(store.db);
    expect(await log.verify()).toMatchObject({ ok: false, count: 6, problem: { seq: 7, kind: 'inserted' } });
    await sql`delete from audit_records where seq = 7`.execute(store.db);

    for (let seq = 6; seq >= 3; seq -= 1) await moveSeq(store, seq, seq + 1);
    await sql`insert into audit_records (seq, at, actor_kind, actor_id, action, outcome, prev_hash, hash)
      values (3, ${rows[2]!.at}, 'key', 'k1', 'screen', 'ok', ${'f'.repeat(64)}, ${'e'.repeat(64)})`.execute(store.db);
    await sql`update audit_chain_head set seq = 7`.execute(store.db);
    expect(await log.verify()).toMatchObject({ ok: false, count: 2, problem: { seq: 3, kind: 'inserted' } });
  });

  it('exports records since a time, or from a seq', async () => {
    let time = new Date('2025-01-01T00:00:00.000Z').getTime();
    const timed = createAuditLog(store, { now: () => new Date(time) });
    for (let i = 0; i < 6; i += 1) {
      await timed.append(screening(i));
      time += 3_600_000;
    }
    await timed.close();
    const since = await all(log, { since: '2025-01-01T03:00:00Z' });
    expect(since.map((r) => r.seq)).toEqual([4, 5, 6]);
    expect(since[0]?.at).toBe('2025-01-01T03:00:00.000Z');
    expect((await all(log, { fromSeq: 5 })).map((r) => r.seq)).toEqual([5, 6]);
    expect(await all(log, { since: '2026-01-01T00:00:00Z' })).toEqual([]);
    await expect(all(log, { since: 'yesterday' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('rejects an append whose transaction fails, and loses nothing it reported as written', async () => {
    const first = await log.append(screening(1));
    await sql`drop table audit_records`.execute(store.db);
    const failed = await Promise.allSettled([log.append(screening(2)), log.append(screening(3))]);
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    expect(failed[0]).toMatchObject({ reason: { code: 'AUDIT_FAILED' } });
    // The head did not move: the failed records took no seq.
    const head = await sql<{ seq: number | string }>`select seq from audit_chain_head`.execute(store.db);
    expect(Number(head.rows[0]?.seq)).toBe(first.seq);
  });

  it('rejects appends once the store is closed', async () => {
    const other = await store.reopen();
    const otherLog = createAuditLog(other);
    await otherLog.append(screening(1));
    await other.close();
    await expect(otherLog.append(screening(2))).rejects.toMatchObject({ code: 'AUDIT_FAILED' });
  });

  it('refuses malformed records and oversized details', async () => {
    await expect(log.append({ ...screening(1), action: 'Screen Everyone!' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(log.append({ ...screening(1), details: { body: 'x'.repeat(5000) } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('continues one chain after a restart and across two processes appending at once', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.append(screening(i))));
    await log.close();

    const [a, b] = [await store.reopen(), await store.reopen()];
    try {
      const logA = createAuditLog(a);
      const logB = createAuditLog(b);
      const written = await Promise.all(Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? logA : logB).append(screening(i))));
      await Promise.all([logA.close(), logB.close()]);
      expect(written.map((r) => r.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 400 }, (_, i) => i + 51));
    } finally {
      await a.close();
      await b.close();
    }
    log = createAuditLog(store);
    expect(await log.verify()).toEqual({ ok: true, count: 450 });
  });
});
