/** What a key id resolves to in the database: enough to check a secret and build a principal. */
export interface CachedKey {
  secretHash: string;
  orgId: string;
  role: string;
  label: string;
  revoked: boolean;
}

interface Entry {
  /** Undefined: no such key id (remembered too, so random ids do not each cost a query). */
  key: CachedKey | undefined;
  expiresAt: number;
}

/**
 * A short-lived, bounded memory of key look-ups, because the server resolves a key on every
 * request. Revocations made in this process are remembered for good in `revoked`, so a look-up
 * that raced with the revocation cannot bring the key back.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<CachedKey | undefined>>();
  private readonly revoked = new Set<string>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number,
    private readonly maxEntries = 10_000,
  ) {}

  isRevoked(id: string): boolean {
    return this.revoked.has(id);
  }

  markRevoked(id: string): void {
    this.revoked.add(id);
    this.entries.delete(id);
  }

  /** A key created here must not be hidden by a remembered "no such key". */
  forget(id: string): void {
    this.entries.delete(id);
  }

  async get(id: string, load: (id: string) => Promise<CachedKey | undefined>): Promise<CachedKey | undefined> {
    const entry = this.entries.get(id);
    if (entry !== undefined && entry.expiresAt > this.clock()) return entry.key;
    const inFlight = this.pending.get(id);
    if (inFlight !== undefined) return inFlight;
    const loading = load(id).then(
      (key) => {
        this.pending.delete(id);
        if (this.ttlMs > 0) this.remember(id, key);
        return key;
      },
      (error: unknown) => {
        this.pending.delete(id);
        throw error;
      },
    );
    this.pending.set(id, loading);
    return loading;
  }

  private remember(id: string, key: CachedKey | undefined): void {
    this.entries.delete(id);
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first entry is the oldest.
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(id, { key, expiresAt: this.clock() + this.ttlMs });
  }
}
