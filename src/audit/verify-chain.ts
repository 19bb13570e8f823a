import { sql } from 'kysely';
import { CHAIN_ID, type AuditDb } from './audit-context.js';
import { fromAuditRow, type AuditRow } from './audit-rows.js';
import type { AuditProblem, AuditRecord, AuditVerification } from './audit-types.js';
import { GENESIS_HASH, hashAuditRecord } from './record-hash.js';

const PAGE = 2000;
/** How far from its place a moved record is looked for, once, at the first bad record. */
const MAX_MOVE_DISTANCE = 100_000;

function readRecord(row: AuditRow): AuditRecord | undefined {
  try {
    return fromAuditRow(row);
  } catch {
    // A column that no longer parses is an edit; the caller reports it as one.
    return undefined;
  }
}

/** The seq `record` was hashed under, when it is not where it stands now. */
function originalSeq(record: AuditRecord, standsAt: number, lastSeq: number): number | undefined {
  for (let distance = 1; distance <= MAX_MOVE_DISTANCE; distance += 1) {
    const before = standsAt - distance;
    const after = standsAt + distance;
    if (before < 1 && after > lastSeq) return undefined;
    if (before >= 1 && hashAuditRecord({ ...record, seq: before }) === record.hash) return before;
    if (after <= lastSeq && hashAuditRecord({ ...record, seq: after }) === record.hash) return after;
  }
  return undefined;
}

/**
 * Names what went wrong at the first bad record. Only reached once per verify, so it may look
 * around: for the record's original position, and for the record it was chained to.
 */
async function classify(db: AuditDb, row: AuditRow, expected: number, prevHash: string, lastSeq: number): Promise<AuditProblem> {
  const record = readRecord(row);
  const linked = row.prev_hash === prevHash;
  const contentOk = record !== undefined && hashAuditRecord(record) === row.hash;
  const rowWithHash = async (hash: string): Promise<boolean> =>
    (await db.selectFrom('audit_records').select('seq').where('hash', '=', hash).executeTakeFirst()) !== undefined;

  if (contentOk) {
    // The record is intact where it stands, so the one before it was replaced by one re-hashed to fit.
    if (expected === 1) return { seq: 1, kind: 'edited', message: 'record 1 is not chained to the start of the trail' };
    return { seq: expected - 1, kind: 'edited', message: `record ${expected - 1} was rewritten with a recomputed hash: record ${expected} was chained to a different record` };
  }
  const original = record === undefined ? undefined : originalSeq(record, expected, lastSeq);
  if (original !== undefined && original < expected) {
    return { seq: original, kind: 'inserted', message: `record ${original} was inserted: the record first written as ${original} now stands at ${expected}` };
  }
  if (original !== undefined) {
    if (await rowWithHash(row.prev_hash)) {
      return { seq: expected, kind: 'reordered', message: `record ${expected} is out of order: it was written as record ${original}` };
    }
    return { seq: expected, kind: 'deleted', message: `record ${expected} was deleted and the records after it renumbered (record ${original} now stands at ${expected})` };
  }
  const next = await db.selectFrom('audit_records').selectAll().where('seq', '=', expected + 1).executeTakeFirst();
  if (!linked && next !== undefined && next.prev_hash === prevHash) {
    return { seq: expected, kind: 'inserted', message: `record ${expected} was inserted: record ${expected + 1} is chained to record ${expected - 1}` };
  }
  return { seq: expected, kind: 'edited', message: `record ${expected} was changed after it was written: its content no longer matches its hash` };
}

/**
 * Walks the chain in seq order, in pages, checking that seqs run 1, 2, 3, ... without a gap,
 * that each record hashes to its stored hash and is chained to the one before, and that the
 * chain ends where the chain-head row says. Appends that commit while it runs are not a problem:
 * it checks the records up to the head it read first.
 */
export async function verifyChain(db: AuditDb): Promise<AuditVerification> {
  const head = await db.selectFrom('audit_chain_head').select(['seq', 'hash']).where('id', '=', CHAIN_ID).executeTakeFirst();
  if (head === undefined) return { ok: false, count: 0, problem: { seq: 1, kind: 'deleted', message: 'the audit chain head row is missing' } };
  const lastSeq = Number(head.seq);
  let expected = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const rows = await db
      .selectFrom('audit_records')
      .selectAll()
      .where('seq', '>=', expected)
      .where('seq', '<=', lastSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq > expected) {
        return { ok: false, count: expected - 1, problem: { seq: expected, kind: 'deleted', message: `record ${expected} is missing (the next one is ${seq})` } };
      }
      const record = readRecord(row);
      if (record === undefined || row.prev_hash !== prevHash || hashAuditRecord(record) !== row.hash) {
        const problem = await classify(db, row, expected, prevHash, lastSeq);
        return { ok: false, count: problem.seq - 1, problem };
      }
      prevHash = row.hash;
      expected += 1;
    }
    if (rows.length < PAGE) break;
  }
  const count = expected - 1;
  if (count < lastSeq) {
    return { ok: false, count, problem: { seq: expected, kind: 'deleted', message: `records ${expected} to ${lastSeq} are missing from the end of the trail` } };
  }
  if (prevHash !== head.hash) {
    return { ok: false, count: count - 1, problem: { seq: count, kind: 'edited', message: `record ${count} does not match the chain head: it was rewritten` } };
  }
  // One statement, so an append committing meanwhile (it moves the head too) cannot look like an insert.
  const beyond = await sql<{ seq: number | string }>`select min(seq) as seq from audit_records where seq > (select seq from audit_chain_head where id = ${CHAIN_ID})`.execute(db);
  const stray = beyond.rows[0]?.seq;
  if (stray !== undefined && stray !== null) {
    return { ok: false, count, problem: { seq: Number(stray), kind: 'inserted', message: `record ${Number(stray)} was added outside the audit log: it lies beyond the chain head` } };
  }
  return { ok: true, count };
}
