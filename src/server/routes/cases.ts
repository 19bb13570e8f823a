import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssignInput,
  CASE_MANAGERS,
  CASE_STAFF,
  CaseFilter,
  CloseInput,
  CONFIRMERS,
  ConfirmInput,
  createCaseService,
  DecisionInput,
  HitSuppressionSchema,
  OUTCOMES,
  PRIORITIES,
  RevokeInput,
  SuppressionFilter,
  type CaseService,
} from '../../cases/index.js';
import { VigilError } from '../../domain/index.js';
import type { Principal } from '../../sharing/index.js';
import type { RouteDeps } from '../route-deps.js';
import { errorResponses } from '../schemas.js';

/** What the plugin may be given; without a case service it makes its own over the store. */
export interface CaseRouteOptions extends RouteDeps {
  cases?: CaseService;
}

const Outcome = z.enum(OUTCOMES);
const Priority = z.enum(PRIORITIES);

const SubjectView = z.object({
  id: z.string(),
  schema: z.string().optional(),
  name: z.union([z.string(), z.array(z.string())]),
  birthDate: z.string().optional(),
  nationality: z.string().optional(),
  gender: z.string().optional(),
  documents: z.array(z.object({ type: z.string(), number: z.string(), country: z.string().optional() })).optional(),
  redressNumber: z.string().optional(),
});

const CaseSummary = z
  .object({
    id: z.string(),
    orgId: z.string(),
    source: z.enum(['screening', 'alert']),
    alertId: z.string().optional(),
    status: z.enum(['open', 'decided', 'closed']),
    decision: z.enum(['review', 'match']).describe('What screening (or the alert) said.'),
    outcome: Outcome.optional().describe('What people decided, once every hit is decided.'),
    priority: Priority,
    owner: z.string().optional(),
    openedAt: z.string(),
    openedBy: z.string(),
    ageSeconds: z.number().int(),
    decidedAt: z.string().optional(),
    closedAt: z.string().optional(),
    subject: SubjectView,
    channel: z.string().optional(),
    port: z.string().optional(),
    hitCount: z.number().int(),
    topScore: z.number(),
    awaitingConfirmation: z.number().int().describe('Hits whose true match awaits a supervisor.'),
  })
  .meta({ id: 'CaseSummary' });

const DecisionView = z
  .object({
    id: z.string(),
    caseId: z.string(),
    entityId: z.string(),
    seq: z.number().int(),
    outcome: Outcome,
    reasonCode: z.string(),
    note: z.string().optional(),
    decidedBy: z.string(),
    decidedAt: z.string(),
    supersedes: z.string().optional(),
    supersededBy: z.string().optional(),
    state: z.enum(['proposed', 'confirmed', 'final', 'superseded']),
    needsConfirmation: z.boolean(),
    confirmedBy: z.string().optional(),
    confirmedAt: z.string().optional(),
    confirmationNote: z.string().optional(),
    suppressionExpiresAt: z.string().optional(),
  })
  .meta({ id: 'CaseDecision' });

const CaseHit = z
  .object({
    entityId: z.string(),
    caption: z.string(),
    matchedName: z.string(),
    score: z.number(),
    explanation: z.record(z.string(), z.unknown()),
    contentHash: z.string().optional(),
    listVersion: z.number().int().optional(),
    suppressed: HitSuppressionSchema.optional(),
    state: z.enum(['undecided', 'proposed', 'final', 'suppressed']),
    outcome: Outcome.optional(),
    decision: DecisionView.optional(),
    history: z.array(DecisionView),
  })
  .meta({ id: 'CaseHit' });

const CaseDetail = CaseSummary.extend({
  posture: z.record(z.string(), z.unknown()).optional(),
  listVersions: z.record(z.string(), z.number().int()),
  hits: z.array(CaseHit),
  events: z.array(z.object({ kind: z.string(), actorId: z.string(), at: z.string(), details: z.record(z.string(), z.unknown()) })),
  redress: z.object({ presented: z.string().optional(), issued: z.string().optional() }),
  closedBy: z.string().optional(),
  closeNote: z.string().optional(),
}).meta({ id: 'CaseDetail' });

const DecisionResult = z
  .object({ decision: DecisionView, case: CaseDetail, redressNumberIssued: z.string().optional().describe('Tell the traveller: they present it at their next crossing.') })
  .meta({ id: 'CaseDecisionResult' });

const SuppressionView = z
  .object({
    id: z.string(),
    entityId: z.string(),
    caseId: z.string(),
    decisionId: z.string(),
    subjectId: z.string(),
    orgId: z.string(),
    reasonCode: z.string(),
    redressNumber: z.string().optional(),
    createdAt: z.string(),
    createdBy: z.string(),
    expiresAt: z.string().optional(),
    status: z.enum(['active', 'expired', 'revoked', 'superseded', 'lapsed']).describe('`lapsed`: the listed entity changed since the decision, so the hit is back.'),
    contentHash: z.string(),
    currentContentHash: z.string().optional(),
    endedAt: z.string().optional(),
    endedBy: z.string().optional(),
    endNote: z.string().optional(),
  })
  .meta({ id: 'Suppression' });

const CaseStats = z
  .object({
    byStatus: z.object({ open: z.number().int(), decided: z.number().int(), closed: z.number().int() }),
    openByPriority: z.record(Priority, z.number().int()),
    ageing: z.array(z.object({ bucket: z.string(), count: z.number().int() })),
    awaitingConfirmation: z.number().int(),
    unassigned: z.number().int(),
    decidedToday: z.number().int(),
    decisionsToday: z.number().int(),
  })
  .meta({ id: 'CaseStats' });

const ReasonCodeView = z.object({ code: z.string(), outcomes: z.array(Outcome), description: z.string(), noteRequired: z.boolean().optional() }).meta({ id: 'ReasonCode' });

const CaseParams = z.object({ id: z.string().min(1).max(100) });
const HitParams = CaseParams.extend({ entityId: z.string().min(1).max(300) });
const ConfirmParams = HitParams.extend({ decisionId: z.string().min(1).max(100) });
const Purpose = z.string().min(1).max(256).optional().describe('Why the record is read, kept in the audit trail.');

function requirePrincipal(request: FastifyRequest): Principal {
  const principal = request.principal;
  if (principal === undefined) throw new VigilError('AUTH_REQUIRED', 'credentials are required');
  // The case service writes this request's audit records (reads, changes and refusals).
  request.audited = true;
  return principal;
}

/**
 * Adjudication: the case queue, per-hit decisions with four-eyes confirmation of true matches,
 * and redress suppressions. Staff see their own organisation's cases, admins everyone's,
 * partners none; every read and change is audited by the case service.
 */
export const caseRoutes: FastifyPluginAsyncZod<CaseRouteOptions> = async (app, deps) => {
  const cases = deps.cases ?? createCaseService(deps.store, { audit: deps.audit, directory: deps.identity });

  app.get('/v1/cases', {
    config: { roles: CASE_STAFF, action: 'case.list', audit: 'always' },
    schema: {
      summary: 'The case queue',
      description: 'Most urgent first, then oldest. `owner` takes a user id, `me` or `none`.',
      tags: ['cases'],
      querystring: CaseFilter.extend({ purpose: Purpose }),
      response: { 200: z.object({ cases: z.array(CaseSummary), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }), ...errorResponses() },
    },
    handler: async (request) => {
      const { purpose, ...filter } = request.query;
      return cases.list(requirePrincipal(request), filter, purpose !== undefined ? { purpose } : {});
    },
  });

  app.get('/v1/cases/stats', {
    config: { roles: CASE_STAFF, action: 'case.stats' },
    schema: {
      summary: 'Queue sizes, ageing and throughput',
      tags: ['cases'],
      querystring: z.object({ orgId: z.string().min(1).max(200).optional().describe('Admins only.') }).strict(),
      response: { 200: CaseStats, ...errorResponses() },
    },
    handler: async (request) => cases.stats(requirePrincipal(request), request.query.orgId !== undefined ? { orgId: request.query.orgId } : {}),
  });

  app.get('/v1/cases/reason-codes', {
    config: { roles: CASE_STAFF, action: 'case.reason-codes' },
    schema: { summary: 'The reason codes a decision may give', tags: ['cases'], response: { 200: z.object({ reasonCodes: z.array(ReasonCodeView) }), ...errorResponses() } },
    handler: async () => ({ reasonCodes: cases.reasonCodes().map((r) => ({ ...r, outcomes: [...r.outcomes] })) }),
  });

  app.get('/v1/cases/:id', {
    config: { roles: CASE_STAFF, action: 'case.read', audit: 'always' },
    schema: {
      summary: 'One case with its hits, decisions and history',
      tags: ['cases'],
      params: CaseParams,
      querystring: z.object({ purpose: Purpose }).strict(),
      response: { 200: CaseDetail, ...errorResponses(404) },
    },
    handler: async (request) => cases.get(requirePrincipal(request), request.params.id, request.query.purpose !== undefined ? { purpose: request.query.purpose } : {}),
  });

  app.post('/v1/cases/:id/assign', {
    config: { roles: CASE_STAFF, action: 'case.assign' },
    schema: {
      summary: 'Take, release or assign a case; adjust its priority',
      description: 'Officers and analysts take a case (`owner: "me"`) or release their own (`owner: null`); supervisors and admins assign it to anyone of its organisation.',
      tags: ['cases'],
      params: CaseParams,
      body: AssignInput,
      response: { 200: CaseDetail, ...errorResponses(404, 409) },
    },
    handler: async (request) => cases.assign(requirePrincipal(request), request.params.id, request.body),
  });

  app.post('/v1/cases/:id/close', {
    config: { roles: CASE_STAFF, action: 'case.close' },
    schema: {
      summary: 'Close a case once every hit is decided',
      tags: ['cases'],
      params: CaseParams,
      // No body at all is fine: these steps need nothing but may carry a note.
      body: CloseInput.nullish(),
      response: { 200: CaseDetail, ...errorResponses(404, 409) },
    },
    handler: async (request) => cases.close(requirePrincipal(request), request.params.id, request.body ?? {}),
  });

  app.post('/v1/cases/:id/hits/:entityId/decisions', {
    config: { roles: CASE_STAFF, action: 'case.decide' },
    schema: {
      summary: 'Decide one hit',
      description: 'A true match is a proposal until a different supervisor confirms it. A new decision supersedes the one before; nothing is edited in place. A false positive suppresses the hit for this traveller while the listed entity is unchanged and issues them a redress number.',
      tags: ['cases'],
      params: HitParams,
      body: DecisionInput,
      response: { 201: DecisionResult, ...errorResponses(404, 409) },
    },
    handler: async (request, reply) => reply.code(201).send(await cases.decide(requirePrincipal(request), request.params.id, request.params.entityId, request.body)),
  });

  app.post('/v1/cases/:id/hits/:entityId/decisions/:decisionId/confirm', {
    config: { roles: CONFIRMERS, action: 'case.confirm' },
    schema: {
      summary: 'Confirm a proposed true match (four-eyes)',
      description: 'By a supervisor who did not propose it.',
      tags: ['cases'],
      params: ConfirmParams,
      body: ConfirmInput.nullish(),
      response: { 200: DecisionResult, ...errorResponses(404, 409) },
    },
    handler: async (request) => cases.confirm(requirePrincipal(request), request.params.id, request.params.entityId, request.params.decisionId, request.body ?? {}),
  });

  app.get('/v1/suppressions', {
    config: { roles: CASE_STAFF, action: 'suppression.list', audit: 'always' },
    schema: {
      summary: 'Redress suppressions',
      description: 'Newest first; the organisation’s own, or for admins any.',
      tags: ['cases'],
      querystring: SuppressionFilter,
      response: { 200: z.object({ suppressions: z.array(SuppressionView), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }), ...errorResponses() },
    },
    handler: async (request) => cases.listSuppressions(requirePrincipal(request), request.query),
  });

  app.post('/v1/suppressions/:id/revoke', {
    config: { roles: CASE_MANAGERS, action: 'suppression.revoke' },
    schema: {
      summary: 'Revoke a suppression: the hit comes back at the next screening',
      tags: ['cases'],
      params: CaseParams,
      body: RevokeInput.nullish(),
      response: { 200: SuppressionView, ...errorResponses(404, 409) },
    },
    handler: async (request) => cases.revokeSuppression(requirePrincipal(request), request.params.id, request.body ?? {}),
  });
};
