import { z } from 'zod';

const Threshold = z.number().gt(0).lte(1);

/**
 * What one level does to screening: its thresholds, and where enhanced screening applies. The
 * `named*` switches take the ports, routes or channels the advisory itself names; the lists
 * add fixed ones for every advisory at that level.
 */
export const PostureRule = z
  .object({
    reviewThreshold: Threshold,
    matchThreshold: Threshold,
    enhanced: z
      .object({
        namedPorts: z.boolean().default(false),
        namedRoutes: z.boolean().default(false),
        namedChannels: z.boolean().default(false),
        ports: z.array(z.string().min(1)).default([]),
        routes: z.array(z.string().min(1)).default([]),
        channels: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .default({ namedPorts: false, namedRoutes: false, namedChannels: false, ports: [], routes: [], channels: [] }),
  })
  .strict()
  .refine((r) => r.reviewThreshold <= r.matchThreshold, { message: 'reviewThreshold cannot exceed matchThreshold' });
export type PostureRule = z.infer<typeof PostureRule>;
export type PostureRuleInput = z.input<typeof PostureRule>;

export const BaselineThresholds = z
  .object({ reviewThreshold: Threshold, matchThreshold: Threshold })
  .strict()
  .refine((r) => r.reviewThreshold <= r.matchThreshold, { message: 'reviewThreshold cannot exceed matchThreshold' });
export type BaselineThresholds = z.infer<typeof BaselineThresholds>;

export const BASELINE_THRESHOLDS: BaselineThresholds = { reviewThreshold: 0.7, matchThreshold: 0.9 };

const NAMED_ALL = { namedPorts: true, namedRoutes: true, namedChannels: true };

/**
 * Shipped rules, keyed `<scheme>:<level>`. A higher level sends more near-matches to a person
 * (a lower review threshold) but keeps the match threshold: a raised threat level is no reason
 * to decide more automatic matches against travellers.
 */
export const DEFAULT_POSTURE_RULES: Readonly<Record<string, PostureRuleInput>> = {
  'ntas:bulletin': { reviewThreshold: 0.7, matchThreshold: 0.9 },
  'ntas:elevated': { reviewThreshold: 0.65, matchThreshold: 0.9 },
  'ntas:imminent': { reviewThreshold: 0.6, matchThreshold: 0.9, enhanced: NAMED_ALL },
  'uk:low': { reviewThreshold: 0.7, matchThreshold: 0.9 },
  'uk:moderate': { reviewThreshold: 0.7, matchThreshold: 0.9 },
  'uk:substantial': { reviewThreshold: 0.68, matchThreshold: 0.9 },
  'uk:severe': { reviewThreshold: 0.65, matchThreshold: 0.9, enhanced: { namedPorts: true, namedRoutes: true } },
  'uk:critical': { reviewThreshold: 0.6, matchThreshold: 0.9, enhanced: NAMED_ALL },
};
