import type { FastifyBaseLogger } from 'fastify';
import { enrolmentFor, VettingSettings, type VettingScheduler, type VettingSettingsInput } from '../vetting/index.js';

/**
 * Recurrent vetting as the server's routes see it: the enrolment settings the screen route uses, and the scheduler the alerts plugin starts, which an import nudges so that a new
 * list version is vetted at once rather than at the next tick.
 */
export class ServerVetting {
  readonly settings: VettingSettings;
  private scheduler: VettingScheduler | undefined;

  constructor(
    settings: VettingSettingsInput | undefined,
    private readonly log: FastifyBaseLogger,
  ) {
    this.settings = VettingSettings.parse(settings ?? {});
  }

  /** Whether a screening through `channel` enrols, and for how long; the request's flag wins. */
  enrolmentFor(channel: string | undefined, requested: boolean | undefined): { enrol: boolean; retentionDays: number } {
    return enrolmentFor(this.settings, channel, requested);
  }

  attach(scheduler: VettingScheduler): void {
    this.scheduler = scheduler;
  }

  /** Vets a change just imported through this server now (the scheduler logs its own failures). */
  vetSoon(): void {
    if (this.scheduler === undefined) {
      this.log.info('vetting scheduler is off here: the change is vetted by the process running it, or by `vigil vet`');
      return;
    }
    void this.scheduler.runNow();
  }
}
