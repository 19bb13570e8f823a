import type { Selectable } from 'kysely';
import type { Subject } from '../domain/index.js';
import type { EngineScreeningResult } from '../screening/index.js';
import type { Store } from '../store/index.js';
import type { CaseDb, CaseTables, SuppressionsTable } from './case-tables.js';
import type { HitSuppression, MarkedHit, SuppressedResult } from './case-types.js';
import { decideFromHits, type Thresholds } from './decide-from-hits.js';
import { normaliseRedressNumber } from './redress-number.js';
import { screenedContent } from './screened-content.js';
import { fingerprintOf, sameCoreIdentity, subjectIdentity, type SubjectIdentity } from './subject-fingerprint.js';

export interface SuppressionOptions {
  /** The clock expiry is judged by; tests pin it. */
  now?: () => Date;
  /** Thresholds for results screened without a posture; default the matcher's. */
  thresholds?: Thresholds;
}

/** Parameters per statement stay well under SQLite's and PostgreSQL's limits. */
const CHUNK = 400;

type SuppressionRow = Selectable<SuppressionsTable>;

interface Probe {
  identity: SubjectIdentity;
  fingerprint: string;
  redressNumber: string | undefined;
}

function probeOf(subject: Subject & { redressNumber?: string | undefined }): Probe {
  const identity = subjectIdentity(subject);
  const presented = subject.redressNumber === undefined ? undefined : normaliseRedressNumber(subject.redressNumber);
  return { identity, fingerprint: fingerprintOf(identity), redressNumber: presented };
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Suppressions not ended and not expired for these entities and these people. */
async function activeSuppressions(db: CaseDb, entityIds: string[], fingerprints: string[], redressNumbers: string[], now: string): Promise<SuppressionRow[]> {
  const rows: SuppressionRow[] = [];
  const people = chunks([...fingerprints.map((f) => ['f', f] as const), ...redressNumbers.map((r) => ['r', r] as const)]);
  for (const ids of chunks(entityIds)) {
    for (const group of people) {
      const fps = group.filter(([kind]) => kind === 'f').map(([, v]) => v);
      const rns = group.filter(([kind]) => kind === 'r').map(([, v]) => v);
      const found = await db
        .selectFrom('suppressions as s')
        .selectAll('s')
        .where('s.entity_id', 'in', ids)
        .where((eb) => eb.or([...(fps.length > 0 ? [eb('s.fingerprint', 'in', fps)] : []), ...(rns.length > 0 ? [eb('s.redress_number', 'in', rns)] : [])]))
        .where((eb) => eb.or([eb('s.expires_at', 'is', null), eb('s.expires_at', '>', now)]))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('suppression_ends as e').select('e.suppression_id').whereRef('e.suppression_id', '=', 's.id'))))
        .execute();
      rows.push(...found);
    }
  }
  return rows;
}

function sourceOf(entityId: string): string {
  return entityId.slice(0, entityId.indexOf(':'));
}

/** The suppression that applies to this hit for this person: by redress number first, then by fingerprint; the newest wins. */
function pick(rows: readonly SuppressionRow[], entityId: string, probe: Probe): { row: SuppressionRow; via: HitSuppression['via'] } | undefined {
  const forEntity = rows.filter((r) => r.entity_id === entityId).sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
  if (probe.redressNumber !== undefined) {
    const byNumber = forEntity.find(
      (r) => r.redress_number === probe.redressNumber && sameCoreIdentity({ nameKeys: JSON.parse(r.name_keys_json) as string[], birthDate: r.birth_date ?? undefined }, probe.identity),
    );
    if (byNumber !== undefined) return { row: byNumber, via: 'redress_number' };
  }
  const byFingerprint = forEntity.find((r) => r.fingerprint === probe.fingerprint);
  return byFingerprint === undefined ? undefined : { row: byFingerprint, via: 'fingerprint' };
}

/**
 * `applySuppressions` for many results at once, with one look-up for the whole batch.
 *
 * @see applySuppressions
 */
export async function applySuppressionsMany(
  store: Store,
  items: ReadonlyArray<{ subject: Subject & { redressNumber?: string | undefined }; result: EngineScreeningResult }>,
  options: SuppressionOptions = {},
): Promise<SuppressedResult[]> {
  const withHits = items.filter((item) => item.result.hits.length > 0);
  if (withHits.length === 0) return items.map((item) => ({ ...item.result }));
  const probes = items.map((item) => (item.result.hits.length > 0 ? probeOf(item.subject) : undefined));
  const entityIds = [...new Set(withHits.flatMap((item) => item.result.hits.map((h) => h.entityId)))];
  const fingerprints = [...new Set(probes.flatMap((p) => (p === undefined ? [] : [p.fingerprint])))];
  const redressNumbers = [...new Set(probes.flatMap((p) => (p?.redressNumber === undefined ? [] : [p.redressNumber])))];
  const now = (options.now ?? (() => new Date()))().toISOString();
  const rows = await activeSuppressions(store.db.withTables<CaseTables>(), entityIds, fingerprints, redressNumbers, now);
  if (rows.length === 0) return items.map((item) => ({ ...item.result }));

  // The entity as this result saw it: the suppression holds only while it is unchanged.
  const hashAsScreened = async (entityId: string, versions: Readonly<Record<string, number>>): Promise<string | undefined> =>
    (await screenedContent(store, entityId, versions[sourceOf(entityId)])).hash ?? undefined;

  return Promise.all(
    items.map(async (item, index): Promise<SuppressedResult> => {
      const probe = probes[index];
      if (probe === undefined) return { ...item.result };
      const hits: MarkedHit[] = [];
      for (const hit of item.result.hits) {
        const found = pick(rows, hit.entityId, probe);
        if (found === undefined || found.row.content_hash !== (await hashAsScreened(hit.entityId, item.result.listVersions))) {
          hits.push(hit);
          continue;
        }
        const suppressed: HitSuppression = {
          decisionId: found.row.decision_id,
          suppressionId: found.row.id,
          since: found.row.created_at,
          reason: found.row.reason_code,
          via: found.via,
          ...(found.row.redress_number !== null ? { redressNumber: found.row.redress_number } : {}),
        };
        hits.push({ ...hit, suppressed });
      }
      const marked = { ...item.result, hits };
      return { ...marked, decision: decideFromHits(marked, options.thresholds) };
    }),
  );
}

/**
 * Redress: marks the hits a false-positive decision suppresses for this person and recomputes
 * the decision from the others. A suppression applies to the same listed entity and the same
 * person (the fingerprint of their identifying data, or their redress number with the same birth
 * date and a name in common) while the entity is unchanged since the decision, the suppression
 * has not expired, and it was neither revoked nor superseded. Hits stay in the result, marked
 * `suppressed: { decisionId, since, reason, ... }`, so the officer sees what was set aside.
 *
 * @example
 * const result = await applySuppressions(store, subject, engine.screen(subject, { posture, context }));
 * result.hits.filter((h) => h.suppressed === undefined); // what still needs a look
 */
export async function applySuppressions(
  store: Store,
  subject: Subject & { redressNumber?: string | undefined },
  result: EngineScreeningResult,
  options: SuppressionOptions = {},
): Promise<SuppressedResult> {
  const [applied] = await applySuppressionsMany(store, [{ subject, result }], options);
  return applied as SuppressedResult;
}
