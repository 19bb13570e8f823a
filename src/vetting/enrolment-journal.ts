import { sql } from 'kysely';
import type { Subject } from '../domain/index.js';
import type { Store } from '../store/index.js';
import { insertRows, reserveIds } from './bulk-rows.js';
import { checkKeysVersion, enrolBatchWithin, enrolMeta, mergeById, type KeyedEnrolment } from './enrol-batch.js';
import { subjectKeys } from './subject-keys.js';
import { rememberTerms } from './term-store.js';
import { vettingDb, type VettingDb, type VettingTables } from './vetting-tables.js';

/*
 * A server enrols every traveller it screens, and the request waits for the enrolment to be
 * committed. Indexing one traveller for reverse look-up writes about twenty index rows scattered
 * across the index, each on its own page: at a few thousand screenings a second that was a third
 * of the server's work. So a screening appends its subjects to a journal (one row each, in
 * order), and the journal is indexed later in large batches: when the server has been idle a
 * moment, when the backlog grows past a bound, and always before anything reads the index (a
 * vetting run, a purge, a direct enrolment). The subject is stored durably either way.
 */

/** Where and for how long one screening's subjects are enrolled. */
export interface EnrolmentRequest {
  channel?: string;
  port?: string;
  retentionDays: number;
}

/** A screening's subjects to enrol, with a retention already checked. */
export interface PreparedEnrolment {
  request: EnrolmentRequest;
  subjects: readonly Subject[];
}

/** Checks the retention; INVALID_INPUT for one that is not a whole number of days from 1. */
export function prepareEnrolment(subjects: readonly Subject[], request: EnrolmentRequest): PreparedEnrolment {
  enrolMeta({ retentionDays: request.retentionDays });
  return { request, subjects };
}

const JOURNAL_COLUMNS = [
  ['seq', 'int'],
  ['subject_id', 'text'],
  ['subject_json', 'text'],
  ['channel', 'text'],
  ['port', 'text'],
  ['screened_at', 'text'],
  ['enrolled_at', 'text'],
  ['retain_until', 'text'],
] as const;

/**
 * Enrols prepared subjects, screened now, inside the caller's transaction (a server's shared
 * transaction for many screenings): one journal row each, indexed later (`indexJournal`).
 * Resolves with the number of subjects journaled.
 */
export async function journalWithin(trx: Store['db'], store: Store, prepared: readonly PreparedEnrolment[], now: () => Date = () => new Date()): Promise<number> {
  const rows: unknown[][] = [];
  for (const { request, subjects } of prepared) {
    const meta = enrolMeta({ ...request, screenedAt: now(), now });
    for (const subject of subjects) rows.push([subject.id, JSON.stringify(subject), meta.channel, meta.port, meta.screenedAt, meta.enrolledAt, meta.retainUntil]);
  }
  if (rows.length === 0) return 0;
  const db = trx.withTables<VettingTables>() as unknown as VettingDb;
  const first = await reserveIds(db, 'journal', rows.length);
  await insertRows(db, store.dialect, 'vetting_journal', JOURNAL_COLUMNS, rows.map((row, i) => [first + i, ...row]), 'fail');
  return rows.length;
}

/** Another process indexed some of the same entries meanwhile: this batch is rolled back and read again. */
class JournalTaken extends Error {}

/**
 * Indexes the oldest `limit` journal entries, as one transaction: their subjects are enrolled
 * as if one by one (`mergeById`) and the entries
 * removed. The names are analysed before the transaction, so the write lock is held only while
 * writing. Resolves with how many entries it indexed and whether more are waiting.
 */
export async function indexJournalBatch(store: Store, limit = 2000): Promise<{ indexed: number; more: boolean }> {
  const db = vettingDb(store);
  for (;;) {
    const rows = await db.selectFrom('vetting_journal').selectAll().orderBy('seq').limit(limit).execute();
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (first === undefined || last === undefined) return { indexed: 0, more: false };
    const items: KeyedEnrolment[] = rows.map((row) => {
      const subject = JSON.parse(row.subject_json) as Subject;
      return {
        subject,
        keys: subjectKeys(subject),
        meta: { channel: row.channel, port: row.port, screenedAt: row.screened_at, enrolledAt: row.enrolled_at, retainUntil: row.retain_until },
      };
    });
    const fresh = new Map<string, number>();
    try {
      await db.transaction().execute(async (trx) => {
        // The subject counter's lock first, as every enrolment takes it (enrol-batch.ts).
        await sql`update vetting_counters set value = value where name = ${'subject'}`.execute(trx);
        const taken = await trx.deleteFrom('vetting_journal').where('seq', '>=', first.seq).where('seq', '<=', last.seq).executeTakeFirst();
        if (Number(taken.numDeletedRows) !== rows.length) throw new JournalTaken();
        await checkKeysVersion(trx, true);
        await enrolBatchWithin(trx, store, mergeById(items), fresh);
      });
    } catch (error) {
      if (error instanceof JournalTaken) continue;
      throw error;
    }
    rememberTerms(store, fresh);
    return { indexed: rows.length, more: rows.length === limit };
  }
}

/** Indexes the whole journal, a batch a transaction; resolves with the entries indexed. */
export async function indexJournal(store: Store, batchSize = 2000): Promise<number> {
  let indexed = 0;
  for (;;) {
    const batch = await indexJournalBatch(store, batchSize);
    indexed += batch.indexed;
    if (!batch.more) return indexed;
  }
}

/** Journal entries waiting to be indexed. */
export async function journalBacklog(store: Store): Promise<number> {
  const row = await vettingDb(store).selectFrom('vetting_journal').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface JournalIndexerOptions {
  /** Quiet time after the last screening before indexing starts. Default 250 ms. */
  idleMs?: number;
  /** Entries per transaction. Default 500: the write lock is held some tens of milliseconds. */
  batchSize?: number;
  /** Past this many waiting, batches are indexed between screenings even while busy. Default 100,000. */
  backlog?: number;
  /** Indexing failed (a changed name dictionary, a database error): it stops until restarted. */
  onError: (error: unknown) => void;
}

/**
 * Indexes a server's journal in the background: when no screening has been written for
 * `idleMs`, one batch a transaction until it is empty or screenings resume; past `backlog`
 * entries, between screenings whatever the load, so the journal stays bounded.
 *
 * @example
 * const indexer = new JournalIndexer(store, { onError: (error) => logger.warn({ error }, 'indexing stopped') });
 * const screenings = new ScreeningCommits(store, { indexer });
 * ...
 * await indexer.stop();
 */
export class JournalIndexer {
  private readonly idleMs: number;
  private readonly batchSize: number;
  private readonly backlog: number;
  /** Entries believed waiting: exact after a batch, counted up by screenings; another process may index some. */
  private waiting = 1;
  private lastWrite = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly options: JournalIndexerOptions,
  ) {
    this.idleMs = options.idleMs ?? 250;
    this.batchSize = options.batchSize ?? 500;
    this.backlog = options.backlog ?? 100_000;
    this.lastWrite = performance.now();
    this.schedule(this.idleMs);
  }

  /** A screening was written with `journaled` subjects. */
  written(journaled: number): void {
    this.lastWrite = performance.now();
    this.waiting += journaled;
    if (this.waiting >= this.backlog) this.schedule(0);
    else this.schedule(this.idleMs);
  }

  /** Stops indexing once the batch in progress is done; the journal keeps the rest. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped || this.running !== undefined || this.waiting === 0) return;
    if (this.timer !== undefined) {
      if (delayMs > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => this.tick(), delayMs);
    this.timer.unref();
  }

  private tick(): void {
    this.timer = undefined;
    if (this.stopped) return;
    const quietFor = performance.now() - this.lastWrite;
    if (quietFor < this.idleMs && this.waiting < this.backlog) {
      this.schedule(this.idleMs - quietFor);
      return;
    }
    this.running = this.indexBatch().finally(() => {
      this.running = undefined;
      this.schedule(0);
    });
  }

  private async indexBatch(): Promise<void> {
    try {
      const { indexed, more } = await indexJournalBatch(this.store, this.batchSize);
      this.waiting = more ? Math.max(this.waiting - indexed, 1) : 0;
    } catch (error) {
      this.stopped = true;
      this.options.onError(error);
    }
  }
}
