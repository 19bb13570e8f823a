import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';

/**
 * `vigil serve --workers N`: N processes accept on one port (node:cluster), each with its own
 * copy of the screening index. They share the database like replicas do: the audit trail stays
 * one hash chain because every append first takes the chain head's lock (SQLite's write lock,
 * PostgreSQL's row lock), whichever process it comes from.
 *
 * The primary only supervises: it forks the workers, reports when all listen and when all have
 * their index, replaces a worker that dies, and on SIGINT or SIGTERM tells every worker to
 * finish its requests and flush its audit records before it exits itself.
 */

/** Messages between the primary and its workers. */
export type ClusterMessage = { type: 'vigil:listening'; address: string } | { type: 'vigil:index'; ready: boolean } | { type: 'vigil:stop' };

/** More unexpected exits than this within RESTART_WINDOW_MS and the primary gives up. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
const RESTART_DELAY_MS = 1_000;

function isClusterMessage(message: unknown): message is ClusterMessage {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' && (message as { type: string }).type.startsWith('vigil:');
}

/** Tells a worker to stop as a single `vigil serve` does on SIGTERM; harmless if it is already stopping. */
function askToStop(worker: Worker): void {
  if (worker.isConnected()) worker.send({ type: 'vigil:stop' } satisfies ClusterMessage);
}

/**
 * Runs the primary until every worker has exited after a stop. Resolves with the exit code:
 * 0 after a clean stop, 1 when workers kept dying or a second signal cut the stop short.
 */
export function superviseWorkers(count: number, logger: Logger): Promise<number> {
  return new Promise((resolve) => {
    const listening = new Map<number, string>();
    const indexed = new Set<number>();
    const exits: number[] = [];
    let stopping = false;
    let exitCode = 0;
    let announcedListening = false;
    let announcedReady = false;

    const live = (): Worker[] => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);

    const stopAll = (): void => {
      stopping = true;
      for (const worker of live()) askToStop(worker);
      if (live().length === 0) resolve(exitCode);
    };

    const fork = (): void => {
      const worker = cluster.fork();
      worker.on('message', (message: unknown) => {
        if (!isClusterMessage(message)) return;
        if (message.type === 'vigil:listening') {
          listening.set(worker.id, message.address);
          if (!announcedListening && listening.size >= count) {
            announcedListening = true;
            process.stderr.write(`vigil: listening on ${message.address} (${count} worker processes)\n`);
          }
        } else if (message.type === 'vigil:index') {
          if (!message.ready) logger.error({ worker: worker.process.pid }, 'a worker could not load the screening index; it answers NOT_READY');
          indexed.add(worker.id);
          if (!announcedReady && indexed.size >= count) {
            announcedReady = true;
            process.stderr.write(`vigil: ${count} workers ready\n`);
          }
        }
      });
    };

    cluster.on('exit', (worker, code, signal) => {
      listening.delete(worker.id);
      indexed.delete(worker.id);
      if (stopping) {
        if (code !== 0) exitCode = 1;
        if (live().length === 0) resolve(exitCode);
        return;
      }
      const now = Date.now();
      exits.push(now);
      while (exits.length > 0 && (exits[0] ?? now) < now - RESTART_WINDOW_MS) exits.shift();
      if (exits.length > MAX_RESTARTS) {
        logger.fatal({ code, signal }, `workers exited ${exits.length} times within a minute; stopping`);
        exitCode = 1;
        stopAll();
        return;
      }
      logger.error({ pid: worker.process.pid, code, signal }, 'a worker exited unexpectedly; starting another');
      setTimeout(() => {
        if (!stopping) fork();
      }, RESTART_DELAY_MS).unref();
    });

    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) {
        // A second signal: the operator wants out now, as with a single process.
        for (const worker of live()) worker.process.kill('SIGKILL');
        process.exit(1);
      }
      logger.info({ signal }, 'shutting down: workers finish their requests and flush the audit trail');
      stopAll();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);

    for (let i = 0; i < count; i += 1) fork();
  });
}

/**
 * In a worker: resolves when the primary asks it to stop, goes away, or the worker itself gets
 * SIGINT or SIGTERM (a terminal's Ctrl-C reaches every process of the group). Repeats are
 * ignored: the stop already under way finishes the requests and flushes the audit trail.
 */
export function stopRequested(): Promise<NodeJS.Signals | 'primary'> {
  return new Promise((resolve) => {
    process.on('message', (message: unknown) => {
      if (isClusterMessage(message) && message.type === 'vigil:stop') resolve('primary');
    });
    process.on('disconnect', () => resolve('primary'));
    process.on('SIGTERM', () => resolve('SIGTERM'));
    process.on('SIGINT', () => resolve('SIGINT'));
  });
}

/** Reports a worker's state to the primary. */
export function tellPrimary(message: ClusterMessage): void {
  process.send?.(message);
}
