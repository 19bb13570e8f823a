import { z } from 'zod';
import { Decision, Subject, VigilError } from '../domain/index.js';
import { PRIORITIES } from './priority.js';
import { OUTCOMES } from './reason-codes.js';
import { RedressNumber } from './redress-number.js';

/** A subject as screening receives it, with the redress number a traveller may present. */
export const ScreenedSubject = Subject.extend({ redressNumber: RedressNumber.optional() }).strict();
export type ScreenedSubject = z.output<typeof ScreenedSubject>;

const Note = z.string().max(2000);
const Time = z.string().min(4).max(40);

export const DecisionInput = z
  .object({
    outcome: z.enum(OUTCOMES),
    reasonCode: z.string().min(1).max(64).describe('One of GET /v1/cases/reason-codes that fits the outcome.'),
    note: Note.optional().describe('Free text for the case file; never copied into the audit trail.'),
    suppressionExpiresAt: Time.optional().describe('For a false positive: when its suppression ends (ISO-8601 date or time). Default: the service setting.'),
  })
  .strict();
export type DecisionInput = z.infer<typeof DecisionInput>;

export const ConfirmInput = z.object({ note: Note.optional() }).strict();
export type ConfirmInput = z.infer<typeof ConfirmInput>;

export const CloseInput = z.object({ note: Note.optional() }).strict();
export type CloseInput = z.infer<typeof CloseInput>;

export const AssignInput = z
  .object({
    owner: z.string().min(1).max(200).nullable().optional().describe('A user id, `me`, or null to release the case.'),
    priority: z.enum(PRIORITIES).optional(),
  })
  .strict()
  .refine((input) => input.owner !== undefined || input.priority !== undefined, { message: 'give an owner, a priority or both' });
export type AssignInput = z.infer<typeof AssignInput>;

const Count = (max: number, fallback: number) => z.coerce.number().int().min(0).max(max).default(fallback);
const Hours = z.coerce.number().min(0).max(24 * 366);

export const CaseFilter = z
  .object({
    status: z.enum(['open', 'decided', 'closed']).optional(),
    decision: Decision.exclude(['clear']).optional().describe('What screening said.'),
    outcome: z.enum(OUTCOMES).optional().describe('What people decided.'),
    channel: z.string().min(1).max(64).optional(),
    port: z.string().min(1).max(64).optional(),
    owner: z.string().min(1).max(200).optional().describe('A user id, `me`, or `none` for unassigned cases.'),
    priority: z.enum(PRIORITIES).optional(),
    source: z.enum(['screening', 'alert']).optional(),
    awaitingConfirmation: z.enum(['true', 'false']).optional().describe('`true`: cases with a true match awaiting a supervisor.'),
    minAgeHours: Hours.optional(),
    maxAgeHours: Hours.optional(),
    subjectId: z.string().min(1).max(256).optional(),
    orgId: z.string().min(1).max(200).optional().describe('Admins only: one organisation.'),
    limit: Count(200, 50).pipe(z.number().min(1)),
    offset: Count(1_000_000, 0),
  })
  .strict();
export type CaseFilter = z.input<typeof CaseFilter>;

export const SuppressionFilter = z
  .object({
    status: z.enum(['active', 'ended', 'all']).default('active').describe('`active` includes lapsed ones (the entity changed) and says so.'),
    entityId: z.string().min(1).max(300).optional(),
    caseId: z.string().min(1).max(100).optional(),
    redressNumber: z.string().min(1).max(40).optional(),
    orgId: z.string().min(1).max(200).optional().describe('Admins only: one organisation.'),
    limit: Count(200, 50).pipe(z.number().min(1)),
    offset: Count(1_000_000, 0),
  })
  .strict();
export type SuppressionFilter = z.input<typeof SuppressionFilter>;

export const RevokeInput = z.object({ note: Note.optional() }).strict();
export type RevokeInput = z.infer<typeof RevokeInput>;

/** Parses input with a schema, as INVALID_INPUT naming the field (the CLI and other callers skip the HTTP validation). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  throw new VigilError('INVALID_INPUT', `${field === '' ? 'input' : field}: ${issue?.message ?? 'invalid'}`, { field });
}

/** An ISO date (end of that day, UTC) or date-time as an ISO-8601 UTC instant, or INVALID_INPUT. */
export function parseInstant(value: string, field: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = new Date(dateOnly ? `${value}T23:59:59.999Z` : value);
  if (Number.isNaN(time.getTime()) || !(dateOnly || /^\d{4}-\d{2}-\d{2}T/.test(value))) {
    throw new VigilError('INVALID_INPUT', `${field} must be an ISO-8601 date or date-time, not "${value}"`, { field });
  }
  return time.toISOString();
}
