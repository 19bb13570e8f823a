import { sql } from 'kysely';
import { Subject, VigilError } from '../domain/index.js';
import { nameVariantsVersion } from '../names/index.js';
import type { Store } from '../store/index.js';
import { inList, inSlices, insertRows, reserveIds } from './bulk-rows.js';
import { encodeNameKeys, subjectKeys, termSignature, type SubjectKeys, type Term } from './subject-keys.js';
import { rememberTerms, resolveTerms } from './term-store.js';
import { vettingDb, type VettingDb, type VettingTables } from './vetting-tables.js';

export interface EnrolOptions {
  /** The channel the subjects were screened through (`visa`, `air_arrival`, ...). */
  channel?: string;
  /** Port of entry or post. */
  port?: string;
  /** When they were screened; default now. */
  screenedAt?: string | Date;
  /** Days to keep them after `screenedAt`; see `enrolmentFor` for per-channel defaults. */
  retentionDays: number;
  /** Subjects per transaction. Default 2,000. */
  batchSize?: number;
  now?: () => Date;
}

export interface EnrolResult {
  /** Subjects enrolled for the first time. */
  enrolled: number;
  /** Subjects already enrolled: data, screening and retention updated (retention never shortened). */
  updated: number;
}

const DAY_MS = 86_400_000;
const KEYS_VERSION = 'keys-version';

function isoTime(value: string | Date | undefined, now: () => Date, field: string): string {
  if (value === undefined) return now().toISOString();
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new VigilError('INVALID_INPUT', `${field} is not a date and time: ${String(value)}`, { field });
  return date.toISOString();
}

/**
 * Keys depend on the name-variant dictionary: keys made with another version would miss
 * spellings. The first enrolment records the version; a later one with another refuses.
 */
export async function checkKeysVersion(db: VettingDb, record: boolean): Promise<void> {
  const version = nameVariantsVersion();
  const row = await db.selectFrom('vetting_meta').select('value').where('name', '=', KEYS_VERSION).executeTakeFirst();
  if (row === undefined) {
    if (record) await db.insertInto('vetting_meta').values({ name: KEYS_VERSION, value: version }).onConflict((oc) => oc.column('name').doNothing()).execute();
    return;
  }
  if (row.value !== version) {
    throw new VigilError('CONFLICT', `enrolled subjects were indexed with name dictionary ${row.value}, this build has ${version}: re-index them (vigil subjects reindex) before enrolling or vetting`, {
      stored: row.value,
      current: version,
    });
  }
}

interface Prepared {
  subject: Subject;
  keys: SubjectKeys;
}

/** The reverse-index rows of subjects: postings, joined parts and documents. */
async function writeKeys(trx: VettingDb, dialect: Store['dialect'], subjects: ReadonlyArray<{ seq: number; keys: SubjectKeys }>, termId: (term: Term) => number): Promise<void> {
  const postings: Array<[number, number]> = [];
  const joins: Array<[number, number, number]> = [];
  const documents: Array<[string, number]> = [];
  for (const { seq, keys } of subjects) {
    for (const term of keys.terms) postings.push([termId(term), seq]);
    for (const [a, b] of keys.joins) joins.push([termId(a), termId(b), seq]);
    for (const number of keys.documents) documents.push([number, seq]);
  }
  await insertRows(trx, dialect, 'vetting_postings', [['term_id', 'int'], ['subject_seq', 'int']], postings);
  await insertRows(trx, dialect, 'vetting_joins', [['first_term', 'int'], ['second_term', 'int'], ['subject_seq', 'int']], joins);
  await insertRows(trx, dialect, 'vetting_documents', [['number', 'text'], ['subject_seq', 'int']], documents);
}

async function deleteKeys(trx: VettingDb, dialect: Store['dialect'], seqs: readonly number[]): Promise<void> {
  if (seqs.length === 0) return;
  for (const table of ['vetting_postings', 'vetting_joins', 'vetting_documents'] as const) {
    await inSlices(seqs, async (slice) => {
      await trx.deleteFrom(table).where(inList(dialect, sql.ref('subject_seq'), slice, 'int')).execute();
      return [];
    });
  }
}

async function enrolBatch(store: Store, batch: Prepared[], meta: EnrolMeta): Promise<EnrolResult> {
  const fresh = new Map<string, number>();
  const result = await vettingDb(store)
    .transaction()
    .execute((trx) => enrolBatchWithin(trx, store, batch, meta, fresh));
  rememberTerms(store, fresh);
  return result;
}

/** One batch's statements inside `trx`; term ids it learns go into `fresh`, to keep once committed. */
async function enrolBatchWithin(trx: VettingDb, store: Store, batch: Prepared[], meta: EnrolMeta, fresh: Map<string, number>): Promise<EnrolResult> {
  const dialect = store.dialect;
  const terms = new Map<string, Term>();
  for (const { keys } of batch) for (const term of keys.terms) terms.set(termSignature(term), term);
  // A write first: it takes the write lock (SQLite) or the subject counter's row lock
  // (PostgreSQL) before anything is read. A SQLite transaction that read first and then
  // wrote would fail at once with "database is locked" whenever another process (a
  // `serve --workers` sibling) had committed in between, whatever the busy timeout.
  await sql`update vetting_counters set value = value where name = ${'subject'}`.execute(trx);
  const ids = await resolveTerms(store, trx, dialect, terms, fresh);
  const termId = (term: Term): number => ids.get(termSignature(term)) as number;
  const existing = await inSlices(
    batch.map((p) => p.subject.id),
    (slice) => trx.selectFrom('vetting_subjects').select(['seq', 'subject_id', 'retain_until']).where(inList(dialect, sql.ref('subject_id'), slice, 'text')).execute(),
  );
  const known = new Map(existing.map((row) => [row.subject_id, { seq: Number(row.seq), retainUntil: row.retain_until }]));
  await deleteKeys(trx, dialect, [...known.values()].map((k) => k.seq));
  const fresher = batch.filter((p) => !known.has(p.subject.id));
  const first = fresher.length > 0 ? await reserveIds(trx, 'subject', fresher.length) : 0;
  const seqOf = new Map<string, number>();
  fresher.forEach((p, i) => seqOf.set(p.subject.id, first + i));
  for (const [id, k] of known) seqOf.set(id, k.seq);

  const subjectRows = fresher.map((p) => [
    seqOf.get(p.subject.id) as number,
    p.subject.id,
    JSON.stringify(p.subject),
    meta.channel,
    meta.port,
    meta.screenedAt,
    meta.enrolledAt,
    meta.retainUntil,
  ]);
  await insertRows(
    trx,
    dialect,
    'vetting_subjects',
    [['seq', 'int'], ['subject_id', 'text'], ['subject_json', 'text'], ['channel', 'text'], ['port', 'text'], ['screened_at', 'text'], ['enrolled_at', 'text'], ['retain_until', 'text']],
    subjectRows,
    'fail',
  );
  await insertRows(trx, dialect, 'vetting_subject_keys', [['seq', 'int'], ['name_keys', 'text']], fresher.map((p) => [seqOf.get(p.subject.id) as number, encodeNameKeys(p.keys.names, termId)]), 'fail');
  for (const p of batch) {
    const previous = known.get(p.subject.id);
    if (previous === undefined) continue;
    await trx
      .updateTable('vetting_subjects')
      .set({
        subject_json: JSON.stringify(p.subject),
        channel: meta.channel,
        port: meta.port,
        screened_at: meta.screenedAt,
        retain_until: previous.retainUntil > meta.retainUntil ? previous.retainUntil : meta.retainUntil,
      })
      .where('seq', '=', previous.seq)
      .execute();
    await trx.updateTable('vetting_subject_keys').set({ name_keys: encodeNameKeys(p.keys.names, termId) }).where('seq', '=', previous.seq).execute();
  }
  await writeKeys(trx, dialect, batch.map((p) => ({ seq: seqOf.get(p.subject.id) as number, keys: p.keys })), termId);
  return { enrolled: fresher.length, updated: known.size };
}

/**
 * Enrols subjects for recurrent vetting: keeps each one's data, where and when it was screened
 * and the date its retention ends, and indexes its name terms, joined parts and documents in
 * the database for reverse look-up. A subject already enrolled (same id) is updated in place;
 * its retention is extended, never shortened. Each batch is one transaction.
 *
 * @example
 * const { enrol, retentionDays } = enrolmentFor(settings, 'visa', request.enrol);
 * if (enrol) await enrolSubjects(store, [subject], { channel: 'visa', port: 'GBLHR', retentionDays });
 */
export async function enrolSubjects(store: Store, subjects: readonly Subject[], options: EnrolOptions): Promise<EnrolResult> {
  const valid: Subject[] = [];
  for (const subject of subjects) {
    const parsed = Subject.safeParse(subject);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const id = String((subject as { id?: unknown }).id ?? '');
      throw new VigilError('INVALID_INPUT', `subject ${id}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`.trim(), { record: id, field: issue?.path.join('.') });
    }
    valid.push(parsed.data);
  }
  return enrolValidated(store, valid, options);
}

/** Where and when subjects were screened, and until when they are kept. */
export interface EnrolMeta {
  channel: string | null;
  port: string | null;
  screenedAt: string;
  retainUntil: string;
  enrolledAt: string;
}

export function enrolMeta(options: EnrolOptions): EnrolMeta {
  const now = options.now ?? (() => new Date());
  if (!(Number.isInteger(options.retentionDays) && options.retentionDays >= 1)) {
    throw new VigilError('INVALID_INPUT', `retentionDays must be a whole number of days from 1, not ${options.retentionDays}`, { field: 'retentionDays' });
  }
  const screenedAt = isoTime(options.screenedAt, now, 'screenedAt');
  return {
    channel: options.channel ?? null,
    port: options.port ?? null,
    screenedAt,
    retainUntil: new Date(Date.parse(screenedAt) + options.retentionDays * DAY_MS).toISOString(),
    enrolledAt: now().toISOString(),
  };
}

/** The last occurrence of an id wins, as if the subjects had been enrolled one by one. */
export function lastById<T extends { subject: Subject }>(items: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) {
    byId.delete(item.subject.id);
    byId.set(item.subject.id, item);
  }
  return [...byId.values()];
}

/** Writes subjects whose keys are computed, in batches of one transaction each. */
export async function enrolPrepared(store: Store, prepared: ReadonlyArray<{ subject: Subject; keys: SubjectKeys }>, meta: EnrolMeta, batchSize = 2000): Promise<EnrolResult> {
  await checkKeysVersion(vettingDb(store), true);
  const all = lastById(prepared);
  const total: EnrolResult = { enrolled: 0, updated: 0 };
  for (let start = 0; start < all.length; start += batchSize) {
    const result = await enrolBatch(store, all.slice(start, start + batchSize), meta);
    total.enrolled += result.enrolled;
    total.updated += result.updated;
  }
  return total;
}

/** `enrolSubjects` for subjects already checked against the Subject contract. */
export async function enrolValidated(store: Store, subjects: readonly Subject[], options: EnrolOptions): Promise<EnrolResult> {
  const meta = enrolMeta(options);
  return enrolPrepared(store, subjects.map((subject) => ({ subject, keys: subjectKeys(subject) })), meta, options.batchSize);
}

/**
 * Rebuilds every enrolled subject's keys from its stored data with this build's analysis, for
 * after the name-variant dictionary changed (enrolment and vetting refuse until it is done).
 * Each page of subjects is one transaction; the dictionary version is recorded at the end.
 */
export async function reindexSubjects(store: Store, options: { pageSize?: number } = {}): Promise<{ subjects: number }> {
  const db = vettingDb(store);
  const dialect = store.dialect;
  const pageSize = options.pageSize ?? 5000;
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await db.selectFrom('vetting_subjects').select(['seq', 'subject_json']).where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) break;
    const page = rows.map((row) => ({ seq: Number(row.seq), keys: subjectKeys(JSON.parse(row.subject_json) as Subject) }));
    const terms = new Map<string, Term>();
    for (const { keys } of page) for (const term of keys.terms) terms.set(termSignature(term), term);
    const fresh = new Map<string, number>();
    await db.transaction().execute(async (trx) => {
      const ids = await resolveTerms(store, trx, dialect, terms, fresh);
      const termId = (term: Term): number => ids.get(termSignature(term)) as number;
      const seqs = page.map((p) => p.seq);
      await deleteKeys(trx, dialect, seqs);
      await trx.deleteFrom('vetting_subject_keys').where(inList(dialect, sql.ref('seq'), seqs, 'int')).execute();
      await insertRows(trx, dialect, 'vetting_subject_keys', [['seq', 'int'], ['name_keys', 'text']], page.map((p) => [p.seq, encodeNameKeys(p.keys.names, termId)]));
      await writeKeys(trx, dialect, page, termId);
    });
    rememberTerms(store, fresh);
    count += rows.length;
    after = page[page.length - 1]?.seq ?? after;
  }
  const version = nameVariantsVersion();
  await db.insertInto('vetting_meta').values({ name: KEYS_VERSION, value: version }).onConflict((oc) => oc.column('name').doUpdateSet({ value: version })).execute();
  return { subjects: count };
}

/** Where and for how long one screening's subjects are enrolled. */
export interface EnrolmentRequest {
  channel?: string;
  port?: string;
  retentionDays: number;
}

/** A screening's subjects ready to enrol, their keys computed outside any transaction. */
export interface PreparedEnrolment {
  request: EnrolmentRequest;
  items: ReadonlyArray<{ subject: Subject; keys: SubjectKeys }>;
}

/** Computes subjects' keys; INVALID_INPUT for a retention that is not a whole number of days from 1. */
export function prepareEnrolment(subjects: readonly Subject[], request: EnrolmentRequest): PreparedEnrolment {
  enrolMeta({ retentionDays: request.retentionDays });
  return { request, items: subjects.map((subject) => ({ subject, keys: subjectKeys(subject) })) };
}

/**
 * Enrols prepared subjects inside the caller's transaction (a server's shared transaction for
 * many screenings), screened now: one batch per channel, port and retention. Call `committed` once the transaction
 * has committed, so that the term ids it learnt are kept for later enrolments.
 */
export async function enrolWithin(trx: Store['db'], store: Store, prepared: readonly PreparedEnrolment[], now: () => Date = () => new Date()): Promise<{ result: EnrolResult; committed: () => void }> {
  const result: EnrolResult = { enrolled: 0, updated: 0 };
  const fresh = new Map<string, number>();
  if (prepared.length === 0) return { result, committed: () => undefined };
  const db = trx.withTables<VettingTables>() as unknown as VettingDb;
  await checkKeysVersion(db, true);
  const groups = new Map<string, { request: EnrolmentRequest; items: Prepared[] }>();
  for (const { request, items } of prepared) {
    const key = JSON.stringify([request.channel ?? null, request.port ?? null, request.retentionDays]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { request, items: [...items] });
    else group.items.push(...items);
  }
  for (const { request, items } of groups.values()) {
    const meta = enrolMeta({ ...request, screenedAt: now(), now });
    const batch = await enrolBatchWithin(db, store, lastById(items), meta, fresh);
    result.enrolled += batch.enrolled;
    result.updated += batch.updated;
  }
  return { result, committed: () => rememberTerms(store, fresh) };
}
