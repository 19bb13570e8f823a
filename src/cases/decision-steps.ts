import type { Transaction } from 'kysely';
import { canonicalJson, VigilError } from '../domain/index.js';
import type { Database } from '../store/index.js';
import type { CaseTables } from './case-tables.js';
import type { CaseActor } from './case-types.js';
import type { ScreenedSubject } from './case-inputs.js';
import type { CaseRow, DecisionRow, HitRow } from './case-repository.js';
import { settle } from './case-status.js';
import { newEventId, newId } from './open-case.js';
import { newRedressNumber } from './redress-number.js';
import { sameCoreIdentity, subjectIdentity } from './subject-fingerprint.js';

type Trx = Transaction<Database & CaseTables>;

function changed(count: bigint | undefined): boolean {
  return Number(count ?? 0n) > 0;
}

/** Moves the hit's version on, or CONFLICT when someone else did first. */
export async function advanceHit(trx: Trx, hit: HitRow, set: { current_decision_id?: string; state: HitRow['state']; outcome?: string | null }, expectDecision?: string): Promise<void> {
  let update = trx
    .updateTable('case_hits')
    .set({ ...set, version: hit.version + 1 })
    .where('case_id', '=', hit.case_id)
    .where('entity_id', '=', hit.entity_id)
    .where('version', '=', hit.version);
  if (expectDecision !== undefined) update = update.where('current_decision_id', '=', expectDecision);
  const result = await update.executeTakeFirst();
  if (!changed(result.numUpdatedRows)) {
    throw new VigilError('CONFLICT', `hit ${hit.entity_id} of case ${hit.case_id} was decided meanwhile; read the case again`, { record: hit.case_id });
  }
}

export async function nextSeq(trx: Trx, hit: HitRow): Promise<number> {
  const last = await trx
    .selectFrom('case_decisions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('case_id', '=', hit.case_id)
    .where('entity_id', '=', hit.entity_id)
    .executeTakeFirst();
  return Number(last?.seq ?? 0) + 1;
}

/** Ends the suppression a superseded false-positive decision made, if it still runs. */
export async function endSuppressionOf(trx: Trx, decisionId: string, at: string, actor: CaseActor): Promise<string | undefined> {
  const suppression = await trx.selectFrom('suppressions').select('id').where('decision_id', '=', decisionId).executeTakeFirst();
  if (suppression === undefined) return undefined;
  const ended = await trx
    .insertInto('suppression_ends')
    .values({ suppression_id: suppression.id, reason: 'superseded', ended_at: at, ended_by: actor.id, note: null })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return changed(ended.numInsertedOrUpdatedRows) ? suppression.id : undefined;
}

async function redressNumberFor(trx: Trx, kase: CaseRow, decision: DecisionRow, actor: CaseActor, at: string): Promise<{ number: string; issued: boolean }> {
  const identity = subjectIdentity(JSON.parse(kase.subject_json) as ScreenedSubject);
  if (kase.redress_number !== null) {
    const presented = await trx.selectFrom('redress_numbers').selectAll().where('number', '=', kase.redress_number).executeTakeFirst();
    if (presented !== undefined && sameCoreIdentity({ nameKeys: JSON.parse(presented.name_keys_json) as string[], birthDate: presented.birth_date ?? undefined }, identity)) {
      return { number: presented.number, issued: false };
    }
  }
  const known = await trx.selectFrom('redress_numbers').select('number').where('fingerprint', '=', kase.fingerprint).orderBy('issued_at').executeTakeFirst();
  if (known !== undefined) return { number: known.number, issued: false };
  // Eleven random digits rarely collide; DO NOTHING keeps a PostgreSQL transaction usable if they do.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const number = newRedressNumber();
    const inserted = await trx
      .insertInto('redress_numbers')
      .values({
        number,
        fingerprint: kase.fingerprint,
        name_keys_json: JSON.stringify(identity.nameKeys),
        birth_date: identity.birthDate ?? null,
        org_id: kase.org_id,
        case_id: kase.id,
        decision_id: decision.id,
        issued_at: at,
        issued_by: actor.id,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (changed(inserted.numInsertedOrUpdatedRows)) return { number, issued: true };
  }
  throw new VigilError('STORE_FAILED', 'could not issue a unique redress number');
}

export interface SuppressionMade {
  suppressionId: string;
  redressNumber: string;
  redressIssued: boolean;
}

/**
 * A final false positive suppresses the hit for this person while the entity keeps the content
 * the case screened (its hash); without a known content there is nothing safe to key it to.
 */
export async function suppress(trx: Trx, kase: CaseRow, hit: HitRow, decision: DecisionRow, actor: CaseActor, at: string): Promise<SuppressionMade | undefined> {
  if (hit.content_hash === null) return undefined;
  const redress = await redressNumberFor(trx, kase, decision, actor, at);
  const identity = subjectIdentity(JSON.parse(kase.subject_json) as ScreenedSubject);
  const id = newId('sup');
  await trx
    .insertInto('suppressions')
    .values({
      id,
      entity_id: hit.entity_id,
      fingerprint: kase.fingerprint,
      redress_number: redress.number,
      name_keys_json: JSON.stringify(identity.nameKeys),
      birth_date: identity.birthDate ?? null,
      content_hash: hit.content_hash,
      decision_id: decision.id,
      case_id: kase.id,
      subject_id: kase.subject_id,
      org_id: kase.org_id,
      reason_code: decision.reason_code,
      created_at: at,
      created_by: decision.decided_by,
      expires_at: decision.suppression_expires_at,
    })
    .execute();
  return { suppressionId: id, redressNumber: redress.number, redressIssued: redress.issued };
}

/** Brings the case's status and outcome in line with its hits, recording a change of status. */
export async function settleCase(trx: Trx, caseId: string, actor: CaseActor, at: string): Promise<void> {
  const kase = await trx.selectFrom('cases').select(['status', 'decided_at', 'outcome']).where('id', '=', caseId).executeTakeFirstOrThrow();
  if (kase.status === 'closed') return;
  const hits = await trx.selectFrom('case_hits').select(['state', 'outcome']).where('case_id', '=', caseId).execute();
  const { settled, outcome } = settle(hits);
  const status = settled ? 'decided' : 'open';
  if (status === kase.status && (outcome ?? null) === kase.outcome) return;
  await trx
    .updateTable('cases')
    .set({
      status,
      outcome: outcome ?? null,
      // Once decided, a later screening of the same person opens a new case instead of joining this one.
      open_key: null,
      decided_at: settled ? at : kase.decided_at,
    })
    .where('id', '=', caseId)
    .execute();
  if (status !== kase.status) {
    await trx
      .insertInto('case_events')
      .values({ id: newEventId(), case_id: caseId, kind: settled ? 'decided' : 'reopened', actor_id: actor.id, at, details_json: canonicalJson(outcome !== undefined ? { outcome } : {}) })
      .execute();
  }
}
