import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VigilError, type Subject } from '../../src/domain/index.js';
import type { Store } from '../../src/store/index.js';
import {
  enrolSubjects,
  indexJournal,
  journalBacklog,
  JournalIndexer,
  journalWithin,
  listAlerts,
  prepareEnrolment,
  purgeExpiredSubjects,
  runVetting,
  type EnrolmentRequest,
} from '../../src/vetting/index.js';
import { openTestStore, testDialect, type TestStore } from '../helpers/test-store.js';
import { importVersion, toEntity } from './vetting-fixtures.js';

const SOURCE = 'watch';
const orlov = toEntity(SOURCE, 1, { schema: 'Person', names: ['Dmitri Alexandrovich ORLOV'], birthDates: [], documents: [] });
const karpov = toEntity(SOURCE, 2, { schema: 'Person', names: ['Viktor Nikolayevich KARPOV'], birthDates: ['1971-04-02'], documents: [] });

/** What a server's screening does: its subjects appended to the journal in its transaction. */
async function journal(store: Store, subjects: Subject[], request: EnrolmentRequest, at = '2026-03-01T08:00:00Z'): Promise<number> {
  const prepared = prepareEnrolment(subjects, request);
  return store.db.transaction().execute((trx) => journalWithin(trx, store, [prepared], () => new Date(at)));
}

interface EnrolledRow {
  subject_id: string;
  subject_json: string;
  channel: string | null;
  screened_at: string;
  retain_until: string;
}

async function enrolled(store: Store): Promise<EnrolledRow[]> {
  const { rows } = await sql<EnrolledRow>`select subject_id, subject_json, channel, screened_at, retain_until from vetting_subjects order by subject_id`.execute(store.db);
  return rows;
}

async function postings(store: Store): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from vetting_postings`.execute(store.db);
  return Number(rows[0]?.n ?? 0);
}

async function until(probe: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(`the enrolment journal (${testDialect()})`, () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps a screened traveller in one row until indexed, and a vetting run finds them through the index', async () => {
    await importVersion(store, SOURCE, [orlov]);
    expect(await runVetting(store)).toEqual([]);
    expect(await journal(store, [{ id: 'trav-1', name: 'Viktor Karpov', birthDate: '1971-04-02' }, { id: 'trav-2', name: 'Ana Mendoza' }], { channel: 'visa', retentionDays: 30 })).toBe(2);
    expect(await journalBacklog(store)).toBe(2);
    expect(await enrolled(store)).toEqual([]);
    expect(await postings(store)).toBe(0);

    await importVersion(store, SOURCE, [orlov, karpov]);
    const [report] = await runVetting(store);
    expect(report).toMatchObject({ from: 1, to: 2, added: 1 });
    expect((await listAlerts(store)).map((a) => [a.subjectId, a.entityId])).toEqual([['trav-1', 'watch:2']]);
    expect(await journalBacklog(store)).toBe(0);
    expect((await enrolled(store)).map((r) => [r.subject_id, r.channel])).toEqual([
      ['trav-1', 'visa'],
      ['trav-2', 'visa'],
    ]);
    expect(await postings(store)).toBeGreaterThan(0);
  });

  it('applies two enrolments of one traveller in order, in one batch or across batches: the later data wins, retention is never shortened', async () => {
    for (const batchSize of [2000, 1]) {
      const fresh = await openTestStore();
      try {
        await journal(fresh, [{ id: 'trav-1', name: 'Viktor Karpov' }], { channel: 'visa', retentionDays: 30 }, '2026-03-01T08:00:00Z');
        await journal(fresh, [{ id: 'trav-1', name: 'Viktor N. Karpov', nationality: 'UA' }], { channel: 'air_arrival', retentionDays: 5 }, '2026-03-02T08:00:00Z');
        expect(await indexJournal(fresh, batchSize)).toBe(2);
        const [row] = await enrolled(fresh);
        expect(row).toMatchObject({ subject_id: 'trav-1', channel: 'air_arrival', screened_at: '2026-03-02T08:00:00.000Z', retain_until: '2026-03-31T08:00:00.000Z' });
        expect(JSON.parse(row?.subject_json ?? '{}')).toMatchObject({ name: 'Viktor N. Karpov', nationality: 'UA' });
        expect(await journalBacklog(fresh)).toBe(0);
      } finally {
        await fresh.close();
      }
    }
  });

  it('does not let an older journaled enrolment overwrite a later direct one', async () => {
    await journal(store, [{ id: 'trav-1', name: 'Viktor Karpov' }], { channel: 'visa', retentionDays: 30 });
    await enrolSubjects(store, [{ id: 'trav-1', name: 'Olena Kovalenko' }], { channel: 'import', retentionDays: 30, screenedAt: '2026-03-05T08:00:00Z' });
    expect(await indexJournal(store)).toBe(0);
    const [row] = await enrolled(store);
    expect(row?.channel).toBe('import');
    expect(JSON.parse(row?.subject_json ?? '{}')).toMatchObject({ name: 'Olena Kovalenko' });
  });

  it('purges a journaled traveller whose retention has ended, with the indexed ones', async () => {
    await journal(store, [{ id: 'trav-old', name: 'Viktor Karpov' }], { retentionDays: 1 }, '2026-01-01T00:00:00Z');
    await journal(store, [{ id: 'trav-new', name: 'Ana Mendoza' }], { retentionDays: 365 }, '2026-01-01T00:00:00Z');
    const result = await purgeExpiredSubjects(store, { now: () => new Date('2026-02-01T00:00:00Z') });
    expect(result.purged).toBe(1);
    expect((await enrolled(store)).map((r) => r.subject_id)).toEqual(['trav-new']);
    expect(await journalBacklog(store)).toBe(0);
  });

  it('indexes every entry exactly once when two indexers start on the same entries', async () => {
    const travellers = Array.from({ length: 120 }, (_, i) => ({ id: `trav-${i}`, name: `Traveller Number${i} Example` }));
    // Two processes' connections; here in one thread, so each waits for the other's lock from the event loop.
    const first = await openTestStore({ lockWaits: 'event-loop' });
    const second = await first.reopen({ lockWaits: 'event-loop' });
    try {
      await journal(first, travellers, { retentionDays: 30 });
      // Both read the same first entries; the second to commit finds them gone and reads on.
      const [a, b] = await Promise.all([indexJournal(first, 50), indexJournal(second, 50)]);
      expect(a + b).toBe(120);
      expect((await enrolled(first)).map((r) => r.subject_id).sort()).toEqual(travellers.map((t) => t.id).sort());
      expect(await journalBacklog(first)).toBe(0);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('refuses a retention that is not a whole number of days before anything is written', async () => {
    expect(() => prepareEnrolment([{ id: 'trav-1', name: 'Viktor Karpov' }], { retentionDays: 0 })).toThrow(VigilError);
    expect(() => prepareEnrolment([{ id: 'trav-1', name: 'Viktor Karpov' }], { retentionDays: 1.5 })).toThrow(/retentionDays/);
    expect(await journalBacklog(store)).toBe(0);
  });

  describe('indexed in the background', () => {
    it('once screenings pause', async () => {
      const errors: unknown[] = [];
      const indexer = new JournalIndexer(store, { idleMs: 50, onError: (error) => errors.push(error) });
      try {
        await journal(store, [{ id: 'trav-1', name: 'Viktor Karpov' }, { id: 'trav-2', name: 'Ana Mendoza' }], { retentionDays: 30 });
        indexer.written(2);
        await until(async () => (await journalBacklog(store)) === 0, 'the journal to be indexed');
        expect((await enrolled(store)).map((r) => r.subject_id)).toEqual(['trav-1', 'trav-2']);
        expect(errors).toEqual([]);
      } finally {
        await indexer.stop();
      }
    });

    it('while screenings go on, back under its bound once the backlog passes it', async () => {
      const indexer = new JournalIndexer(store, { idleMs: 60_000, backlog: 3, batchSize: 2, onError: (error) => expect.fail(String(error)) });
      try {
        await journal(store, [{ id: 'trav-1', name: 'Viktor Karpov' }], { retentionDays: 30 });
        indexer.written(1);
        await new Promise((resolve) => setTimeout(resolve, 200));
        // Under the bound and never idle for a minute: it waits.
        expect(await journalBacklog(store)).toBe(1);
        const more = [{ id: 'trav-2', name: 'Ana Mendoza' }, { id: 'trav-3', name: 'Olena Kovalenko' }, { id: 'trav-4', name: 'Maria Gonzalez' }, { id: 'trav-5', name: 'Li Wei' }];
        await journal(store, more, { retentionDays: 30 });
        indexer.written(4);
        await until(async () => (await journalBacklog(store)) < 3, 'the backlog to be indexed under its bound');
        expect((await enrolled(store)).length).toBeGreaterThanOrEqual(2);
      } finally {
        await indexer.stop();
      }
    });

    it('stops on a failure and says so, keeping the journal', async () => {
      const errors: unknown[] = [];
      // Keys made with another name dictionary: indexing must not mix them (vigil subjects reindex).
      await store.db.insertInto('vetting_meta' as never).values({ name: 'keys-version', value: 'another-dictionary' } as never).execute();
      await journal(store, [{ id: 'trav-1', name: 'Viktor Karpov' }], { retentionDays: 30 });
      const indexer = new JournalIndexer(store, { idleMs: 10, onError: (error) => errors.push(error) });
      try {
        indexer.written(1);
        await until(async () => errors.length > 0, 'the failure to be reported');
        expect(errors[0]).toMatchObject({ code: 'CONFLICT' });
        expect(await journalBacklog(store)).toBe(1);
      } finally {
        await indexer.stop();
      }
    });
  });
});
