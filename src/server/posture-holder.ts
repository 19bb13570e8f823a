import type { FastifyBaseLogger } from 'fastify';
import type { AdvisoryService } from '../advisories/index.js';
import type { ScreeningPosture } from '../domain/index.js';

/**
 * The screening posture in force, kept in memory so a screening never waits on the database for
 * it. It follows the advisory service's change events, and re-reads on a timer because a sunset,
 * or another replica publishing, changes the posture without an event in this process.
 */
export class PostureHolder {
  private posture: ScreeningPosture | undefined;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly advisories: AdvisoryService,
    private readonly logger: FastifyBaseLogger,
    private readonly refreshMs = 15_000,
  ) {}

  /** The posture to apply now; undefined only before `start` has read it once. */
  get current(): ScreeningPosture | undefined {
    return this.posture;
  }

  async start(): Promise<void> {
    this.posture = await this.advisories.currentPosture();
    this.unsubscribe = this.advisories.onPostureChange((change) => {
      this.posture = change.current;
    });
    this.timer = setInterval(() => void this.reread(), this.refreshMs);
    this.timer.unref();
  }

  async reread(): Promise<void> {
    try {
      this.posture = await this.advisories.currentPosture();
    } catch (error) {
      // The previous posture stays in force; screening must not stop for a failed re-read.
      this.logger.error({ err: error }, 'could not re-read the screening posture; keeping the previous one');
    }
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.unsubscribe?.();
  }
}
