import { sql, type Kysely } from 'kysely';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditInput, AuditRecord } from '../../src/audit/index.js';
import { createCaseService, withCaseIds } from '../../src/cases/index.js';
import { VigilError } from '../../src/domain/index.js';
import { ScreeningEngine } from '../../src/screening/index.js';
import { ACTORS, KHALID, NAMESAKE, OLENA, VIKTOR } from '../cases/case-fixtures.js';
import { recordsOf } from '../helpers/list-records.js';
import { WriteThread } from '../../src/server/index.js';
import { indexJournal } from '../../src/vetting/index.js';
import { importInput, openTestStore, testDialect, type TestStore } from '../helpers/test-store.js';

const officer = { kind: 'key', id: 'k-officer', orgId: 'org-1' } as const;

function screened(subjectId: string): AuditInput {
  return { actor: officer, action: 'screen', subjectIds: [subjectId], outcome: 'ok', decision: 'clear', details: { channel: 'visa', enrolled: 1 } };
}

async function count(store: TestStore, table: string): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(store.db as unknown as Kysely<unknown>);
  return Number(result.rows[0]?.n ?? 0);
}

/** Subjects enrolled, once the journal is indexed (as a vetting run indexes it first). */
async function enrolledCount(store: TestStore): Promise<number> {
  await indexJournal(store);
  return count(store, 'vetting_subjects');
}

async function records(thread: WriteThread): Promise<AuditRecord[]> {
  const all: AuditRecord[] = [];
  for await (const record of thread.audit.export()) all.push(record);
  return all;
}

describe(`the server's write thread (${testDialect()})`, () => {
  let store: TestStore;
  let thread: WriteThread;
  let failures: Error[];

  beforeEach(async () => {
    store = await openTestStore();
    failures = [];
    thread = await WriteThread.start(store, { db: store.url, onFailure: (error) => failures.push(error) });
  });
  afterEach(async () => {
    await thread.close();
    await store.close();
  });

  it('enrols a screening\'s subjects, then appends its record, both committed when it resolves', async () => {
    const subjects = [
      { id: 'trav-1', name: 'Maria Gonzalez', birthDate: '1980-02-03' },
      { id: 'trav-2', name: 'Ivan Petrov' },
    ];
    await Promise.all([
      thread.screenings.commit({ openings: [], enrolment: { subjects: [subjects[0] as (typeof subjects)[number]], request: { channel: 'visa', retentionDays: 30 } }, record: screened('trav-1') }),
      thread.screenings.commit({ openings: [], enrolment: { subjects: [subjects[1] as (typeof subjects)[number]], request: { channel: 'visa', retentionDays: 30 } }, record: screened('trav-2') }),
      thread.screenings.commit({ openings: [], record: screened('trav-3') }),
    ]);
    // Read through this thread's own connection: what the write thread committed is there.
    expect(await enrolledCount(store)).toBe(2);
    const written = await records(thread);
    expect(written.map((record) => record.subjectIds?.[0]).sort()).toEqual(['trav-1', 'trav-2', 'trav-3']);
    expect(written.map((record) => record.seq)).toEqual([1, 2, 3]);
    expect(await thread.audit.verify()).toMatchObject({ ok: true, count: 3 });
  });

  it('opens the case of a result that is not clear with the screening\'s other writes, and joins it when the same traveller comes again', async () => {
    await store.importList(importInput('nominations', recordsOf([KHALID, OLENA, VIKTOR])));
    const engine = await ScreeningEngine.open(store);
    const cases = createCaseService(store, { audit: thread.audit });
    const screenOnce = async () => {
      const review = await cases.prepareReview({ actor: ACTORS.officer, context: { channel: 'air_arrival', port: 'AMM' }, items: [{ subject: NAMESAKE, result: engine.screen(NAMESAKE) }] });
      const opened = await thread.screenings.commit({ openings: review.openings, enrolment: { subjects: [NAMESAKE], request: { channel: 'air_arrival', retentionDays: 30 } }, record: screened(NAMESAKE.id) });
      return withCaseIds(review.results, review.openings, opened)[0];
    };
    const first = await screenOnce();
    expect(first?.decision).not.toBe('clear');
    expect(first?.caseId).toMatch(/^case/);
    const again = await screenOnce();
    expect(again?.caseId).toBe(first?.caseId);
    expect(await count(store, 'cases')).toBe(1);
    expect(await count(store, 'case_events')).toBe(2);
    expect(await enrolledCount(store)).toBe(1);
    // The opening was audited once, and each screening's record names the case it opened or joined.
    const written = await records(thread);
    expect(written.filter((record) => record.action === 'case.open')).toMatchObject([{ details: { caseId: first?.caseId, source: 'screening' } }]);
    expect(written.filter((record) => record.action === 'screen').map((record) => record.details?.['caseIds'])).toEqual([[first?.caseId], [first?.caseId]]);
  });

  it('stores none of a screening whose transaction fails: no case, no enrolment, no record', async () => {
    await store.importList(importInput('nominations', recordsOf([KHALID, OLENA, VIKTOR])));
    const engine = await ScreeningEngine.open(store);
    const cases = createCaseService(store, { audit: thread.audit });
    const review = await cases.prepareReview({ actor: ACTORS.officer, context: { channel: 'air_arrival' }, items: [{ subject: NAMESAKE, result: engine.screen(NAMESAKE) }] });
    const [opening] = review.openings;
    if (opening === undefined) throw new Error('the namesake should open a case');
    // A case row that cannot be inserted: its organisation is missing.
    const broken = { ...opening, prepared: { ...opening.prepared, row: { ...opening.prepared.row, org_id: null as unknown as string } } };
    const failing = thread.screenings.commit({ openings: [broken], enrolment: { subjects: [NAMESAKE], request: { channel: 'air_arrival', retentionDays: 30 } }, record: screened(NAMESAKE.id) });
    await expect(failing).rejects.toMatchObject({ code: 'AUDIT_FAILED', message: expect.stringContaining('could not be stored') });
    expect(await count(store, 'cases')).toBe(0);
    expect(await enrolledCount(store)).toBe(0);
    expect(await records(thread)).toEqual([]);
  });

  it('fails only the screening whose case changed while it was opened (CONFLICT), and commits the others with it', async () => {
    await store.importList(importInput('nominations', recordsOf([KHALID, OLENA, VIKTOR])));
    const engine = await ScreeningEngine.open(store);
    const cases = createCaseService(store, { audit: thread.audit });
    const prepare = (subject: typeof NAMESAKE) => cases.prepareReview({ actor: ACTORS.officer, context: { channel: 'air_arrival' }, items: [{ subject, result: engine.screen(subject) }] });
    const first = await prepare(NAMESAKE);
    const [opened] = await thread.screenings.commit({ openings: first.openings, record: screened(NAMESAKE.id) });
    if (opened === undefined) throw new Error('the namesake should open a case');
    // An opening that collides with that case's id but matches no open case: what writeCase
    // sees when the case it matched was decided in between.
    const stale = await prepare({ ...NAMESAKE, id: 'pax-stale' });
    const [staleOpening] = stale.openings;
    if (staleOpening === undefined) throw new Error('the second namesake should open a case');
    const collided = { ...staleOpening, prepared: { ...staleOpening.prepared, openKey: 'no-open-case', row: { ...staleOpening.prepared.row, id: opened.caseId, open_key: 'no-open-case' } } };
    const enrol = (id: string) => ({ subjects: [{ id, name: 'Maria Gonzalez' }], request: { channel: 'visa', retentionDays: 30 } });
    const [refused, committed] = await Promise.allSettled([
      thread.screenings.commit({ openings: [collided], enrolment: enrol('pax-stale'), record: screened('pax-stale') }),
      thread.screenings.commit({ openings: [], enrolment: enrol('trav-ok'), record: screened('trav-ok') }),
    ]);
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'CONFLICT' } });
    expect(committed).toMatchObject({ status: 'fulfilled', value: [] });
    expect(await count(store, 'cases')).toBe(1);
    const written = await records(thread);
    expect(written.filter((record) => record.action === 'screen').map((record) => record.subjectIds?.[0])).toEqual([NAMESAKE.id, 'trav-ok']);
    await indexJournal(store);
    const enrolled = await sql<{ subject_id: string }>`select subject_id from vetting_subjects`.execute(store.db as unknown as Kysely<unknown>);
    expect(enrolled.rows.map((row) => row.subject_id)).toEqual(['trav-ok']);
  });

  it('appends records for other routes through the same chain', async () => {
    const record = await thread.audit.append({ actor: officer, action: 'entity.read', entityIds: ['ofac:1'], outcome: 'ok' });
    expect(record).toMatchObject({ seq: 1, action: 'entity.read', entityIds: ['ofac:1'] });
    await thread.screenings.commit({ openings: [], record: screened('trav-9') });
    const [first, second] = await records(thread);
    expect(second?.prevHash).toBe(first?.hash);
  });

  it('fails a screening whose enrolment fails, and writes no record for it', async () => {
    const failing = thread.screenings.commit({ openings: [], enrolment: { subjects: [{ id: 'trav-1', name: 'Maria Gonzalez' }], request: { channel: 'visa', retentionDays: 0 } }, record: screened('trav-1') });
    await expect(failing).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('retentionDays') });
    await expect(failing).rejects.toBeInstanceOf(VigilError);
    expect(await enrolledCount(store)).toBe(0);
    expect(await records(thread)).toEqual([]);
  });

  it('refuses a malformed record, naming what is wrong', async () => {
    const bad = { actor: { kind: 'nobody', id: '' }, action: 'screen', outcome: 'ok' } as unknown as AuditInput;
    await expect(thread.audit.append(bad)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/actor/) });
  });

  it('fails what waits and what comes after, as AUDIT_FAILED, once the thread is gone', async () => {
    const worker = (thread as unknown as { worker: Worker }).worker;
    await worker.terminate();
    await expect(thread.screenings.commit({ openings: [], record: screened('trav-1') })).rejects.toMatchObject({ code: 'AUDIT_FAILED' });
    await expect(thread.audit.append(screened('trav-2'))).rejects.toMatchObject({ code: 'AUDIT_FAILED' });
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(/write thread exited/);
  });

  it('writes what was asked before it closes, and refuses records after', async () => {
    const pending = thread.screenings.commit({ openings: [], enrolment: { subjects: [{ id: 'trav-1', name: 'Maria Gonzalez' }], request: { retentionDays: 30 } }, record: screened('trav-1') });
    await thread.close();
    await pending;
    expect(await enrolledCount(store)).toBe(1);
    await expect(thread.audit.append(screened('trav-2'))).rejects.toMatchObject({ code: 'AUDIT_FAILED' });
    await expect(thread.screenings.commit({ openings: [], record: screened('trav-3') })).rejects.toMatchObject({ code: 'AUDIT_FAILED' });
  });
});
