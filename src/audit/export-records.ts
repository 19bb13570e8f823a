import { VigilError } from '../domain/index.js';
import type { AuditDb } from './audit-context.js';
import { fromAuditRow } from './audit-rows.js';
import type { AuditExportOptions, AuditRecord } from './audit-types.js';

const PAGE = 1000;

/** Any ISO-8601 time, as the UTC text records are stamped with, so text order is time order. */
export function normaliseSince(since: string): string {
  const time = /^\d{4}-\d{2}-\d{2}/.test(since) ? new Date(since) : new Date(Number.NaN);
  if (Number.isNaN(time.getTime())) throw new VigilError('INVALID_INPUT', `since must be an ISO-8601 time such as 2025-01-31T00:00:00Z, not "${since}"`, { field: 'since' });
  return time.toISOString();
}

/** Committed records in seq order, read a page at a time so a long trail never sits in memory. */
export async function* exportRecords(db: AuditDb, options: AuditExportOptions = {}): AsyncGenerator<AuditRecord> {
  const fromSeq = options.fromSeq ?? 1;
  if (!Number.isInteger(fromSeq) || fromSeq < 1) throw new VigilError('INVALID_INPUT', `fromSeq must be a whole number from 1, not ${fromSeq}`, { field: 'fromSeq' });
  const since = options.since === undefined ? undefined : normaliseSince(options.since);
  let cursor = fromSeq;
  if (since !== undefined) {
    // Times rise with seq (give or take clock skew between processes), so start near the first match.
    const first = await db.selectFrom('audit_records').select((eb) => eb.fn.min('seq').as('seq')).where('at', '>=', since).executeTakeFirst();
    if (first?.seq === undefined || first.seq === null) return;
    cursor = Math.max(cursor, Number(first.seq));
  }
  for (;;) {
    let query = db.selectFrom('audit_records').selectAll().where('seq', '>=', cursor).orderBy('seq').limit(PAGE);
    if (since !== undefined) query = query.where('at', '>=', since);
    const rows = await query.execute();
    for (const row of rows) yield fromAuditRow(row);
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < PAGE) return;
    cursor = Number(last.seq) + 1;
  }
}
