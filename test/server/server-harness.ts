import { fileURLToPath } from 'node:url';
import { createAuditLog, type AuditLog, type AuditRecord } from '../../src/audit/index.js';
import { ScreeningEngine } from '../../src/screening/index.js';
import { buildApp, type ServerConfigInput, type VigilApp } from '../../src/server/index.js';
import { importFiles } from '../../src/store/index.js';
import { createIdentityService, ROLES, type IdentityService, type Role } from '../../src/sharing/index.js';
import { openTestStore, type TestStore } from '../helpers/test-store.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const WATCHLIST_V1 = `${FIXTURES}watchlist-v1.csv`;
export const WATCHLIST_V2 = `${FIXTURES}watchlist-v2.csv`;

/** A clock the test moves by hand, for session expiry. */
export class TestClock {
  constructor(public current = new Date('2026-03-01T08:00:00Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Harness {
  app: VigilApp;
  store: TestStore;
  identity: IdentityService;
  audit: AuditLog;
  clock: TestClock;
  orgId: string;
  /** One API key per role, and its id. */
  keys: Record<Role, string>;
  keyIds: Record<Role, string>;
  bearer(role: Role): { authorization: string };
  /** Audit records committed so far, oldest first. */
  records(): Promise<AuditRecord[]>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  config?: ServerConfigInput;
  /** List files imported before the engine opens; default the v1 watchlist. */
  lists?: string[];
}

/**
 * A real app over a test store of the dialect under test (VIGIL_TEST_DB): identity, audit and
 * screening engine are the real ones; the identity clock is the test's.
 */
export async function openHarness(options: HarnessOptions = {}): Promise<Harness> {
  const store = await openTestStore();
  const clock = new TestClock();
  const identity = createIdentityService(store, { now: clock.now });
  const audit = createAuditLog(store, { flushMs: 1 });
  const lists = options.lists ?? [WATCHLIST_V1];
  if (lists.length > 0) await importFiles(store, lists);
  const org = await identity.createOrganisation({ name: 'Test Centre' });
  const keys = {} as Record<Role, string>;
  const keyIds = {} as Record<Role, string>;
  for (const role of ROLES) {
    const issued = await identity.createApiKey({ orgId: org.id, role, label: `${role} key` });
    keys[role] = issued.key;
    keyIds[role] = issued.id;
  }
  const app = buildApp({ store, engine: ScreeningEngine.open(store), identity, audit, config: { secureCookies: true, ...options.config } });
  await app.ready();
  await app.engineLoaded;
  return {
    app,
    store,
    identity,
    audit,
    clock,
    orgId: org.id,
    keys,
    keyIds,
    bearer: (role) => ({ authorization: `Bearer ${keys[role]}` }),
    async records() {
      await audit.flush();
      const out: AuditRecord[] = [];
      for await (const record of audit.export()) out.push(record);
      return out;
    },
    async close() {
      await app.close();
      await audit.close();
      await store.close();
    },
  };
}
