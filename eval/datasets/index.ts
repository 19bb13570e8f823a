import type { Entity } from '../../src/domain/index.js';
import { WATCHLIST_FILES } from '../load-watchlist.js';
import { createRng } from '../prng.js';
import { loadTranslitTable } from '../translit/wikidata.js';
import { nameOwners, type NameOwners } from './entities.js';
import { buildNegatives } from './negatives.js';
import { buildPositives } from './positives.js';
import type { DatasetSummary, LabelledQuery } from './types.js';

export type { DatasetSummary, LabelledQuery } from './types.js';
export { CATEGORY_NOTES } from './types.js';
export { buildPairs, type LabelledPair } from './pairs.js';

export interface DatasetOptions {
  seed: number;
  /** Non-listed people; default 20,000. */
  negativePersons?: number;
  /** Non-listed organisations; default 500. */
  negativeOrganisations?: number;
}

export interface Datasets {
  positives: LabelledQuery[];
  negatives: LabelledQuery[];
  owners: NameOwners;
  summary: DatasetSummary;
}

/** Builds every labelled query from the listed entities; the same seed gives the same sets. */
export function buildDatasets(entities: readonly Entity[], options: DatasetOptions): Datasets {
  const rng = createRng(options.seed);
  const owners = nameOwners(entities);
  const arabic = loadTranslitTable(WATCHLIST_FILES.translitArabic);
  const russian = loadTranslitTable(WATCHLIST_FILES.translitRussian);
  const positives = buildPositives({ entities, owners, arabic, russian, rng: rng.fork('positives') });
  const negativeResult = buildNegatives({
    persons: options.negativePersons ?? 20_000,
    organisations: options.negativeOrganisations ?? 500,
    owners,
    arabic,
    rng: rng.fork('negatives'),
    seed: options.seed,
  });
  const negatives = negativeResult.queries;
  const byCategory: Record<string, number> = {};
  for (const q of positives) byCategory[q.category] = (byCategory[q.category] ?? 0) + 1;
  const byLocale: Record<string, number> = {};
  for (const q of negatives) byLocale[q.origin] = (byLocale[q.origin] ?? 0) + 1;
  return {
    positives,
    negatives,
    owners,
    summary: {
      seed: options.seed,
      positives: positives.length,
      negatives: negatives.filter((q) => q.category === 'negative-person').length,
      negativeOrganisations: negatives.filter((q) => q.category === 'negative-org').length,
      negativesRemovedAsListed: negativeResult.removed,
      byCategory,
      byLocale,
    },
  };
}
