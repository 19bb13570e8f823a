import { z } from 'zod';
import { VigilError } from '../domain/index.js';
import type { AuditInput } from './audit-types.js';
import { canonicalJson } from '../domain/index.js';

/** Room for ids, counts, scores and decisions; not for a request body. */
export const MAX_DETAILS_BYTES = 4096;
/** A batch screen of this many subjects is one record. */
export const MAX_IDS = 10_000;

const id = z.string().min(1).max(200);
const ids = z.array(id).max(MAX_IDS);

const AuditInputSchema = z.object({
  actor: z.object({ kind: z.enum(['user', 'key', 'system']), id, orgId: id.optional() }).strict(),
  action: z.string().regex(/^[a-z][a-z0-9._-]{0,63}$/, 'an action is a lower-case dotted name such as entity.read'),
  subjectIds: ids.optional(),
  entityIds: ids.optional(),
  purpose: z.string().min(1).max(500).optional(),
  outcome: z.enum(['ok', 'denied', 'error']),
  decision: z.string().min(1).max(100).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
}).strict();

/** A normalised record and the canonical JSON of its details, which hashing and storing reuse. */
export interface NormalisedAudit {
  record: AuditInput;
  detailsText: string | undefined;
}

/**
 * A validated copy of `input` in the form it is hashed and stored in: details passed through
 * JSON once (Dates become text, undefined members go), so a record read back hashes the same.
 */
export function normaliseAuditInput(input: AuditInput): AuditInput {
  return normaliseAudit(input).record;
}

/** `normaliseAuditInput`, keeping the details' canonical text so it is made once a record. */
export function normaliseAudit(input: AuditInput): NormalisedAudit {
  const parsed = AuditInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new VigilError('INVALID_INPUT', `invalid audit record: ${field} ${issue?.message ?? ''}`.trim(), { field });
  }
  const value = parsed.data;
  const record: AuditInput = { actor: { kind: value.actor.kind, id: value.actor.id }, action: value.action, outcome: value.outcome };
  if (value.actor.orgId !== undefined) record.actor.orgId = value.actor.orgId;
  if (value.subjectIds !== undefined) record.subjectIds = [...value.subjectIds];
  if (value.entityIds !== undefined) record.entityIds = [...value.entityIds];
  if (value.purpose !== undefined) record.purpose = value.purpose;
  if (value.decision !== undefined) record.decision = value.decision;
  let detailsText: string | undefined;
  if (value.details !== undefined) {
    const text = canonicalJson(JSON.parse(JSON.stringify(value.details)) as unknown);
    // Characters are at most 3 UTF-8 bytes a UTF-16 unit: short text needs no count.
    if (text.length * 3 > MAX_DETAILS_BYTES && Buffer.byteLength(text, 'utf8') > MAX_DETAILS_BYTES) {
      throw new VigilError('INVALID_INPUT', `audit details must stay under ${MAX_DETAILS_BYTES} bytes: ids and decisions only, never a request body`, { field: 'details' });
    }
    record.details = JSON.parse(text) as Record<string, unknown>;
    detailsText = text;
  }
  return { record, detailsText };
}
