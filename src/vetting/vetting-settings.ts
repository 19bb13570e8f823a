import { z } from 'zod';

/**
 * Which screenings enrol their subjects for recurrent vetting, and how long an enrolled subject
 * is kept. Each channel has its own default (a visa applicant is vetted for the life of the
 * visa, an air passenger for weeks); a request may ask otherwise with its own flag.
 */
export const ChannelEnrolment = z
  .object({
    /** Whether screenings through this channel enrol their subjects unless the request says. */
    enrol: z.boolean(),
    /** Days an enrolled subject is kept after its last screening. */
    retentionDays: z.number().int().min(1).max(36_500),
  })
  .strict();
export type ChannelEnrolment = z.infer<typeof ChannelEnrolment>;

export const VettingSettings = z
  .object({
    /** For channels not listed. */
    default: ChannelEnrolment.default({ enrol: false, retentionDays: 90 }),
    channels: z.record(z.string().min(1).max(64), ChannelEnrolment).default({
      visa: { enrol: true, retentionDays: 1825 },
      visa_waiver: { enrol: true, retentionDays: 730 },
      air_arrival: { enrol: true, retentionDays: 90 },
      sea_arrival: { enrol: true, retentionDays: 90 },
      land_border: { enrol: false, retentionDays: 30 },
    }),
    /** How often a server looks for list versions not vetted yet (an import through it starts a run at once); 0 turns it off. */
    intervalMs: z.number().int().min(0).default(60_000),
    /** How often a server purges subjects whose retention ended. */
    purgeEveryMs: z.number().int().min(60_000).default(3_600_000),
  })
  .strict();
export type VettingSettings = z.infer<typeof VettingSettings>;
export type VettingSettingsInput = z.input<typeof VettingSettings>;

export const DEFAULT_VETTING_SETTINGS: VettingSettings = VettingSettings.parse({});

/**
 * Whether a screening through `channel` enrols its subjects, and for how long: the request's
 * own flag wins over the channel's default.
 *
 * @example
 * const { enrol, retentionDays } = enrolmentFor(settings, 'visa', request.enrol);
 * if (enrol) await enrolSubjects(store, subjects, { channel: 'visa', port, screenedAt, retentionDays });
 */
export function enrolmentFor(settings: VettingSettings, channel: string | undefined, requested?: boolean): { enrol: boolean; retentionDays: number } {
  const policy = (channel !== undefined ? settings.channels[channel] : undefined) ?? settings.default;
  return { enrol: requested ?? policy.enrol, retentionDays: policy.retentionDays };
}
