import type { Kysely } from 'kysely';
import { VigilError, type Entity } from '../../domain/index.js';
import { chunks } from '../rows-per-statement.js';
import { changedFields } from '../changed-fields.js';
import type { Database } from '../database.js';
import type { EntitySummary, ListDiff } from '../store.js';
import { requireVersion } from './version-rows.js';

interface SpanRow {
  entity_id: string;
  content_hash: string;
  first_version: number;
  last_version: number | null;
  caption: string;
  entity_schema: string;
}

const contains = (span: SpanRow, version: number): boolean =>
  span.first_version <= version && (span.last_version === null || span.last_version >= version);

const summary = (span: SpanRow): EntitySummary => ({
  id: span.entity_id,
  caption: span.caption,
  schema: span.entity_schema as Entity['schema'],
});

const byId = (a: EntitySummary, b: EntitySummary): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Only spans that begin or end between the two versions can differ between them; an entity
 * whose one span covers both is unchanged and is never read.
 */
async function spansBetween(db: Kysely<Database>, source: string, low: number, high: number): Promise<SpanRow[]> {
  const rows = await db
    .selectFrom('entity_spans as s')
    .innerJoin('entity_contents as c', 'c.content_hash', 's.content_hash')
    .select(['s.entity_id', 's.content_hash', 's.first_version', 's.last_version', 'c.caption', 'c.entity_schema'])
    .where('s.source', '=', source)
    .where((eb) =>
      eb.or([
        eb.and([eb('s.first_version', '>', low), eb('s.first_version', '<=', high)]),
        eb.and([eb('s.last_version', '>=', low), eb('s.last_version', '<', high)]),
      ]),
    )
    .execute();
  return rows.map((r) => ({ ...r, first_version: Number(r.first_version), last_version: r.last_version === null ? null : Number(r.last_version) }));
}

async function contentsByHash(db: Kysely<Database>, hashes: string[]): Promise<Map<string, Entity>> {
  const found = new Map<string, Entity>();
  for (const batch of chunks(hashes, 500)) {
    const rows = await db.selectFrom('entity_contents').select(['content_hash', 'entity_json']).where('content_hash', 'in', batch).execute();
    for (const row of rows) found.set(row.content_hash, JSON.parse(row.entity_json) as Entity);
  }
  return found;
}

export async function diffVersions(db: Kysely<Database>, source: string, from?: number, to?: number): Promise<ListDiff> {
  const target = (await requireVersion(db, source, to)).version;
  const base = from ?? target - 1;
  // Version 0 is the empty list before the first import, so `diff` of version 1 lists it all.
  if (base !== 0) await requireVersion(db, source, base);

  const diff: ListDiff = { source, from: base, to: target, added: [], changed: [], removed: [] };
  if (base === target) return diff;
  const spans = await spansBetween(db, source, Math.min(base, target), Math.max(base, target));
  const atBase = new Map<string, SpanRow>();
  const atTarget = new Map<string, SpanRow>();
  for (const span of spans) {
    if (contains(span, base)) atBase.set(span.entity_id, span);
    if (contains(span, target)) atTarget.set(span.entity_id, span);
  }

  const changed: Array<[SpanRow, SpanRow]> = [];
  for (const [id, after] of atTarget) {
    const before = atBase.get(id);
    if (before === undefined) diff.added.push(summary(after));
    else if (before.content_hash !== after.content_hash) changed.push([before, after]);
  }
  for (const [id, before] of atBase) {
    if (!atTarget.has(id)) diff.removed.push(summary(before));
  }

  const contents = await contentsByHash(db, [...new Set(changed.flatMap(([a, b]) => [a.content_hash, b.content_hash]))]);
  for (const [before, after] of changed) {
    const old = contents.get(before.content_hash);
    const current = contents.get(after.content_hash);
    if (old === undefined || current === undefined) {
      // The foreign key makes this unreachable unless the database was edited by hand.
      throw new VigilError('STORE_FAILED', `entity content of ${after.entity_id} is missing`, { record: after.entity_id });
    }
    diff.changed.push({ ...summary(after), fields: changedFields(old, current) });
  }
  diff.added.sort(byId);
  diff.changed.sort(byId);
  diff.removed.sort(byId);
  return diff;
}
