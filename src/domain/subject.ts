import { z } from 'zod';
import { EntitySchema } from './entity.js';

/**
 * What a passport, visa application or booking says about a person (or an organisation, vessel
 * or aircraft): the input of `vigil screen` and `POST /v1/screen`. This shape is a public
 * contract; other tools depend on it.
 */
export const SubjectDocument = z
  .object({
    type: z.enum(['passport', 'national_id', 'other']),
    number: z.string().min(1).max(64),
    country: z.string().min(2).max(64).optional(),
  })
  .strict();
export type SubjectDocument = z.infer<typeof SubjectDocument>;

export const Subject = z
  .object({
    id: z.string().min(1).max(256),
    schema: EntitySchema.optional(),
    name: z.union([z.string().min(1).max(512), z.array(z.string().min(1).max(512)).min(1).max(20)]),
    birthDate: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'birthDate is YYYY, YYYY-MM or YYYY-MM-DD')
      .optional(),
    /** ISO alpha-2 or a country name. */
    nationality: z.string().min(2).max(64).optional(),
    gender: z.enum(['male', 'female']).optional(),
    documents: z.array(SubjectDocument).max(20).optional(),
  })
  .strict();
export type Subject = z.infer<typeof Subject>;

export const Decision = z.enum(['clear', 'review', 'match']);
export type Decision = z.infer<typeof Decision>;

/** A per-feature account of a score, for an officer to read. Shape owned by src/matching. */
export type Explanation = Record<string, unknown>;

export interface Hit {
  entityId: string;
  score: number;
  caption: string;
  matchedName: string;
  explanation: Explanation;
}

export interface ScreeningResult {
  id: string;
  decision: Decision;
  hits: Hit[];
}
