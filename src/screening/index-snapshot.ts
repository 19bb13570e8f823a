import type { Entity } from '../domain/index.js';
import { buildIndex, type MatchIndex } from '../matching/index.js';
import type { Store } from '../store/index.js';

/** One consistent view of the lists for screening: the index and the list versions it holds. */
export interface IndexSnapshot {
  readonly index: MatchIndex;
  /** Source id -> version number the index was built from. */
  readonly versions: Readonly<Record<string, number>>;
  readonly entityCount: number;
  readonly builtAt: string;
}

export async function currentVersions(store: Store): Promise<Record<string, number>> {
  const versions: Record<string, number> = {};
  for (const source of await store.listSources()) {
    if (source.currentVersion !== undefined && source.currentVersion !== null) versions[source.source] = source.currentVersion;
  }
  return versions;
}

/**
 * Builds a snapshot from the current version of every source. The versions are read first and
 * each source is read at that version, so an import committing meanwhile cannot mix versions.
 */
export async function buildSnapshot(store: Store): Promise<IndexSnapshot> {
  const versions = await currentVersions(store);
  const entities: Entity[] = [];
  for (const [source, version] of Object.entries(versions)) {
    for await (const entity of store.iterateEntities(source, version)) entities.push(entity);
  }
  return { index: buildIndex(entities), versions, entityCount: entities.length, builtAt: new Date().toISOString() };
}

export function sameVersions(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
