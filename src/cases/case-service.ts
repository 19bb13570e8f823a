import type { AuditActor, AuditInput, AuditLog } from '../audit/index.js';
import { canonicalJson, VigilError, type Decision } from '../domain/index.js';
import { DEFAULT_THRESHOLDS } from '../matching/index.js';
import type { EngineScreeningResult } from '../screening/index.js';
import type { IdentityService } from '../sharing/index.js';
import type { Store } from '../store/index.js';
import { applySuppressionsMany } from './apply-suppressions.js';
import { canConfirm, canSeeCase, managesCases, seesEveryOrganisation, worksCases } from './case-access.js';
import {
  AssignInput,
  CaseFilter,
  CloseInput,
  ConfirmInput,
  DecisionInput,
  parseInput,
  parseInstant,
  RevokeInput,
  ScreenedSubject,
  SuppressionFilter,
} from './case-inputs.js';
import { CaseRepository, type CaseQuery, type CaseRow, type DecisionRow } from './case-repository.js';
import type { CaseDb, CaseTables } from './case-tables.js';
import type {
  AlertCaseInput,
  AlertCaseOutcome,
  CaseActor,
  CaseDetail,
  CasePage,
  CaseStats,
  DecisionResult,
  ReviewedResult,
  ReviewInput,
  SuppressionPage,
  SuppressionView,
} from './case-types.js';
import { toDetail, toSummary, toSuppressionView } from './case-views.js';
import { advanceHit, endSuppressionOf, nextSeq, settleCase, suppress, type SuppressionMade } from './decision-steps.js';
import type { Thresholds } from './decide-from-hits.js';
import { CaseOpenings, type CaseWrites } from './case-openings.js';
import { newEventId, newId, openCase, prepareCase, type OpenedCase } from './open-case.js';
import { failedOpening, openingRecords, withCaseIds, writeOpenings, type CaseOpening, type PreparedReview } from './screening-review.js';
import { priorityRank, type Priority } from './priority.js';
import { checkReason, REASON_CODES, type Outcome, type ReasonCode } from './reason-codes.js';

export interface CaseServiceOptions {
  audit: Pick<AuditLog, 'append'>;
  /** The clock for ages, expiry and time stamps; tests pin it. */
  now?: () => Date;
  /** Resolves owners named in an assignment; without it an owner id is taken as given. */
  directory?: Pick<IdentityService, 'findUser'>;
  /** Outcomes that need a second person with the supervisor role. Default: true_match. */
  fourEyes?: readonly Outcome[];
  /** Days a false-positive suppression runs unless the decision says otherwise; 0: no expiry. Default 365. */
  suppressionDays?: number;
  /** Thresholds of results screened without a posture (an engine opened with its own). */
  thresholds?: Thresholds;
  /** Where screenings' case openings are written; default transactions on `store` shared between requests. */
  caseWrites?: CaseWrites;
}

/**
 * Adjudication: cases opened from screenings and alerts that are not clear, per-hit decisions
 * with four-eyes confirmation of true matches, redress suppressions and redress numbers. Every
 * read and every change is audited here, so the HTTP API and the CLI audit alike.
 */
export interface CaseService {
  /** Applies redress to screening results and opens (or joins) a case for each that stays not clear. */
  review(input: ReviewInput): Promise<ReviewedResult[]>;
  /**
   * `review` up to the writes: redress applied, and each result that is not clear with its case
   * prepared and the record of its opening, for a writer elsewhere (a server's write thread) to
   * commit together with the screening's other writes (screening-review.ts).
   */
  prepareReview(input: ReviewInput): Promise<PreparedReview>;
  openFromAlert(input: AlertCaseInput): Promise<AlertCaseOutcome>;
  list(actor: CaseActor, filter?: CaseFilter, options?: { purpose?: string }): Promise<CasePage>;
  /** STORE_NOT_FOUND for an unknown case or one of another organisation. */
  get(actor: CaseActor, id: string, options?: { purpose?: string }): Promise<CaseDetail>;
  assign(actor: CaseActor, id: string, input: AssignInput): Promise<CaseDetail>;
  /** Proposes (true match) or records a decision on one hit; a new one supersedes the one before. */
  decide(actor: CaseActor, caseId: string, entityId: string, input: DecisionInput): Promise<DecisionResult>;
  /** FORBIDDEN for a non-supervisor or the proposer; CONFLICT when it needs no confirmation, is superseded or confirmed. */
  confirm(actor: CaseActor, caseId: string, entityId: string, decisionId: string, input?: ConfirmInput): Promise<DecisionResult>;
  close(actor: CaseActor, id: string, input?: CloseInput): Promise<CaseDetail>;
  stats(actor: CaseActor, options?: { orgId?: string }): Promise<CaseStats>;
  listSuppressions(actor: CaseActor, filter?: SuppressionFilter): Promise<SuppressionPage>;
  revokeSuppression(actor: CaseActor, id: string, input?: { note?: string }): Promise<SuppressionView>;
  reasonCodes(): readonly ReasonCode[];
}

const VETTING: AuditActor = { kind: 'system', id: 'vetting' };
const DAY_MS = 86_400_000;

function auditActor(actor: CaseActor): AuditActor {
  return { kind: actor.kind, id: actor.id, ...(actor.orgId !== undefined ? { orgId: actor.orgId } : {}) };
}

/** The audit record of a change to a case, by a person, a key or the system. */
function caseRecord(actor: AuditActor | CaseActor, action: string, subjectId: string, entityIds: string[], decision: string | undefined, details: Record<string, unknown>): AuditInput {
  return {
    actor: 'roles' in actor ? auditActor(actor) : actor,
    action,
    subjectIds: [subjectId],
    ...(entityIds.length > 0 ? { entityIds } : {}),
    outcome: 'ok',
    ...(decision !== undefined ? { decision } : {}),
    details,
  };
}

function subjectOf(row: CaseRow): ScreenedSubject {
  return JSON.parse(row.subject_json) as ScreenedSubject;
}

class SqlCaseService implements CaseService {
  private readonly db: CaseDb;
  private readonly repo: CaseRepository;
  private readonly now: () => Date;
  private readonly fourEyes: ReadonlySet<Outcome>;
  private readonly suppressionDays: number;
  private readonly caseWrites: CaseWrites;

  constructor(
    private readonly store: Store,
    private readonly options: CaseServiceOptions,
  ) {
    this.db = store.db.withTables<CaseTables>();
    this.repo = new CaseRepository(this.db);
    this.now = options.now ?? (() => new Date());
    this.fourEyes = new Set(options.fourEyes ?? ['true_match']);
    this.suppressionDays = options.suppressionDays ?? 365;
    this.caseWrites = options.caseWrites ?? new CaseOpenings(this.db);
  }

  // ---- opening cases -------------------------------------------------------------------------

  async review(input: ReviewInput): Promise<ReviewedResult[]> {
    const { results, openings } = await this.prepareReview(input);
    // The openings share transactions with those of other requests (CaseOpenings), and are
    // committed before the answer; every case that was opened is audited, even when another
    // of the batch failed.
    const settled = await writeOpenings(this.caseWrites, openings);
    await Promise.all(openingRecords(openings, settled).map((record) => this.options.audit.append(record)));
    const failed = failedOpening(settled);
    if (failed !== undefined) throw failed.reason;
    return withCaseIds(results, openings, settled.map((outcome) => (outcome as PromiseFulfilledResult<OpenedCase>).value));
  }

  async prepareReview(input: ReviewInput): Promise<PreparedReview> {
    const results = await applySuppressionsMany(this.store, input.items, { now: this.now, ...(this.options.thresholds !== undefined ? { thresholds: this.options.thresholds } : {}) });
    const at = this.now().toISOString();
    const openings = await Promise.all(
      results.map(async (result, index): Promise<CaseOpening | undefined> => {
        const decision = result.decision;
        if (decision === 'clear') return undefined;
        const subject = input.items[index]?.subject as ScreenedSubject;
        const prepared = await prepareCase(this.store, { source: 'screening', orgId: input.actor.orgId, openedBy: input.actor.id, subject, result: { ...result, decision }, channel: input.context?.channel, port: input.context?.port }, at);
        const live = result.hits.filter((h) => h.suppressed === undefined).map((h) => h.entityId);
        return { index, prepared, audit: caseRecord(input.actor, 'case.open', subject.id, live, decision, { source: 'screening' }) };
      }),
    );
    return { results, openings: openings.filter((opening): opening is CaseOpening => opening !== undefined) };
  }

  async openFromAlert(raw: AlertCaseInput): Promise<AlertCaseOutcome> {
    // Plain data from another capability: its subject is checked like a screening request's.
    const input: AlertCaseInput = { ...raw, subject: parseInput(ScreenedSubject, raw.subject) };
    const thresholds = this.options.thresholds ?? DEFAULT_THRESHOLDS;
    const decision: Decision = input.decision ?? (input.score >= thresholds.match ? 'match' : input.score >= thresholds.review ? 'review' : 'clear');
    if (decision === 'clear') return { status: 'clear' };
    const needsEntity = input.caption === undefined || input.contentHash === undefined || input.listVersions === undefined;
    const stored = needsEntity ? await this.store.getEntity(input.entityId) : undefined;
    const source = input.entityId.slice(0, input.entityId.indexOf(':'));
    const listVersions = input.listVersions ?? (stored !== undefined ? { [source]: stored.version } : {});
    const caption = input.caption ?? stored?.entity.caption ?? input.entityId;
    const hit = { entityId: input.entityId, score: input.score, caption, matchedName: input.matchedName ?? caption, explanation: input.explanation };
    const result: EngineScreeningResult = { id: input.subject.id, decision, hits: [hit], listVersions };
    const [applied] = await applySuppressionsMany(this.store, [{ subject: input.subject, result }], { now: this.now });
    const marked = applied?.hits[0]?.suppressed;
    if (marked !== undefined) return { status: 'suppressed', suppressed: marked };
    const contentHash = input.contentHash ?? stored?.contentHash;
    const actor = input.actor ?? VETTING;
    const opened = await openCase(
      this.db,
      this.store,
      {
        source: 'alert',
        orgId: input.orgId,
        openedBy: actor.id,
        subject: input.subject,
        result: { ...result, decision },
        alertId: input.alertId,
        ...(contentHash !== undefined ? { knownHashes: new Map([[input.entityId, contentHash]]) } : {}),
      },
      this.now().toISOString(),
    );
    if (opened.created) await this.audited(actor, 'case.open', input.subject.id, [input.entityId], decision, { caseId: opened.caseId, source: 'alert', alertId: input.alertId });
    return { status: opened.created ? 'opened' : 'existing', caseId: opened.caseId };
  }

  // ---- reading -------------------------------------------------------------------------------

  async list(actor: CaseActor, raw: CaseFilter = {}, options: { purpose?: string } = {}): Promise<CasePage> {
    await this.requireStaff(actor, 'case.list');
    const filter = parseInput(CaseFilter, raw);
    const now = this.now();
    const query: CaseQuery = {
      limit: filter.limit,
      offset: filter.offset,
      ...(await this.scope(actor, filter.orgId, 'case.list')),
      ...(filter.status !== undefined ? { status: filter.status } : {}),
      ...(filter.decision !== undefined ? { decision: filter.decision } : {}),
      ...(filter.outcome !== undefined ? { outcome: filter.outcome } : {}),
      ...(filter.channel !== undefined ? { channel: filter.channel } : {}),
      ...(filter.port !== undefined ? { port: filter.port } : {}),
      ...(filter.owner !== undefined ? { owner: filter.owner === 'none' ? null : filter.owner === 'me' ? actor.id : filter.owner } : {}),
      ...(filter.priority !== undefined ? { priority: filter.priority } : {}),
      ...(filter.source !== undefined ? { source: filter.source } : {}),
      ...(filter.awaitingConfirmation !== undefined ? { awaitingConfirmation: filter.awaitingConfirmation === 'true' } : {}),
      ...(filter.subjectId !== undefined ? { subjectId: filter.subjectId } : {}),
      ...(filter.minAgeHours !== undefined ? { openedBefore: new Date(now.getTime() - filter.minAgeHours * 3_600_000).toISOString() } : {}),
      ...(filter.maxAgeHours !== undefined ? { openedAfter: new Date(now.getTime() - filter.maxAgeHours * 3_600_000).toISOString() } : {}),
    };
    const { rows, total, awaiting } = await this.repo.listCases(query);
    const cases = rows.map((row) => toSummary(row, awaiting.get(row.id) ?? 0, now));
    await this.options.audit.append({
      actor: auditActor(actor),
      action: 'case.list',
      subjectIds: [...new Set(cases.map((c) => c.subject.id))],
      ...(options.purpose !== undefined ? { purpose: options.purpose } : {}),
      outcome: 'ok',
      details: { caseIds: cases.map((c) => c.id).slice(0, 50), shown: cases.length, total },
    });
    return { cases, total, limit: filter.limit, offset: filter.offset };
  }

  async get(actor: CaseActor, id: string, options: { purpose?: string } = {}): Promise<CaseDetail> {
    const row = await this.visibleCase(actor, id, 'case.read');
    const detail = toDetail(await this.repo.detailParts(row), this.now());
    await this.options.audit.append({
      actor: auditActor(actor),
      action: 'case.read',
      subjectIds: [detail.subject.id],
      entityIds: detail.hits.map((h) => h.entityId),
      ...(options.purpose !== undefined ? { purpose: options.purpose } : {}),
      outcome: 'ok',
      details: { caseId: id },
    });
    return detail;
  }

  async stats(actor: CaseActor, options: { orgId?: string } = {}): Promise<CaseStats> {
    await this.requireStaff(actor, 'case.stats');
    const scope = await this.scope(actor, options.orgId, 'case.stats');
    return this.repo.stats(scope.orgId, this.now());
  }

  reasonCodes(): readonly ReasonCode[] {
    return REASON_CODES;
  }

  // ---- working a case --------------------------------------------------------------------------

  async assign(actor: CaseActor, id: string, raw: AssignInput): Promise<CaseDetail> {
    const input = parseInput(AssignInput, raw);
    const row = await this.visibleCase(actor, id, 'case.assign');
    if (row.status === 'closed') throw new VigilError('CONFLICT', `case ${id} is closed`, { record: id });
    const at = this.now().toISOString();
    const changes: Record<string, unknown> = {};
    let owner = row.owner_id;
    if (input.owner !== undefined) {
      owner = input.owner === null ? null : await this.resolveOwner(actor, row, input.owner === 'me' ? actor.id : input.owner);
      const releasingOther = owner === null && row.owner_id !== null && row.owner_id !== actor.id;
      if ((owner !== null && owner !== actor.id) || releasingOther) {
        if (!managesCases(actor)) await this.deny(actor, 'case.assign', id, 'officers and analysts take cases or release their own; supervisors assign them to others');
      }
      if (owner !== row.owner_id) changes['owner'] = { from: row.owner_id, to: owner };
    }
    const priority = input.priority ?? row.priority;
    if (priority !== row.priority) changes['priority'] = { from: row.priority, to: priority };
    if (Object.keys(changes).length > 0) {
      await this.db.transaction().execute(async (trx) => {
        await trx.updateTable('cases').set({ owner_id: owner, priority, priority_rank: priorityRank(priority as Priority) }).where('id', '=', id).execute();
        for (const [kind, details] of Object.entries(changes)) {
          await trx.insertInto('case_events').values({ id: newEventId(), case_id: id, kind: kind === 'owner' ? 'assigned' : 'priority', actor_id: actor.id, at, details_json: canonicalJson(details) }).execute();
        }
      });
      await this.audited(actor, 'case.assign', subjectOf(row).id, [], undefined, { caseId: id, ...changes });
    }
    return this.detailOf(id);
  }

  async decide(actor: CaseActor, caseId: string, entityId: string, raw: DecisionInput): Promise<DecisionResult> {
    await this.requireStaff(actor, 'case.decide');
    const input = parseInput(DecisionInput, raw);
    checkReason(input.outcome, input.reasonCode, input.note);
    const now = this.now();
    const expiresAt = this.suppressionExpiry(input, now);
    const row = await this.visibleCase(actor, caseId, 'case.decide');
    if (row.status === 'closed') throw new VigilError('CONFLICT', `case ${caseId} is closed: decisions on it can no longer change`, { record: caseId });
    const hit = await this.repo.findHit(caseId, entityId);
    if (hit === undefined) throw new VigilError('STORE_NOT_FOUND', `case ${caseId} has no hit on ${entityId}`, { record: entityId });
    const needsConfirmation = this.fourEyes.has(input.outcome);
    const at = now.toISOString();
    const decision: DecisionRow = {
      id: newId('dec'),
      case_id: caseId,
      entity_id: entityId,
      seq: 0,
      outcome: input.outcome,
      reason_code: input.reasonCode,
      note: input.note ?? null,
      needs_confirmation: needsConfirmation ? 1 : 0,
      suppression_expires_at: expiresAt ?? null,
      supersedes: hit.current_decision_id,
      decided_by: actor.id,
      decided_by_kind: actor.kind,
      decided_by_org: actor.orgId ?? null,
      decided_at: at,
    };
    let made: SuppressionMade | undefined;
    let ended: string | undefined;
    await this.db.transaction().execute(async (trx) => {
      // The version check comes first: of two people deciding at once, the second waits on the
      // hit's row and then gets CONFLICT, before it could take the same decision number.
      await advanceHit(trx, hit, { current_decision_id: decision.id, state: needsConfirmation ? 'proposed' : 'final', outcome: input.outcome });
      decision.seq = await nextSeq(trx, hit);
      await trx.insertInto('case_decisions').values(decision).execute();
      if (hit.current_decision_id !== null) ended = await endSuppressionOf(trx, hit.current_decision_id, at, actor);
      if (!needsConfirmation && input.outcome === 'false_positive') made = await suppress(trx, row, hit, decision, actor, at);
      await settleCase(trx, caseId, actor, at);
    });
    await this.audited(actor, 'case.decide', subjectOf(row).id, [entityId], input.outcome, {
      caseId,
      decisionId: decision.id,
      reasonCode: input.reasonCode,
      state: needsConfirmation ? 'proposed' : 'final',
      supersedes: hit.current_decision_id,
      ...(ended !== undefined ? { suppressionEnded: ended } : {}),
      ...this.suppressionFacts(made),
    });
    return this.decisionResult(caseId, decision.id, made);
  }

  async confirm(actor: CaseActor, caseId: string, entityId: string, decisionId: string, raw: ConfirmInput = {}): Promise<DecisionResult> {
    if (!canConfirm(actor)) await this.deny(actor, 'case.confirm', caseId, 'confirming a decision needs the supervisor role');
    const input = parseInput(ConfirmInput, raw);
    const row = await this.visibleCase(actor, caseId, 'case.confirm');
    if (row.status === 'closed') throw new VigilError('CONFLICT', `case ${caseId} is closed`, { record: caseId });
    const decision = await this.repo.findDecision(decisionId);
    if (decision === undefined || decision.case_id !== caseId || decision.entity_id !== entityId) {
      throw new VigilError('STORE_NOT_FOUND', `case ${caseId} has no decision ${decisionId} on ${entityId}`, { record: decisionId });
    }
    if (decision.needs_confirmation !== 1) throw new VigilError('CONFLICT', `decision ${decisionId} (${decision.outcome}) needs no confirmation`, { record: decisionId });
    if (decision.decided_by === actor.id) {
      await this.deny(actor, 'case.confirm', caseId, `the proposer of decision ${decisionId} cannot confirm it: a second supervisor must`, { decisionId });
    }
    const hit = await this.repo.findHit(caseId, entityId);
    if (hit === undefined || hit.current_decision_id !== decisionId) throw new VigilError('CONFLICT', `decision ${decisionId} was superseded; confirm the current one`, { record: decisionId });
    if (hit.state === 'final') throw new VigilError('CONFLICT', `decision ${decisionId} is already confirmed`, { record: decisionId });
    const at = this.now().toISOString();
    let made: SuppressionMade | undefined;
    await this.db.transaction().execute(async (trx) => {
      await advanceHit(trx, hit, { state: 'final' }, decisionId);
      await trx
        .insertInto('case_decision_confirmations')
        .values({ decision_id: decisionId, confirmed_by: actor.id, confirmed_by_kind: actor.kind, confirmed_by_org: actor.orgId ?? null, confirmed_at: at, note: input.note ?? null })
        .execute();
      if (decision.outcome === 'false_positive') made = await suppress(trx, row, hit, decision, actor, at);
      await settleCase(trx, caseId, actor, at);
    });
    await this.audited(actor, 'case.confirm', subjectOf(row).id, [entityId], decision.outcome, { caseId, decisionId, proposedBy: decision.decided_by, ...this.suppressionFacts(made) });
    return this.decisionResult(caseId, decisionId, made);
  }

  async close(actor: CaseActor, id: string, raw: CloseInput = {}): Promise<CaseDetail> {
    const input = parseInput(CloseInput, raw);
    const row = await this.visibleCase(actor, id, 'case.close');
    if (row.status === 'closed') throw new VigilError('CONFLICT', `case ${id} is already closed`, { record: id });
    const parts = await this.repo.detailParts(row);
    if (parts.hits.some((h) => h.state === 'proposed')) throw new VigilError('CONFLICT', `case ${id} has a decision awaiting a supervisor's confirmation`, { record: id });
    if (parts.hits.some((h) => h.state === 'undecided')) throw new VigilError('CONFLICT', `case ${id} has hits without a decision; decide each first`, { record: id });
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const closed = await trx
        .updateTable('cases')
        .set({ status: 'closed', closed_at: at, closed_by: actor.id, close_note: input.note ?? null, open_key: null, decided_at: row.decided_at ?? at })
        .where('id', '=', id)
        .where('status', '!=', 'closed')
        .executeTakeFirst();
      if (Number(closed.numUpdatedRows) === 0) throw new VigilError('CONFLICT', `case ${id} was closed meanwhile`, { record: id });
      await trx.insertInto('case_events').values({ id: newEventId(), case_id: id, kind: 'closed', actor_id: actor.id, at, details_json: '{}' }).execute();
    });
    await this.audited(actor, 'case.close', subjectOf(row).id, [], row.outcome ?? undefined, { caseId: id });
    return this.detailOf(id);
  }

  // ---- suppressions -----------------------------------------------------------------------------

  async listSuppressions(actor: CaseActor, raw: SuppressionFilter = {}): Promise<SuppressionPage> {
    await this.requireStaff(actor, 'suppression.list');
    const filter = parseInput(SuppressionFilter, raw);
    const now = this.now().toISOString();
    const { rows, total } = await this.repo.listSuppressions({
      ...(await this.scope(actor, filter.orgId, 'suppression.list')),
      status: filter.status,
      now,
      limit: filter.limit,
      offset: filter.offset,
      ...(filter.entityId !== undefined ? { entityId: filter.entityId } : {}),
      ...(filter.caseId !== undefined ? { caseId: filter.caseId } : {}),
      ...(filter.redressNumber !== undefined ? { redressNumber: filter.redressNumber } : {}),
    });
    const suppressions = await Promise.all(rows.map(async ({ row, end }) => toSuppressionView(row, end, (await this.store.getEntity(row.entity_id))?.contentHash, now)));
    await this.options.audit.append({
      actor: auditActor(actor),
      action: 'suppression.list',
      subjectIds: [...new Set(suppressions.map((s) => s.subjectId))],
      entityIds: [...new Set(suppressions.map((s) => s.entityId))],
      outcome: 'ok',
      details: { shown: suppressions.length, total },
    });
    return { suppressions, total, limit: filter.limit, offset: filter.offset };
  }

  async revokeSuppression(actor: CaseActor, id: string, raw: RevokeInput = {}): Promise<SuppressionView> {
    if (!managesCases(actor)) await this.deny(actor, 'suppression.revoke', undefined, 'revoking a suppression needs the supervisor or admin role', { suppressionId: id });
    const input = parseInput(RevokeInput, raw);
    const row = await this.repo.findSuppression(id);
    if (row === undefined || !canSeeCase(actor, row.org_id)) throw new VigilError('STORE_NOT_FOUND', `no suppression ${id}`, { record: id });
    const at = this.now().toISOString();
    const ended = await this.db
      .insertInto('suppression_ends')
      .values({ suppression_id: id, reason: 'revoked', ended_at: at, ended_by: actor.id, note: input.note ?? null })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(ended.numInsertedOrUpdatedRows ?? 0n) === 0) throw new VigilError('CONFLICT', `suppression ${id} has already ended`, { record: id });
    await this.audited(actor, 'suppression.revoke', row.subject_id, [row.entity_id], undefined, { suppressionId: id, caseId: row.case_id, decisionId: row.decision_id });
    return toSuppressionView(row, await this.repo.findSuppressionEnd(id), (await this.store.getEntity(row.entity_id))?.contentHash, at);
  }

  // ---- helpers ------------------------------------------------------------------------------------

  private suppressionExpiry(input: DecisionInput, now: Date): string | undefined {
    if (input.suppressionExpiresAt !== undefined) {
      if (input.outcome !== 'false_positive') throw new VigilError('INVALID_INPUT', 'only a false positive has a suppression to expire', { field: 'suppressionExpiresAt' });
      const at = parseInstant(input.suppressionExpiresAt, 'suppressionExpiresAt');
      if (at <= now.toISOString()) throw new VigilError('INVALID_INPUT', 'suppressionExpiresAt must be in the future', { field: 'suppressionExpiresAt' });
      return at;
    }
    if (input.outcome !== 'false_positive' || this.suppressionDays <= 0) return undefined;
    return new Date(now.getTime() + this.suppressionDays * DAY_MS).toISOString();
  }

  private suppressionFacts(made: SuppressionMade | undefined): Record<string, unknown> {
    return made === undefined ? {} : { suppressionId: made.suppressionId, redressIssued: made.redressIssued };
  }

  private async decisionResult(caseId: string, decisionId: string, made: SuppressionMade | undefined): Promise<DecisionResult> {
    const detail = await this.detailOf(caseId);
    const decision = detail.hits.flatMap((h) => h.history).find((d) => d.id === decisionId);
    if (decision === undefined) throw new VigilError('INTERNAL', `decision ${decisionId} was recorded but cannot be read back`);
    return { decision, case: detail, ...(made?.redressIssued === true ? { redressNumberIssued: made.redressNumber } : {}) };
  }

  private async detailOf(id: string): Promise<CaseDetail> {
    const row = await this.repo.findCase(id);
    if (row === undefined) throw new VigilError('STORE_NOT_FOUND', `no case ${id}`, { record: id });
    return toDetail(await this.repo.detailParts(row), this.now());
  }

  private async resolveOwner(actor: CaseActor, row: CaseRow, owner: string): Promise<string> {
    if (owner === actor.id || this.options.directory === undefined) return owner;
    const user = await this.options.directory.findUser(owner);
    if (user === undefined || user.disabledAt !== undefined || user.orgId !== row.org_id) {
      throw new VigilError('INVALID_INPUT', `no active user "${owner}" in the case's organisation`, { field: 'owner' });
    }
    if (!user.roles.some((role) => role !== 'partner' && role !== 'admin')) {
      throw new VigilError('INVALID_INPUT', `user "${owner}" does not work cases (officer, analyst or supervisor)`, { field: 'owner' });
    }
    return user.id;
  }

  /** Which organisation a query covers: the caller's own, or for an admin any one or all. */
  private async scope(actor: CaseActor, orgId: string | undefined, action: string): Promise<{ orgId?: string }> {
    if (seesEveryOrganisation(actor)) return orgId !== undefined ? { orgId } : {};
    if (orgId !== undefined && orgId !== actor.orgId) await this.deny(actor, action, undefined, 'only admins read other organisations’ cases', { orgId });
    if (actor.orgId === undefined) await this.deny(actor, action, undefined, 'the caller belongs to no organisation');
    return { orgId: actor.orgId as string };
  }

  private async requireStaff(actor: CaseActor, action: string): Promise<void> {
    if (!worksCases(actor)) await this.deny(actor, action, undefined, 'cases are worked by officers, analysts, supervisors and admins');
  }

  /** The case, when the actor may see it; an unknown case and one of another organisation look the same. */
  private async visibleCase(actor: CaseActor, id: string, action: string): Promise<CaseRow> {
    await this.requireStaff(actor, action);
    const row = await this.repo.findCase(id);
    if (row !== undefined && !canSeeCase(actor, row.org_id)) {
      await this.options.audit.append({ actor: auditActor(actor), action, outcome: 'denied', details: { caseId: id, reason: 'another organisation’s case' } });
    }
    if (row === undefined || !canSeeCase(actor, row.org_id)) throw new VigilError('STORE_NOT_FOUND', `no case ${id}`, { record: id });
    return row;
  }

  private async audited(actor: AuditActor | CaseActor, action: string, subjectId: string, entityIds: string[], decision: string | undefined, details: Record<string, unknown>): Promise<void> {
    await this.options.audit.append(caseRecord(actor, action, subjectId, entityIds, decision, details));
  }

  /** Records the refusal, then refuses. */
  private async deny(actor: CaseActor, action: string, caseId: string | undefined, message: string, extra: Record<string, unknown> = {}): Promise<never> {
    await this.options.audit.append({ actor: auditActor(actor), action, outcome: 'denied', details: { ...(caseId !== undefined ? { caseId } : {}), reason: message, ...extra } });
    throw new VigilError('FORBIDDEN', message, { ...(caseId !== undefined ? { record: caseId } : {}) });
  }
}

/**
 * The case service over the store's case tables (migration 0006-cases).
 *
 * @example
 * const cases = createCaseService(store, { audit });
 * const [result] = await cases.review({ actor: principal, context: { channel, port }, items: [{ subject, result: engine.screen(subject) }] });
 * if (result.caseId !== undefined) await cases.get(principal, result.caseId);
 */
export function createCaseService(store: Store, options: CaseServiceOptions): CaseService {
  return new SqlCaseService(store, options);
}

