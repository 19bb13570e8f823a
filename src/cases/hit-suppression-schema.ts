import { z } from 'zod';

/** `hit.suppressed` as HTTP replies document it (the screen route's Hit schema adds it). */
export const HitSuppressionSchema = z
  .object({
    decisionId: z.string(),
    suppressionId: z.string(),
    since: z.string(),
    reason: z.string(),
    via: z.enum(['fingerprint', 'redress_number']),
    redressNumber: z.string().optional(),
  })
  .meta({ id: 'HitSuppression', description: 'A false-positive decision for this traveller and this unchanged entity set the hit aside.' });
