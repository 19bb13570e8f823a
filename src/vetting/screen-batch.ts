import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Subject } from '../domain/index.js';
import type { Screener } from '../matching/index.js';
import type { ListDiff, Store } from '../store/index.js';
import { encodeChange, toAlert, type Alert } from './alerts.js';
import { inList, reserveIds } from './bulk-rows.js';
import { vettingDb, type VettingTables } from './vetting-tables.js';

type AlertRow = VettingTables['vetting_alerts'];

export interface BatchOutcome {
  raised: Alert[];
  closed: Alert[];
  matches: number;
}

/**
 * Screens one batch of subjects and records what changed, with the run's checkpoint, in one
 * transaction: a crash before commit leaves nothing of the batch, a crash after leaves all of it.
 */
export async function screenBatch(
  store: Store,
  context: { runId: string; diff: ListDiff; screener: Screener; changed: ReadonlyMap<string, { caption: string; kind: 'added' | 'changed'; fields?: string[] }>; now: string },
  seqs: number[],
): Promise<BatchOutcome> {
  const db = vettingDb(store);
  const dialect = store.dialect;
  const { diff, screener, changed, now, runId } = context;
  const rows = await db.selectFrom('vetting_subjects').select(['seq', 'subject_id', 'subject_json']).where(inList(dialect, sql.ref('seq'), seqs, 'int')).execute();
  const fresh: Array<Omit<AlertRow, 'seq' | 'id'>> = [];
  for (const row of rows) {
    const subject = JSON.parse(row.subject_json) as Subject;
    for (const hit of screener.screen(subject).hits) {
      const change = changed.get(hit.entityId);
      if (change === undefined) continue;
      fresh.push({
        subject_id: row.subject_id,
        entity_id: hit.entityId,
        caption: hit.caption,
        source: diff.source,
        entity_version: diff.to,
        from_version: diff.from,
        to_version: diff.to,
        change: encodeChange(change.kind, change.fields),
        score: hit.score,
        score_key: Math.round(hit.score * 10_000),
        decision: hit.score >= screener.thresholds.match ? 'match' : 'review',
        matched_name: hit.matchedName,
        explanation_json: JSON.stringify(hit.explanation),
        status: 'open',
        created_at: now,
        run_id: runId,
        closed_at: null,
        close_reason: null,
        pushed_at: null,
      });
    }
  }
  const subjectIds = rows.map((r) => r.subject_id);
  const last = seqs[seqs.length - 1] as number;
  return db.transaction().execute(async (trx) => {
    const open =
      subjectIds.length === 0
        ? []
        : await trx
            .selectFrom('vetting_alerts')
            .selectAll()
            .where(inList(dialect, sql.ref('subject_id'), subjectIds, 'text'))
            .where('status', '=', 'open')
            .execute();
    const openOnChanged = open.filter((a) => changed.has(a.entity_id));
    const hitKey = new Map(fresh.map((f) => [`${f.subject_id}\n${f.entity_id}`, f.score_key]));
    const toClose: Array<{ seq: number; reason: string }> = [];
    for (const alert of openOnChanged) {
      const key = hitKey.get(`${alert.subject_id}\n${alert.entity_id}`);
      if (key === Number(alert.score_key)) continue;
      toClose.push({
        seq: Number(alert.seq),
        reason:
          key === undefined
            ? `no longer scores at review after ${diff.source} version ${diff.from} to ${diff.to}`
            : `superseded: score changed from ${Number(alert.score).toFixed(4)} to ${(key / 10_000).toFixed(4)} after ${diff.source} version ${diff.from} to ${diff.to}`,
      });
    }
    const closed: Alert[] = [];
    for (const { seq, reason } of toClose) {
      const updated = await trx.updateTable('vetting_alerts').set({ status: 'closed', closed_at: now, close_reason: reason }).where('seq', '=', seq).returningAll().execute();
      closed.push(...updated.map(toAlert));
    }
    let raised: Alert[] = [];
    if (fresh.length > 0) {
      const first = await reserveIds(trx, 'alert', fresh.length);
      const inserted = await trx
        .insertInto('vetting_alerts')
        .values(fresh.map((f, i) => ({ ...f, seq: first + i, id: `alr-${randomUUID()}` })))
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .execute();
      raised = inserted.map(toAlert).sort((a, b) => a.seq - b.seq);
    }
    await trx
      .updateTable('vetting_runs')
      .set((eb) => ({
        checkpoint: last,
        updated_at: now,
        screened: eb('screened', '+', rows.length),
        raised: eb('raised', '+', raised.length),
        closed: eb('closed', '+', closed.length),
      }))
      .where('id', '=', runId)
      .execute();
    return { raised, closed, matches: fresh.length };
  });
}

