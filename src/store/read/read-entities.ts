import type { Kysely } from 'kysely';
import { VigilError, type Entity } from '../../domain/index.js';
import type { Database } from '../database.js';
import type { StoredEntity } from '../store.js';
import { currentVersionNumber, requireVersion } from './version-rows.js';

/** Rows per page when streaming a version. */
const PAGE = 2000;

/** The source part of `<source>:<sourceId>`, or undefined when the id has none. */
export function sourceOfId(id: string): string | undefined {
  const colon = id.indexOf(':');
  return colon > 0 ? id.slice(0, colon) : undefined;
}

/** Stored JSON was validated by Entity.parse on import; reading it back trusts that. */
function parseStored(json: string): Entity {
  return JSON.parse(json) as Entity;
}

export async function getEntity(db: Kysely<Database>, id: string, version?: number): Promise<StoredEntity | undefined> {
  const source = sourceOfId(id);
  if (source === undefined) return undefined;
  let at: number;
  if (version === undefined) {
    at = await currentVersionNumber(db, source);
    if (at === 0) return undefined;
  } else {
    at = (await requireVersion(db, source, version)).version;
  }
  const row = await db
    .selectFrom('entity_spans as s')
    .innerJoin('entity_contents as c', 'c.content_hash', 's.content_hash')
    .select(['s.first_version', 's.content_hash', 'c.entity_json'])
    .where('s.entity_id', '=', id)
    .where('s.first_version', '<=', at)
    .where((eb) => eb.or([eb('s.last_version', 'is', null), eb('s.last_version', '>=', at)]))
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return { entity: parseStored(row.entity_json), source, version: at, contentHash: row.content_hash, since: Number(row.first_version) };
}

/**
 * Pages through a version in id order by key, not offset, so each page is an index range; the
 * page's spans are read first and their contents after, so the database never sorts the JSON.
 * Spans of a past version never change, so a version read this way is consistent even while
 * another import commits.
 */
export async function* iterateEntities(db: Kysely<Database>, source: string, version?: number): AsyncGenerator<Entity> {
  const at = (await requireVersion(db, source, version)).version;
  let after: string | undefined;
  for (;;) {
    let query = db
      .selectFrom('entity_spans')
      .select(['entity_id', 'content_hash'])
      .where('source', '=', source)
      .where('first_version', '<=', at)
      .where((eb) => eb.or([eb('last_version', 'is', null), eb('last_version', '>=', at)]));
    if (after !== undefined) query = query.where('entity_id', '>', after);
    const spans = await query.orderBy('entity_id').limit(PAGE).execute();
    if (spans.length === 0) return;
    const contents = await db
      .selectFrom('entity_contents')
      .select(['content_hash', 'entity_json'])
      .where('content_hash', 'in', spans.map((s) => s.content_hash))
      .execute();
    const json = new Map(contents.map((c) => [c.content_hash, c.entity_json]));
    for (const span of spans) {
      const text = json.get(span.content_hash);
      if (text === undefined) throw new VigilError('STORE_FAILED', `entity content of ${span.entity_id} is missing`, { record: span.entity_id });
      yield parseStored(text);
    }
    const last = spans[spans.length - 1];
    if (spans.length < PAGE || last === undefined) return;
    after = last.entity_id;
  }
}
