import { z } from 'zod';
import { serializerCompiler as zodSerializerCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { applySuppressionsMany, createCaseService, ScreenedSubject, withCaseIds, type OpenedCase, type PreparedReview } from '../../cases/index.js';
import { VigilError, type Decision } from '../../domain/index.js';
import type { MatchExplanation } from '../../matching/index.js';
import type { EngineScreeningResult } from '../../screening/index.js';
import { auditFailure, auditInputOf } from '../request-audit.js';
import type { RouteDeps } from '../route-deps.js';
import { errorResponses, ScreeningResult } from '../schemas.js';
import { screeningResultWire } from '../screening-wire.js';

export const CHANNELS = ['visa', 'visa_waiver', 'air_arrival', 'land_border', 'sea_arrival', 'other'] as const;

/**
 * Where and why a screening happens: recorded in the audit trail, and matched against the
 * posture's enhanced-screening ports, channels and routes.
 */
const ScreeningContext = {
  channel: z.enum(CHANNELS).optional().describe('The channel the subject arrives through.'),
  port: z.string().min(1).max(64).optional().describe('Port of entry or post, e.g. a UN/LOCODE.'),
  origin: z.string().min(2).max(64).optional().describe('Last point of departure (e.g. an IATA airport code), for enhanced screening on routes.'),
  purpose: z.string().min(1).max(256).optional().describe('Why this screening is done, kept in the audit trail.'),
  preview: z
    .boolean()
    .optional()
    .describe('Screen without opening a case, e.g. results while an officer types; redress suppressions still apply. Default false: a result that is not clear opens (or joins) a case.'),
  enrol: z
    .boolean()
    .optional()
    .describe("Keep the subjects enrolled for recurrent vetting (re-vetted whenever a list changes, until their retention ends). Default: the channel's setting (visa, visa_waiver, air_arrival and sea_arrival enrol). A preview never enrols."),
};

const SEVERITY: Record<Decision, number> = { clear: 0, review: 1, match: 2 };

function worst(results: EngineScreeningResult[]): Decision {
  return results.reduce<Decision>((acc, r) => (SEVERITY[r.decision] > SEVERITY[acc] ? r.decision : acc), 'clear');
}

function hitIds(results: EngineScreeningResult[]): string[] {
  return [...new Set(results.flatMap((r) => r.hits.map((h) => h.entityId)))];
}

/** The domain types an explanation loosely; matching's own type is what the schema documents. */
function wire(result: EngineScreeningResult): EngineScreeningResult & { hits: Array<EngineScreeningResult['hits'][number] & { explanation: MatchExplanation }> } {
  return result as EngineScreeningResult & { hits: Array<EngineScreeningResult['hits'][number] & { explanation: MatchExplanation }> };
}

type ScreenReply = z.output<typeof ScreeningResult> | { results: Array<z.output<typeof ScreeningResult>> };

/** The 200 reply by explicit projection (screening-wire.ts); errors keep the zod serializer. */
function screenSerializerCompiler(route: { schema: unknown; method: string; url: string; httpStatus?: string }): (data: unknown) => string {
  if (String(route.httpStatus) !== '200') return zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
  return (data) => {
    const reply = data as ScreenReply;
    return JSON.stringify('results' in reply ? { results: reply.results.map(screeningResultWire) } : screeningResultWire(reply));
  };
}

function batchSizeOf(body: unknown): number | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const subjects = (body as { subjects?: unknown }).subjects;
  return Array.isArray(subjects) ? subjects.length : undefined;
}

/** `POST /v1/screen`: one subject, or a batch of up to `maxBatch`, against the current lists. */
export const screenRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { engine, audit, config, metrics, posture, store, identity, vetting, screenings }) => {
  const cases = createCaseService(store, { audit, directory: identity });
  const SingleRequest = ScreenedSubject.extend(ScreeningContext).strict().meta({ description: 'One subject, with the screening context beside its fields.' });
  const BatchRequest = z
    .object({ subjects: z.array(ScreenedSubject).min(1).max(config.maxBatch), ...ScreeningContext })
    .strict()
    .meta({ description: `Up to ${config.maxBatch} subjects screened on one snapshot of the lists.` });
  const BatchResponse = z.object({ results: z.array(ScreeningResult) });

  app.post('/v1/screen', {
    config: { roles: ['officer', 'analyst', 'supervisor', 'admin'], action: 'screen', audit: 'always' },
    // Counted before validation: a 10,000-subject batch is refused by size, not by 10,000 checks.
    preValidation: async (request) => {
      const size = batchSizeOf(request.body);
      if (size !== undefined && size > config.maxBatch) {
        throw new VigilError('PAYLOAD_TOO_LARGE', `a batch holds at most ${config.maxBatch} subjects and this one has ${size}: send it as ${Math.ceil(size / config.maxBatch)} requests`, {
          field: 'subjects',
          limit: config.maxBatch,
          received: size,
        });
      }
    },
    schema: {
      summary: 'Screen one subject or a batch',
      tags: ['screening'],
      body: z.union([SingleRequest, BatchRequest]),
      response: { 200: z.union([ScreeningResult, BatchResponse]), ...errorResponses(413) },
    },
    serializerCompiler: screenSerializerCompiler,
    handler: async (request) => {
      const current = engine.get();
      const { channel, port, origin, purpose, preview, enrol, ...rest } = request.body;
      const batch = 'subjects' in rest;
      const options = {
        ...(posture.current !== undefined ? { posture: posture.current } : {}),
        context: { ...(channel !== undefined ? { channel } : {}), ...(port !== undefined ? { port } : {}), ...(origin !== undefined ? { origin } : {}) },
      };
      // Every result names the snapshot and posture it used.
      const subjects = batch ? rest.subjects : [rest];
      const principal = request.principal as NonNullable<typeof request.principal>;
      // Redress first (suppressed hits marked, decision recomputed), then a case for each result
      // not clear, prepared here and written with the screening's other writes.
      const items = subjects.map((subject) => ({ subject, result: current.screen(subject, options) }));
      const review: PreparedReview =
        preview === true
          ? { results: await applySuppressionsMany(store, items), openings: [] }
          : await cases.prepareReview({ actor: { kind: principal.kind, id: principal.id, orgId: principal.orgId }, context: { channel, port }, items });
      for (const result of review.results) metrics.screenings.inc({ decision: result.decision });
      // Enrolled before the answer (screening-writes.ts); the record, which names the cases,
      // follows once they and the enrolment are committed, and says the subjects were enrolled.
      const enrolment = preview === true ? { enrol: false, retentionDays: 0 } : vetting.enrolmentFor(channel, enrol);
      const record = auditInputOf(request, {
        subjectIds: review.results.map((r) => r.id),
        entityIds: hitIds(review.results),
        ...(purpose !== undefined ? { purpose } : {}),
        outcome: 'ok',
        decision: worst(review.results),
        details: {
          ...(channel !== undefined ? { channel } : {}),
          ...(port !== undefined ? { port } : {}),
          subjects: review.results.length,
          ...(preview === true ? { preview: true } : {}),
          ...(enrolment.enrol ? { enrolled: review.results.length } : {}),
          listVersions: review.results[0]?.listVersions ?? {},
        },
      });
      const enrolling = enrolment.enrol
        ? {
            subjects: subjects.map(({ redressNumber: _redress, ...subject }) => subject),
            request: { ...(channel !== undefined ? { channel } : {}), ...(port !== undefined ? { port } : {}), retentionDays: enrolment.retentionDays },
          }
        : undefined;
      request.audited = true;
      let opened: OpenedCase[];
      try {
        opened = await screenings.commit({ openings: review.openings, ...(enrolling !== undefined ? { enrolment: enrolling } : {}), record });
      } catch (error) {
        if (error instanceof VigilError && error.code === 'AUDIT_FAILED') throw auditFailure(request, record, error);
        // A case or the enrolment failed and no record was written: the failure gets its own.
        request.audited = false;
        throw error;
      }
      const results = withCaseIds(review.results, review.openings, opened);
      return batch ? { results: results.map(wire) } : wire(results[0] as EngineScreeningResult);
    },
  });
};
