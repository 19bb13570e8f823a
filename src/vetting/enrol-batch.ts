import { sql } from 'kysely';
import { VigilError, type Subject } from '../domain/index.js';
import { nameVariantsVersion } from '../names/index.js';
import type { Store } from '../store/index.js';
import { inList, inSlices, insertRows, reserveIds } from './bulk-rows.js';
import { encodeNameKeys, termSignature, type SubjectKeys, type Term } from './subject-keys.js';
import { rememberTerms, resolveTerms } from './term-store.js';
import { vettingDb, type VettingDb } from './vetting-tables.js';

/*
 * How subjects are written for recurrent vetting: their data and their reverse-index rows, a
 * batch a transaction. enrol.ts (direct enrolment) and enrolment-journal.ts (a server's
 * enrolments, indexed later) both write through here.
 */
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
export const KEYS_VERSION = 'keys-version';

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

/** A subject to enrol: its keys, and where, when and until when it was screened. */
export interface KeyedEnrolment {
  subject: Subject;
  keys: SubjectKeys;
  meta: EnrolMeta;
}

/** The reverse-index rows of subjects: postings, joined parts and documents. */
export async function writeKeys(trx: VettingDb, dialect: Store['dialect'], subjects: ReadonlyArray<{ seq: number; keys: SubjectKeys }>, termId: (term: Term) => number): Promise<void> {
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

export async function deleteKeys(trx: VettingDb, dialect: Store['dialect'], seqs: readonly number[]): Promise<void> {
  if (seqs.length === 0) return;
  for (const table of ['vetting_postings', 'vetting_joins', 'vetting_documents'] as const) {
    await inSlices(seqs, async (slice) => {
      await trx.deleteFrom(table).where(inList(dialect, sql.ref('subject_seq'), slice, 'int')).execute();
      return [];
    });
  }
}

export async function enrolBatch(store: Store, batch: KeyedEnrolment[]): Promise<EnrolResult> {
  const fresh = new Map<string, number>();
  const result = await vettingDb(store)
    .transaction()
    .execute((trx) => enrolBatchWithin(trx, store, batch, fresh));
  rememberTerms(store, fresh);
  return result;
}

/**
 * One batch's statements inside `trx` (one subject id at most once: see `lastById`); term ids
 * it learns go into `fresh`, to keep once committed.
 */
export async function enrolBatchWithin(trx: VettingDb, store: Store, batch: readonly KeyedEnrolment[], fresh: Map<string, number>): Promise<EnrolResult> {
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

  const subjectRows = fresher.map(({ subject, meta }) => [
    seqOf.get(subject.id) as number,
    subject.id,
    JSON.stringify(subject),
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
    const meta = p.meta;
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

/**
 * Enrolments of one batch as if made one by one: per subject, the last one's data and
 * screening, the latest retention of them all (never shortened) and the first one's enrolment
 * time (an update keeps it).
 */
export function mergeById(items: readonly KeyedEnrolment[]): KeyedEnrolment[] {
  const byId = new Map<string, KeyedEnrolment>();
  for (const item of items) {
    const earlier = byId.get(item.subject.id);
    byId.delete(item.subject.id);
    if (earlier === undefined) {
      byId.set(item.subject.id, item);
      continue;
    }
    const retainUntil = earlier.meta.retainUntil > item.meta.retainUntil ? earlier.meta.retainUntil : item.meta.retainUntil;
    byId.set(item.subject.id, { ...item, meta: { ...item.meta, retainUntil, enrolledAt: earlier.meta.enrolledAt } });
  }
  return [...byId.values()];
}
