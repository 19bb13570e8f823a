import { sql } from 'kysely';
import type { Store } from '../store/index.js';
import { inList, inSlices, insertRows, reserveIds, type Dialect } from './bulk-rows.js';
import type { Term } from './subject-keys.js';
import { vettingDb, type VettingDb } from './vetting-tables.js';
import { Vocabulary } from './vocabulary.js';

/**
 * The vocabulary of subject terms in the database. Terms are only ever added (never changed or
 * deleted, a purge removes postings only), so a process may remember signature -> id and keep
 * an in-memory copy of the vocabulary that it tops up by id.
 */

const knownIds = new WeakMap<object, Map<string, number>>();
const vocabularies = new WeakMap<object, Vocabulary>();

function cacheOf(store: Pick<Store, 'db'>): Map<string, number> {
  let cache = knownIds.get(store.db);
  if (cache === undefined) {
    cache = new Map();
    knownIds.set(store.db, cache);
  }
  return cache;
}

/**
 * Ids of the terms, adding the new ones, inside the caller's transaction. `fresh` collects the
 * ids this call learnt; the caller remembers them only once the transaction commits.
 */
export async function resolveTerms(
  store: Pick<Store, 'db'>,
  trx: VettingDb,
  dialect: Dialect,
  terms: ReadonlyMap<string, Term>,
  fresh: Map<string, number>,
): Promise<Map<string, number>> {
  const cache = cacheOf(store);
  const ids = new Map<string, number>();
  const missing: string[] = [];
  for (const signature of terms.keys()) {
    const id = cache.get(signature);
    if (id !== undefined) ids.set(signature, id);
    else missing.push(signature);
  }
  const lookUp = async (signatures: string[]): Promise<void> => {
    const rows = await inSlices(signatures, (slice) =>
      trx.selectFrom('vetting_terms').select(['id', 'signature']).where(inList(dialect, sql.ref('signature'), slice, 'text')).execute(),
    );
    for (const row of rows) {
      const id = Number(row.id);
      ids.set(row.signature, id);
      fresh.set(row.signature, id);
    }
  };
  if (missing.length > 0) await lookUp(missing);
  const absent = missing.filter((signature) => !ids.has(signature));
  if (absent.length > 0) {
    const first = await reserveIds(trx, 'term', absent.length);
    const rows = absent.map((signature, i) => {
      const term = terms.get(signature) as Term;
      return [first + i, signature, term.text, term.skeleton, term.variantIds.join(','), term.abjad ? 1 : 0] as const;
    });
    const inserted = await insertRows(trx, dialect, 'vetting_terms', [['id', 'int'], ['signature', 'text'], ['text', 'text'], ['skeleton', 'text'], ['variant_ids', 'text'], ['abjad', 'int']], rows);
    if (inserted === rows.length) {
      rows.forEach(([id, signature]) => {
        ids.set(signature, id);
        fresh.set(signature, id);
      });
    } else {
      // Another process added some of them meanwhile: theirs stand.
      await lookUp(absent);
    }
  }
  return ids;
}

/** Remembers ids learnt in a transaction that has committed. */
export function rememberTerms(store: Pick<Store, 'db'>, fresh: ReadonlyMap<string, number>): void {
  const cache = cacheOf(store);
  for (const [signature, id] of fresh) cache.set(signature, id);
}

const PAGE = 50_000;

/** The vocabulary of every enrolled term, loaded once per process and topped up since. */
export async function loadVocabulary(store: Pick<Store, 'db'>): Promise<Vocabulary> {
  let vocabulary = vocabularies.get(store.db);
  if (vocabulary === undefined) {
    vocabulary = new Vocabulary();
    vocabularies.set(store.db, vocabulary);
  }
  const db = vettingDb(store);
  for (;;) {
    const rows = await db
      .selectFrom('vetting_terms')
      .select(['id', 'text', 'skeleton', 'variant_ids', 'abjad'])
      .where('id', '>', vocabulary.lastId)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      vocabulary.add(Number(row.id), {
        text: row.text,
        skeleton: row.skeleton,
        variantIds: row.variant_ids === '' ? [] : row.variant_ids.split(',').map(Number),
        abjad: Number(row.abjad) === 1,
      });
    }
    if (rows.length < PAGE) return vocabulary;
  }
}

