import type { Kysely } from 'kysely';
import { VigilError } from '../../domain/index.js';
import type { Database } from '../database.js';
import type { ListVersion, SourceSummary } from '../store.js';
import { toListVersion } from './version-rows.js';

export async function listSources(db: Kysely<Database>): Promise<SourceSummary[]> {
  const rows = await db
    .selectFrom('sources as s')
    .innerJoin('list_versions as v', (join) => join.onRef('v.source', '=', 's.source').onRef('v.version', '=', 's.current_version'))
    .selectAll('v')
    .select('s.last_imported_at')
    .orderBy('s.source')
    .execute();
  return rows.map(({ last_imported_at, ...version }) => {
    const current = toListVersion(version);
    return { source: current.source, currentVersion: current.version, entityCount: current.entityCount, lastImportedAt: last_imported_at, current };
  });
}

export async function listVersions(db: Kysely<Database>, source: string): Promise<ListVersion[]> {
  const rows = await db.selectFrom('list_versions').selectAll().where('source', '=', source).orderBy('version').execute();
  if (rows.length === 0) throw new VigilError('STORE_NOT_FOUND', `no list ${source} has been imported`, { source });
  return rows.map(toListVersion);
}
