import type { Store } from '../store/index.js';

/** Entries kept per store; past this the cache starts again (the index holds ~16k entities). */
const MAX_ENTRIES = 50_000;

/** The content hash of an entity in a list version, and the version it was read at. */
export interface ScreenedContent {
  hash: string | null;
  version: number | null;
}

const byStore = new WeakMap<Store, Map<string, Promise<ScreenedContent>>>();

function cacheOf(store: Store): Map<string, Promise<ScreenedContent>> {
  let cache = byStore.get(store);
  if (cache === undefined) {
    cache = new Map();
    byStore.set(store, cache);
  }
  return cache;
}

/**
 * The entity as a screening saw it: its content hash in the list version the result names.
 * A committed version never changes, so the answer for a named version is kept; only a look-up
 * without a version (the current one, which moves) goes to the database every time. This is
 * read for every hit of every result that opens a case or meets a suppression.
 */
export async function screenedContent(store: Store, entityId: string, version: number | undefined): Promise<ScreenedContent> {
  if (version === undefined) {
    const stored = await store.getEntity(entityId);
    return { hash: stored?.contentHash ?? null, version: stored?.version ?? null };
  }
  const cache = cacheOf(store);
  const key = `${entityId}@${version}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  // The promise is kept, so hits of one batch on the same entity share one read.
  const reading = store.getEntity(entityId, version).then((stored) => ({ hash: stored?.contentHash ?? null, version: stored?.version ?? version }));
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, reading);
  // A failed read is not an answer: the next screening asks the database again.
  reading.catch(() => cache.delete(key));
  return reading;
}
