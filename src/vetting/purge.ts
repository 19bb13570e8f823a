import { sql } from 'kysely';
import type { AuditActor, AuditLog } from '../audit/index.js';
import type { Store } from '../store/index.js';
import { inList } from './bulk-rows.js';
import { indexJournal } from './enrolment-journal.js';
import { vettingDb } from './vetting-tables.js';

export interface PurgeOptions {
  /** Subjects whose retention ended before this are purged; default now. */
  now?: () => Date;
  /** Subjects per transaction. Default 5,000. */
  batchSize?: number;
  /** Where the purge is recorded (one record per purge, with the ids). */
  audit?: AuditLog;
  /** Who purges; default the system actor `vetting`. */
  actor?: AuditActor;
}

export interface PurgeResult {
  purged: number;
  /** The time retention was compared with (ISO-8601 UTC). */
  before: string;
}

const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: 'vetting' };
/** Ids named in one audit record; a larger purge is recorded in several. */
const IDS_PER_RECORD = 5000;

/**
 * Removes every enrolled subject whose retention date has passed: its data and its keys, in
 * batches of one transaction each. Alerts already raised stay (they are case records). The
 * scheduled job and `vigil subjects purge` both call this; each purge is audited with the ids
 * of the subjects it removed.
 *
 * @example
 * await purgeExpiredSubjects(store, { audit });
 */
export async function purgeExpiredSubjects(store: Store, options: PurgeOptions = {}): Promise<PurgeResult> {
  const before = (options.now ?? (() => new Date()))().toISOString();
  const batchSize = options.batchSize ?? 5000;
  const db = vettingDb(store);
  let purged = 0;
  let pendingIds: string[] = [];
  // A journaled subject is enrolled as much as an indexed one, and its retention ends the same.
  await indexJournal(store);
  const record = async (ids: string[]): Promise<void> => {
    await options.audit?.append({ actor: options.actor ?? SYSTEM_ACTOR, action: 'subjects.purge', subjectIds: ids, outcome: 'ok', details: { before, count: ids.length } });
  };
  for (;;) {
    const removed = await db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('vetting_subjects').select(['seq', 'subject_id']).where('retain_until', '<', before).orderBy('retain_until').limit(batchSize).execute();
      if (rows.length === 0) return [];
      const seqs = rows.map((r) => Number(r.seq));
      for (const table of ['vetting_postings', 'vetting_joins', 'vetting_documents'] as const) {
        await trx.deleteFrom(table).where(inList(store.dialect, sql.ref('subject_seq'), seqs, 'int')).execute();
      }
      await trx.deleteFrom('vetting_subject_keys').where(inList(store.dialect, sql.ref('seq'), seqs, 'int')).execute();
      await trx.deleteFrom('vetting_subjects').where(inList(store.dialect, sql.ref('seq'), seqs, 'int')).execute();
      return rows.map((r) => r.subject_id);
    });
    if (removed.length === 0) break;
    purged += removed.length;
    pendingIds.push(...removed);
    while (pendingIds.length >= IDS_PER_RECORD) {
      await record(pendingIds.slice(0, IDS_PER_RECORD));
      pendingIds = pendingIds.slice(IDS_PER_RECORD);
    }
  }
  if (pendingIds.length > 0 || purged === 0) await record(pendingIds);
  return { purged, before };
}
