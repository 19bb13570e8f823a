import { sql } from 'kysely';
import { Subject, VigilError } from '../domain/index.js';
import { nameVariantsVersion } from '../names/index.js';
import type { Store } from '../store/index.js';
import { inList, insertRows } from './bulk-rows.js';
import { checkKeysVersion, deleteKeys, enrolBatch, enrolMeta, KEYS_VERSION, lastById, writeKeys, type EnrolMeta, type EnrolOptions, type EnrolResult } from './enrol-batch.js';
import { indexJournal } from './enrolment-journal.js';
import { encodeNameKeys, subjectKeys, termSignature, type SubjectKeys, type Term } from './subject-keys.js';
import { rememberTerms, resolveTerms } from './term-store.js';
import { vettingDb } from './vetting-tables.js';

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

/**
 * Writes subjects whose keys are computed, in batches of one transaction each. The journal is
 * indexed first: an enrolment it holds is older than these, and must not overwrite them later.
 */
export async function enrolPrepared(store: Store, prepared: ReadonlyArray<{ subject: Subject; keys: SubjectKeys }>, meta: EnrolMeta, batchSize = 2000): Promise<EnrolResult> {
  await checkKeysVersion(vettingDb(store), true);
  await indexJournal(store);
  const all = lastById(prepared.map(({ subject, keys }) => ({ subject, keys, meta })));
  const total: EnrolResult = { enrolled: 0, updated: 0 };
  for (let start = 0; start < all.length; start += batchSize) {
    const result = await enrolBatch(store, all.slice(start, start + batchSize));
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
  // Enrolments journaled meanwhile are indexed with this dictionary too (their keys were never stored).
  await indexJournal(store);
  return { subjects: count };
}
