import { z } from 'zod';
import { Decision, Entity } from '../domain/index.js';
import { HitSuppressionSchema } from '../cases/index.js';
import { HTTP_ERRORS } from './error-reply.js';
import { ERROR_CATALOGUE } from '../domain/index.js';

/**
 * Response schemas shared by the routes. They are what a caller may rely on, and the serializer
 * drops every field they do not name, so an internal field added upstream never leaks out.
 * Enumerations owned by other capabilities (how a part matched, a token's role) are strings
 * here, so that a new value there is not a failed reply here.
 */
const ERROR_CODES = [...Object.keys(ERROR_CATALOGUE), ...Object.keys(HTTP_ERRORS)] as [string, ...string[]];

export const ErrorBody = z
  .object({
    statusCode: z.number().int(),
    code: z.enum(ERROR_CODES),
    error: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Error', description: 'Every failure: a stable code, a message for people and details for programs (details.field names the failing field path).' });

/** The error replies a route documents, by status. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries([400, 401, 403, 429, 500, 503, ...statuses].map((status) => [status, ErrorBody]));
}

export const ListVersions = z
  .record(z.string(), z.number().int())
  .meta({ id: 'ListVersions', description: 'Source id -> the list version the answer was computed from.' });

export const Explanation = z.object({
  summary: z.string(),
  score: z.number(),
  subjectName: z.string(),
  matchedName: z.object({ full: z.string(), kind: z.string() }),
  name: z.object({ score: z.number(), overlap: z.number(), informationFactor: z.number(), kindFactor: z.number() }),
  aligned: z.array(z.object({ subject: z.string(), entity: z.string(), how: z.string(), similarity: z.number(), weight: z.number() })),
  unmatched: z.array(z.object({ side: z.string(), part: z.string(), role: z.string(), penalty: z.number() })),
  features: z.array(z.object({ feature: z.string(), contribution: z.number(), detail: z.string(), decisive: z.boolean().optional() })),
});

export const Hit = z
  .object({
    entityId: z.string(),
    score: z.number(),
    caption: z.string(),
    matchedName: z.string(),
    explanation: Explanation,
    suppressed: HitSuppressionSchema.optional().describe('Set aside by a redress decision for this traveller; not counted in the decision.'),
  })
  .meta({ id: 'Hit' });

export const ScreeningResult = z
  .object({
    id: z.string(),
    decision: Decision,
    hits: z.array(Hit),
    listVersions: ListVersions,
    caseId: z.string().optional().describe('The case opened (or joined) because the result is not clear.'),
    posture: z
      .object({
        id: z.string(),
        scheme: z.string(),
        level: z.string(),
        advisoryId: z.string().optional(),
        reviewThreshold: z.number(),
        matchThreshold: z.number(),
        enhanced: z.string().optional().describe('Where enhanced screening applied (never auto-clear): the port, channel or route.'),
      })
      .optional()
      .describe('The screening posture in force when this ran, set by the current threat level.'),
  })
  .meta({ id: 'ScreeningResult', description: 'One subject screened: the decision, hits best first, and the list versions used.' });

export const ListVersion = z
  .object({
    source: z.string(),
    version: z.number().int(),
    importedAt: z.string(),
    publishedAt: z.string().optional(),
    fileSha256: z.string(),
    fileNames: z.array(z.string()),
    mode: z.enum(['full', 'delta']),
    entityCount: z.number().int(),
    added: z.number().int(),
    changed: z.number().int(),
    removed: z.number().int(),
  })
  .meta({ id: 'ListVersion' });

export const SourceSummary = z
  .object({
    source: z.string(),
    currentVersion: z.number().int(),
    entityCount: z.number().int(),
    lastImportedAt: z.string(),
    current: ListVersion,
  })
  .meta({ id: 'SourceSummary' });

const EntitySummary = z.object({ id: z.string(), caption: z.string(), schema: z.string() });

export const ListDiff = z
  .object({
    source: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    added: z.array(EntitySummary),
    changed: z.array(EntitySummary.extend({ fields: z.array(z.string()) })),
    removed: z.array(EntitySummary),
  })
  .meta({ id: 'ListDiff' });

export const StoredEntity = z
  .object({
    entity: Entity,
    source: z.string(),
    version: z.number().int(),
    since: z.number().int(),
    contentHash: z.string(),
  })
  .meta({ id: 'StoredEntity', description: 'A listed entity as of one version of its list.' });

export const PrincipalView = z
  .object({
    kind: z.enum(['user', 'key']),
    id: z.string(),
    name: z.string(),
    orgId: z.string(),
    roles: z.array(z.string()),
  })
  .meta({ id: 'Principal' });

/** A positive whole number in a query string (`?version=3`). */
export const VersionNumber = z.coerce.number().int().min(1);
