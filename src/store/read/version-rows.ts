import type { Kysely, Selectable } from 'kysely';
import { VigilError } from '../../domain/index.js';
import type { Database, ListVersionsTable } from '../database.js';
import type { ListVersion } from '../store.js';

export function toListVersion(row: Selectable<ListVersionsTable>): ListVersion {
  const version: ListVersion = {
    source: row.source,
    version: Number(row.version),
    importedAt: row.imported_at,
    fileSha256: row.file_sha256,
    fileNames: JSON.parse(row.file_names) as string[],
    mode: row.mode,
    entityCount: Number(row.entity_count),
    added: Number(row.added),
    changed: Number(row.changed),
    removed: Number(row.removed),
  };
  if (row.published_at !== null) version.publishedAt = row.published_at;
  return version;
}

/** 0 when the source has no committed version (or does not exist). */
export async function currentVersionNumber(db: Kysely<Database>, source: string): Promise<number> {
  const row = await db.selectFrom('sources').select('current_version').where('source', '=', source).executeTakeFirst();
  return row === undefined ? 0 : Number(row.current_version);
}

export async function findVersion(db: Kysely<Database>, source: string, version: number): Promise<ListVersion | undefined> {
  const row = await db
    .selectFrom('list_versions')
    .selectAll()
    .where('source', '=', source)
    .where('version', '=', version)
    .executeTakeFirst();
  return row === undefined ? undefined : toListVersion(row);
}

/** The given version, or the current one; STORE_NOT_FOUND when there is none. */
export async function requireVersion(db: Kysely<Database>, source: string, version?: number): Promise<ListVersion> {
  const wanted = version ?? (await currentVersionNumber(db, source));
  const found = wanted > 0 ? await findVersion(db, source, wanted) : undefined;
  if (found !== undefined) return found;
  const message = version === undefined ? `no list ${source} has been imported` : `list ${source} has no version ${version}`;
  throw new VigilError('STORE_NOT_FOUND', message, version === undefined ? { source } : { source, version });
}
