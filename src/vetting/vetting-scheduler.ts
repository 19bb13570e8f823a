import type { AuditLog } from '../audit/index.js';
import type { IndexSnapshot } from '../screening/index.js';
import type { Store } from '../store/index.js';
import { pushPending, type AlertPush } from './alert-push.js';
import { purgeExpiredSubjects } from './purge.js';
import { runVetting, type VettingLogger } from './run-vetting.js';
import { isLeaseBusy } from './vetting-lease.js';

export interface VettingSchedulerOptions {
  /** How often list versions are checked for changes not vetted yet. Default 60 s. */
  intervalMs?: number;
  /** How often expired subjects are purged. Default hourly. */
  purgeEveryMs?: number;
  /** The snapshot the screener uses now, when one is loaded (rebuilt otherwise). */
  snapshot?: () => IndexSnapshot | undefined;
  push?: AlertPush;
  audit?: AuditLog;
  logger?: VettingLogger & { error(obj: object, msg?: string): void };
  now?: () => Date;
}

export interface VettingScheduler {
  /** Vets what is pending (and purges when due) now; resolves when done. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Re-vets after every list import, whichever process imported it: list versions are polled
 * (cheap), and a version not vetted yet starts a run; `runNow` starts one at once (after an
 * import through this process). Across processes the vetting lease lets one run at a time. Purges expired subjects on its own,
 * slower, beat. One tick at a time; a failed tick is logged and the next one tries again (an
 * interrupted run resumes from its checkpoint).
 *
 * @example
 * const scheduler = startVettingScheduler(store, { snapshot: () => engine.snapshot, push: { notifier }, audit, logger });
 * await scheduler.stop();
 */
export function startVettingScheduler(store: Store, options: VettingSchedulerOptions = {}): VettingScheduler {
  const now = options.now ?? (() => new Date());
  const purgeEvery = options.purgeEveryMs ?? 3_600_000;
  let lastPurge = 0;
  let running: Promise<void> | undefined;
  let stopped = false;

  const tick = async (): Promise<void> => {
    const snapshot = options.snapshot?.();
    await runVetting(store, {
      ...(snapshot !== undefined ? { snapshot } : {}),
      ...(options.push !== undefined ? { push: options.push } : {}),
      ...(options.audit !== undefined ? { audit: options.audit } : {}),
      ...(options.logger !== undefined ? { logger: options.logger } : {}),
      now,
    });
    // Alerts a crashed process committed but never announced go out now.
    if (options.push !== undefined) await pushPending(store, options.push, now, options.audit);
    if (now().getTime() - lastPurge >= purgeEvery) {
      lastPurge = now().getTime();
      const { purged } = await purgeExpiredSubjects(store, { now, ...(options.audit !== undefined ? { audit: options.audit } : {}) });
      if (purged > 0) options.logger?.info({ purged }, 'expired enrolled subjects purged');
    }
  };
  let rerun: Promise<void> | undefined;
  const runNow = (): Promise<void> => {
    // A tick already under way may have looked at the list versions before the change that
    // asks for this run: one more tick follows it (however many ask meanwhile).
    if (running !== undefined) {
      rerun ??= running.then(() => {
        rerun = undefined;
        return stopped ? undefined : runNow();
      });
      return rerun;
    }
    running = tick()
      .catch((error: unknown) => {
        // Another replica is vetting: its run covers the change, and this one looks again next tick.
        if (isLeaseBusy(error)) {
          options.logger?.info({ reason: error instanceof Error ? error.message : String(error) }, 'vetting left to another process');
          return;
        }
        if (options.logger !== undefined) options.logger.error({ err: error }, 'vetting tick failed; the next tick retries');
        else process.emitWarning(`vigil vetting: a tick failed and the next one retries: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void runNow();
  }, options.intervalMs ?? 60_000);
  // The scheduler must not keep a finished process alive.
  timer.unref();
  return {
    runNow,
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await rerun;
      await running;
    },
  };
}
