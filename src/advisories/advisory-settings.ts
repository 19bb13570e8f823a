import { z } from 'zod';
import { VigilError } from '../domain/index.js';
import { BASELINE_THRESHOLDS, BaselineThresholds, DEFAULT_POSTURE_RULES, PostureRule } from './posture-rules.js';
import { AdvisoryScheme, DEFAULT_SCHEMES } from './schemes.js';

/**
 * Everything about advisories an operator may configure; every field has a shipped default.
 * Meant to sit under `advisories` in Vigil's settings file.
 */
export const AdvisorySettings = z
  .object({
    schemes: z.array(AdvisoryScheme).min(1).default([...DEFAULT_SCHEMES]),
    /** Thresholds when no advisory is in force, and for levels without a rule. */
    baseline: BaselineThresholds.default(BASELINE_THRESHOLDS),
    /** Keyed `<scheme>:<level>`; replaces the shipped rule for the keys it names. */
    postures: z.record(z.string(), PostureRule).default({}),
    /** CAP `sender`: no spaces, commas, `<` or `&`. */
    sender: z.string().regex(/^[^\s,<&]+$/, 'a CAP sender has no spaces, commas, < or &').default('advisories@vigil.invalid'),
    /** The public address of the server (`https://vigil.example.gov`), for links in CAP, Atom and webhooks. */
    publicBaseUrl: z.string().url().optional(),
    /** How often the sweep looks for sunsets and unannounced publications. */
    sweepMs: z.number().int().positive().default(15_000),
  })
  .strict();
export type AdvisorySettings = z.infer<typeof AdvisorySettings>;
export type AdvisorySettingsInput = z.input<typeof AdvisorySettings>;

/** Settings with shipped defaults filled and every posture key checked against the schemes. */
export function resolveAdvisorySettings(input: AdvisorySettingsInput = {}): AdvisorySettings {
  const parsed = AdvisorySettings.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = `advisories.${issue?.path.join('.') ?? ''}`;
    throw new VigilError('CONFIG_INVALID', `invalid setting ${field}: ${issue?.message ?? 'invalid'}`, { field });
  }
  const settings = parsed.data;
  const levels = new Set(settings.schemes.flatMap((s) => s.levels.map((l) => `${s.id}:${l.id}`)));
  const shipped = Object.fromEntries(
    Object.entries(DEFAULT_POSTURE_RULES)
      .filter(([key]) => levels.has(key))
      .map(([key, rule]) => [key, PostureRule.parse(rule)]),
  );
  for (const key of Object.keys(settings.postures)) {
    if (!levels.has(key)) {
      throw new VigilError('CONFIG_INVALID', `invalid setting advisories.postures: no scheme level ${key}`, { field: `advisories.postures.${key}` });
    }
  }
  return { ...settings, postures: { ...shipped, ...settings.postures } };
}
