import { sql } from 'kysely';
import type { Store } from '../store/index.js';
import { inList, inSlices } from './bulk-rows.js';
import { joinTargets, type CandidatePlan } from './candidate-plan.js';
import type { EntityProbes } from './entity-probes.js';
import type { ScoreBound } from './score-bound.js';
import { decodeNameKeys } from './subject-keys.js';
import { vettingDb } from './vetting-tables.js';
import type { Vocabulary } from './vocabulary.js';

export interface Chosen {
  /** Subjects sharing a name part, a joined spelling or a document with a changed entity. */
  candidates: number;
  /** Those to screen, in subject order. */
  seqs: number[];
  /** Time spent bounding, within the whole. */
  boundMs: number;
}

/** Related terms per query: enough rows to keep the database busy while the last batch is bounded. */
const TERM_SLICE = 2_000;
const KEY_SLICE = 20_000;

/**
 * The subjects to screen: every one found through the plan's terms, joins or documents, or with
 * an open alert on a changed entity, less those whose score bound stays below the threshold.
 * Keys are read in slices; while the database answers one, the previous one is bounded.
 */
export async function chooseCandidates(store: Store, plan: CandidatePlan, probes: EntityProbes, vocabulary: Vocabulary, bound: ScoreBound | undefined): Promise<Chosen> {
  const db = vettingDb(store);
  const dialect = store.dialect;
  const chosen = new Set<number>();
  const seen = new Set<number>();
  const joinTargetsOf = new Map<number, Set<string>>();
  let boundMs = 0;
  const consider = (seq: number, keys: string): void => {
    if (seen.has(seq)) return;
    seen.add(seq);
    if (chosen.has(seq)) return;
    const t = performance.now();
    if (bound === undefined || bound.mayHit(decodeNameKeys(keys), joinTargetsOf.get(seq))) chosen.add(seq);
    boundMs += performance.now() - t;
  };

  // Small look-ups first, so that the bound knows every subject's joins when it meets it.
  for (const [column, checks, other] of [
    ['first_term', plan.joinsByFirst, 'second_term'],
    ['second_term', plan.joinsBySecond, 'first_term'],
  ] as const) {
    const rows = await inSlices([...checks.keys()], (slice) =>
      db.selectFrom('vetting_joins').select(['first_term', 'second_term', 'subject_seq']).where(inList(dialect, sql.ref(column), slice, 'int')).execute(),
    );
    for (const row of rows) {
      const seq = Number(row.subject_seq);
      const otherText = vocabulary.text(Number(row[other]));
      // A term newer than the vocabulary this run loaded: screen rather than guess.
      if (otherText === undefined) chosen.add(seq);
      else {
        joinTargets(otherText, checks.get(Number(row[column])) ?? [], (target) => {
          let targets = joinTargetsOf.get(seq);
          if (targets === undefined) joinTargetsOf.set(seq, (targets = new Set()));
          targets.add(target);
        });
      }
    }
  }
  const documents = await inSlices([...probes.documents.keys()], (slice) =>
    db.selectFrom('vetting_documents').select('subject_seq').where(inList(dialect, sql.ref('number'), slice, 'text')).execute(),
  );
  for (const row of documents) chosen.add(Number(row.subject_seq));
  const alerted = await inSlices(
    probes.entities.map((e) => e.id),
    (slice) =>
      db
        .selectFrom('vetting_alerts')
        .innerJoin('vetting_subjects', 'vetting_subjects.subject_id', 'vetting_alerts.subject_id')
        .select('vetting_subjects.seq')
        .where(inList(dialect, sql.ref('vetting_alerts.entity_id'), slice, 'text'))
        .where('vetting_alerts.status', '=', 'open')
        .execute(),
  );
  for (const row of alerted) chosen.add(Number(row.seq));

  // Subjects carrying a related term, with the keys the bound reads, one slice of terms at a time.
  const terms = [...plan.related.keys()];
  const keysOf = (slice: number[]) =>
    db
      .selectFrom('vetting_subject_keys')
      .select(['seq', 'name_keys'])
      .where('seq', 'in', db.selectFrom('vetting_postings').select('subject_seq').where(inList(dialect, sql.ref('term_id'), slice, 'int')))
      .execute();
  let pending = terms.length > 0 ? keysOf(terms.slice(0, TERM_SLICE)) : undefined;
  for (let start = 0; pending !== undefined; start += TERM_SLICE) {
    const rows = await pending;
    const next = start + TERM_SLICE;
    pending = next < terms.length ? keysOf(terms.slice(next, next + TERM_SLICE)) : undefined;
    for (const row of rows) consider(Number(row.seq), row.name_keys);
  }
  // Subjects found only through a join.
  const joinOnly = [...joinTargetsOf.keys()].filter((seq) => !seen.has(seq));
  await inSlices(
    joinOnly,
    async (slice) => {
      for (const row of await db.selectFrom('vetting_subject_keys').select(['seq', 'name_keys']).where(inList(dialect, sql.ref('seq'), slice, 'int')).execute()) consider(Number(row.seq), row.name_keys);
      return [];
    },
    KEY_SLICE,
  );
  const candidates = new Set([...seen, ...chosen]).size;
  return { candidates, seqs: [...chosen].sort((a, b) => a - b), boundMs: Math.round(boundMs) };
}

