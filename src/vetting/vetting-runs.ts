import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { ListDiff, Store } from '../store/index.js';
import { toAlert, type Alert } from './alerts.js';
import { inList, inSlices } from './bulk-rows.js';
import { vettingDb, type VettingDb } from './vetting-tables.js';

/** Moves the source's vetted version to `to`, unless that would leave versions behind it unvetted. */
export async function advanceCursor(db: VettingDb, source: string, from: number, to: number, at: string): Promise<void> {
  const cursor = await db.selectFrom('vetting_cursors').select('vetted_version').where('source', '=', source).executeTakeFirst();
  const vetted = cursor === undefined ? 0 : Number(cursor.vetted_version);
  if (from > vetted || to <= vetted) return;
  if (cursor === undefined) {
    await db.insertInto('vetting_cursors').values({ source, vetted_version: to, updated_at: at }).onConflict((oc) => oc.column('source').doUpdateSet({ vetted_version: to, updated_at: at })).execute();
  } else {
    await db.updateTable('vetting_cursors').set({ vetted_version: to, updated_at: at }).where('source', '=', source).where('vetted_version', '<', to).execute();
  }
}

export interface RunRow {
  id: string;
  checkpoint: number;
  resumed: boolean;
}

export async function openRun(db: VettingDb, source: string, from: number, to: number, now: string): Promise<RunRow> {
  const running = await db.selectFrom('vetting_runs').select(['id', 'to_version', 'checkpoint']).where('source', '=', source).where('from_version', '=', from).where('status', '=', 'running').execute();
  for (const run of running) {
    if (Number(run.to_version) === to) return { id: run.id, checkpoint: Number(run.checkpoint), resumed: true };
    // The list moved on while this run was unfinished: a run to the current version covers it.
    await db.updateTable('vetting_runs').set({ status: 'done', finished_at: now, updated_at: now }).where('id', '=', run.id).execute();
  }
  const id = `vet-${randomUUID()}`;
  await db
    .insertInto('vetting_runs')
    .values({ id, source, from_version: from, to_version: to, status: 'running', started_at: now, updated_at: now, finished_at: null, checkpoint: 0, candidates: 0, screened: 0, raised: 0, closed: 0 })
    .execute();
  return { id, checkpoint: 0, resumed: false };
}

/** Closes the open alerts of entities the change removed; returns them as closed. */
export async function closeRemoved(store: Store, diff: ListDiff, now: string): Promise<Alert[]> {
  if (diff.removed.length === 0) return [];
  const reason = `entity removed from ${diff.source} in version ${diff.to}`;
  const ids = diff.removed.map((e) => e.id);
  const db = vettingDb(store);
  return inSlices(ids, async (slice) => {
    const rows = await db
      .updateTable('vetting_alerts')
      .set({ status: 'closed', closed_at: now, close_reason: reason })
      .where(inList(store.dialect, sql.ref('entity_id'), slice, 'text'))
      .where('status', '=', 'open')
      .returningAll()
      .execute();
    return rows.map(toAlert);
  });
}

