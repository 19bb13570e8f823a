import { z } from 'zod';

/**
 * How screening behaves under the threat level in force: its thresholds, and where enhanced
 * screening applies (always review, never auto-clear). Advisories derive it; screening applies
 * it and records it in every result, so an officer sees why a case went to review.
 */
export const ScreeningPosture = z.object({
  /** Stable id of the posture, e.g. `baseline`, `ntas:elevated`, `uk:severe`. */
  id: z.string().min(1),
  scheme: z.string().min(1),
  level: z.string().min(1),
  /** The advisory that set it, when one did. */
  advisoryId: z.string().optional(),
  reviewThreshold: z.number().gt(0).lte(1),
  matchThreshold: z.number().gt(0).lte(1),
  enhanced: z.object({
    /** Ports of entry (IATA/UN-LOCODE or names as configured) where nothing auto-clears. */
    ports: z.array(z.string()).default([]),
    /** Channels (visa, visa_waiver, air_arrival, land_border, ...) where nothing auto-clears. */
    channels: z.array(z.string()).default([]),
    /** Routes, e.g. last-point-of-departure airports, as `FROM` or `FROM-TO`. */
    routes: z.array(z.string()).default([]),
  }),
  since: z.string(),
});
export type ScreeningPosture = z.infer<typeof ScreeningPosture>;

/** Where and why a screening runs; enhanced screening is decided from it. */
export interface ScreeningContext {
  channel?: string;
  port?: string;
  /** Last point of departure, for routes. */
  origin?: string;
  purpose?: string;
}
