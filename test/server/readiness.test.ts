import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../src/audit/index.js';
import type { ScreeningEngine } from '../../src/screening/index.js';
import { buildApp } from '../../src/server/index.js';
import { createIdentityService } from '../../src/sharing/index.js';
import { openTestStore, testDialect } from '../helpers/test-store.js';

describe(`before the index is loaded (${testDialect()})`, () => {
  it('is live but not ready, and screening says NOT_READY', async () => {
    const store = await openTestStore();
    const identity = createIdentityService(store);
    const audit = createAuditLog(store);
    const org = await identity.createOrganisation({ name: 'Org' });
    const { key } = await identity.createApiKey({ orgId: org.id, role: 'officer', label: 'k' });
    let release: (engine: ScreeningEngine) => void = () => undefined;
    const engine = new Promise<ScreeningEngine>((resolve) => {
      release = resolve;
    });
    const app = buildApp({ store, engine, identity, audit });
    try {
      await app.ready();
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ code: 'NOT_READY', message: 'the screening index is still loading' });
      const screen = await app.inject({ method: 'POST', url: '/v1/screen', headers: { authorization: `Bearer ${key}` }, payload: { id: 'a', name: 'B C' } });
      expect(screen.statusCode).toBe(503);
      expect(screen.json().code).toBe('NOT_READY');
      const { ScreeningEngine: Engine } = await import('../../src/screening/index.js');
      release(await Engine.open(store));
      await app.engineLoaded;
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await audit.close();
      await store.close();
    }
  });
});
