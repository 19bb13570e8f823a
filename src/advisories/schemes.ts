import { z } from 'zod';

/** CAP 1.2 `urgency`, `severity` and `certainty`, as a level sets them. */
export const CapAssessment = z
  .object({
    urgency: z.enum(['Immediate', 'Expected', 'Future', 'Past', 'Unknown']),
    severity: z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']),
    certainty: z.enum(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']),
  })
  .strict();
export type CapAssessment = z.infer<typeof CapAssessment>;

const Slug = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'an id is lower-case letters, digits, - and _');

export const SchemeLevel = z
  .object({
    id: Slug,
    name: z.string().min(1),
    /** Higher is more severe; unique within a scheme. */
    rank: z.number().int(),
    description: z.string().min(1),
    /** The response level a level sets (UK: Normal, Heightened, Exceptional). */
    responseLevel: z.string().min(1).optional(),
    cap: CapAssessment,
  })
  .strict();
export type SchemeLevel = z.infer<typeof SchemeLevel>;

/**
 * A national threat-advisory scheme. `sunset` says whether advisories end by themselves;
 * `levelRule` how the current level of a region is read from the advisories in force: the most
 * severe of them (NTAS, where bulletins and alerts stand side by side) or the latest one
 * published (UK, where each announcement sets the level).
 */
export const AdvisoryScheme = z
  .object({
    id: Slug,
    name: z.string().min(1),
    /** Who issues it; CAP `senderName`. */
    authority: z.string().min(1),
    sunset: z.enum(['required', 'optional', 'none']),
    levelRule: z.enum(['highest', 'latest']),
    /** The regions a level is set for; any region may be named when absent. */
    regions: z.array(z.string().min(1)).min(1).optional(),
    levels: z.array(SchemeLevel).min(1),
  })
  .strict()
  .refine((s) => new Set(s.levels.map((l) => l.id)).size === s.levels.length, { message: 'level ids must be unique' })
  .refine((s) => new Set(s.levels.map((l) => l.rank)).size === s.levels.length, { message: 'level ranks must be unique' });
export type AdvisoryScheme = z.infer<typeof AdvisoryScheme>;

/** The US National Terrorism Advisory System. Every advisory has a sunset date. */
export const NTAS_SCHEME: AdvisoryScheme = {
  id: 'ntas',
  name: 'National Terrorism Advisory System',
  authority: 'U.S. Department of Homeland Security',
  sunset: 'required',
  levelRule: 'highest',
  levels: [
    {
      id: 'bulletin',
      name: 'Bulletin',
      rank: 1,
      description: 'Describes current developments or general trends regarding threats of terrorism; no specific threat.',
      cap: { urgency: 'Future', severity: 'Moderate', certainty: 'Possible' },
    },
    {
      id: 'elevated',
      name: 'Elevated Alert',
      rank: 2,
      description: 'Warns of a credible terrorism threat.',
      cap: { urgency: 'Expected', severity: 'Severe', certainty: 'Likely' },
    },
    {
      id: 'imminent',
      name: 'Imminent Alert',
      rank: 3,
      description: 'Warns of a credible, specific and impending terrorism threat.',
      cap: { urgency: 'Immediate', severity: 'Extreme', certainty: 'Likely' },
    },
  ],
};

/** The UK national threat levels, set per region; they have no sunset. */
export const UK_SCHEME: AdvisoryScheme = {
  id: 'uk',
  name: 'UK National Threat Level',
  authority: 'UK Joint Terrorism Analysis Centre and MI5',
  sunset: 'none',
  levelRule: 'latest',
  regions: ['Great Britain', 'Northern Ireland'],
  levels: [
    { id: 'low', name: 'Low', rank: 1, description: 'An attack is highly unlikely.', responseLevel: 'Normal', cap: { urgency: 'Future', severity: 'Minor', certainty: 'Unlikely' } },
    { id: 'moderate', name: 'Moderate', rank: 2, description: 'An attack is possible but not likely.', responseLevel: 'Normal', cap: { urgency: 'Future', severity: 'Moderate', certainty: 'Possible' } },
    { id: 'substantial', name: 'Substantial', rank: 3, description: 'An attack is likely.', responseLevel: 'Heightened', cap: { urgency: 'Expected', severity: 'Severe', certainty: 'Likely' } },
    { id: 'severe', name: 'Severe', rank: 4, description: 'An attack is highly likely.', responseLevel: 'Heightened', cap: { urgency: 'Expected', severity: 'Severe', certainty: 'Likely' } },
    { id: 'critical', name: 'Critical', rank: 5, description: 'An attack is highly likely in the near future.', responseLevel: 'Exceptional', cap: { urgency: 'Immediate', severity: 'Extreme', certainty: 'Likely' } },
  ],
};

export const DEFAULT_SCHEMES: readonly AdvisoryScheme[] = [NTAS_SCHEME, UK_SCHEME];
