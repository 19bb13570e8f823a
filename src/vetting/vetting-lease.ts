import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { VigilError } from '../domain/index.js';
import type { Store } from '../store/index.js';
import { vettingDb } from './vetting-tables.js';

const LEASE = 'vetting';
/** Long enough for the slowest step between two renewals (loading a 1M-subject vocabulary). */
export const DEFAULT_LEASE_MS = 120_000;

/** A held lease: renew it while working, release it when done. */
export interface VettingLease {
  readonly holder: string;
  /** Extends the lease; throws CONFLICT when another process took it over (this one stalled past its expiry). */
  renew(): Promise<void>;
  release(): Promise<void>;
}

/** Who holds a lease, for messages: the host, the process and a random part unique to the run. */
export function leaseHolder(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

function expiry(now: Date, ms: number): string {
  return new Date(now.getTime() + ms).toISOString();
}

/**
 * Takes the vetting lease if it is free, expired, already this holder's, or held by a process
 * of this machine that has died (a crashed run resumes at once); otherwise throws CONFLICT
 * naming the holder and when its lease ends. One conditional upsert, so two processes
 * racing for it cannot both win on either database.
 *
 * @example
 * const lease = await acquireLease(store, { now: () => new Date() });
 * try { ...; await lease.renew(); ... } finally { await lease.release(); }
 */
export async function acquireLease(store: Pick<Store, 'db'>, options: { holder?: string; ttlMs?: number; now?: () => Date } = {}): Promise<VettingLease> {
  const db = vettingDb(store);
  const holder = options.holder ?? leaseHolder();
  const ttl = options.ttlMs ?? DEFAULT_LEASE_MS;
  const now = options.now ?? (() => new Date());
  const at = now().toISOString();
  const taken = await db
    .insertInto('vetting_leases')
    .values({ name: LEASE, holder, acquired_at: at, expires_at: expiry(now(), ttl) })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, acquired_at: at, expires_at: expiry(now(), ttl) })
        .where((eb) => eb.or([eb('vetting_leases.expires_at', '<', at), eb('vetting_leases.holder', '=', holder)])),
    )
    .returning('holder')
    .executeTakeFirst();
  if (taken?.holder !== holder) {
    const current = await db.selectFrom('vetting_leases').select(['holder', 'expires_at']).where('name', '=', LEASE).executeTakeFirst();
    // A holder that died on this machine is known dead now: no need to wait out its lease.
    const stolen =
      current !== undefined && isDeadLocalHolder(current.holder)
        ? await db.updateTable('vetting_leases').set({ holder, acquired_at: at, expires_at: expiry(now(), ttl) }).where('name', '=', LEASE).where('holder', '=', current.holder).executeTakeFirst()
        : undefined;
    if (stolen === undefined || Number(stolen.numUpdatedRows) !== 1) {
      throw new VigilError('CONFLICT', `another process is vetting (${current?.holder ?? 'unknown'}, lease until ${current?.expires_at ?? 'unknown'}); it vets these changes too`, {
        lease: 'busy',
        holder: current?.holder,
        until: current?.expires_at,
      });
    }
  }
  return {
    holder,
    async renew(): Promise<void> {
      const renewed = await db.updateTable('vetting_leases').set({ expires_at: expiry(now(), ttl) }).where('name', '=', LEASE).where('holder', '=', holder).executeTakeFirst();
      if (Number(renewed.numUpdatedRows) !== 1) {
        throw new VigilError('CONFLICT', 'the vetting lease expired and another process took it over; this run stops and that one resumes it', { lease: 'lost', holder });
      }
    },
    async release(): Promise<void> {
      await db.deleteFrom('vetting_leases').where('name', '=', LEASE).where('holder', '=', holder).execute();
    },
  };
}

/** Whether `holder` names a process on this host that no longer exists. */
function isDeadLocalHolder(holder: string): boolean {
  const [host, pidText] = holder.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    // Signal 0 delivers nothing: it only asks whether the process exists.
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Whether an error says the lease is someone else's: a scheduler waits for its next tick. */
export function isLeaseBusy(error: unknown): boolean {
  return error instanceof VigilError && error.code === 'CONFLICT' && error.details.lease === 'busy';
}
