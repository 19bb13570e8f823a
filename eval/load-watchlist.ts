import { fileURLToPath } from 'node:url';
import { Entity, type ListAdapter } from '../src/domain/index.js';
import { createOfacAdapter } from '../src/lists/ofac/index.js';
import { createUnAdapter } from '../src/lists/un/index.js';

/** The project root, whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = new URL('../../shared/data/', import.meta.url);

export const WATCHLIST_FILES = {
  ofac: fileURLToPath(new URL('ofac/history/sdn_2024-05-03.csv', DATA)),
  un: fileURLToPath(new URL('un/consolidated_2026-02-27.xml', DATA)),
  translitArabic: fileURLToPath(new URL('translit/wd_arabic_20', DATA)),
  translitRussian: fileURLToPath(new URL('translit/wd_russian_20', DATA)),
} as const;

export interface Watchlist {
  entities: Entity[];
  /** Records the adapters could not read, by source: the evaluation runs without them. */
  invalid: Record<string, number>;
}

async function collect(adapter: ListAdapter, into: Entity[], invalid: Record<string, number>): Promise<void> {
  for await (const record of adapter.records()) {
    if (record.kind === 'entity') into.push(Entity.parse(record.entity));
    else if (record.kind === 'invalid') invalid[adapter.source] = (invalid[adapter.source] ?? 0) + 1;
  }
}

/**
 * The evaluation's watchlist, read through Vigil's own adapters: the OFAC SDN list of
 * 2024-05-03 (sdn.csv alone, so aliases are the weak ones in Remarks) and the UN consolidated
 * list of 2026-02-27.
 */
export async function loadWatchlistWithIssues(): Promise<Watchlist> {
  const entities: Entity[] = [];
  const invalid: Record<string, number> = {};
  await collect(createOfacAdapter({ source: 'ofac-sdn', primary: WATCHLIST_FILES.ofac }), entities, invalid);
  await collect(createUnAdapter({ file: WATCHLIST_FILES.un }), entities, invalid);
  return { entities, invalid };
}

export async function loadWatchlist(): Promise<Entity[]> {
  return (await loadWatchlistWithIssues()).entities;
}
