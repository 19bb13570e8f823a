import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ntas } from '../advisories/advisory-fixtures.js';
import { testDialect } from '../helpers/test-store.js';
import { openHarness, type Harness } from './server-harness.js';

interface Screened {
  decision: string;
  posture?: { id: string; level: string; reviewThreshold: number; enhanced?: string };
}

describe(`screening follows the threat level (${testDialect()})`, () => {
  let h: Harness;
  let second: { authorization: string };
  const traveller = { id: 'pax-1', name: 'Jonathan Whitfield', birthDate: '1985-07-07', channel: 'air_arrival', port: 'JFK' };

  const screen = async (body: object): Promise<Screened> => {
    const reply = await h.app.inject({ method: 'POST', url: '/v1/screen', headers: h.bearer('officer'), payload: body });
    expect(reply.statusCode).toBe(200);
    return reply.json() as Screened;
  };

  beforeAll(async () => {
    h = await openHarness();
    second = { authorization: `Bearer ${(await h.identity.createApiKey({ orgId: h.orgId, role: 'supervisor', label: 'second supervisor' })).key}` };
  });
  afterAll(() => h.close());

  it('clears an unlisted traveller at baseline, sends the same traveller to review at a named port once an Imminent alert is published, and records why', async () => {
    const before = await screen(traveller);
    expect(before.decision).toBe('clear');
    expect(before.posture).toMatchObject({ id: 'baseline' });

    const post = (url: string, headers: Record<string, string>, payload?: object) => h.app.inject({ method: 'POST', url, headers, ...(payload !== undefined ? { payload } : {}) });
    const created = await post('/v1/advisories', h.bearer('supervisor'), ntas({ level: 'imminent', ports: ['JFK'], expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }));
    const id = (created.json() as { id: string }).id;
    expect((await post(`/v1/advisories/${id}/approve`, second)).statusCode).toBe(200);
    expect((await post(`/v1/advisories/${id}/publish`, h.bearer('supervisor'))).statusCode).toBe(200);

    const after = await screen(traveller);
    expect(after.decision).toBe('review');
    expect(after.posture).toMatchObject({ level: 'imminent', enhanced: 'port JFK' });
    expect(after.posture?.reviewThreshold).toBeLessThan(before.posture?.reviewThreshold ?? 0);

    const elsewhere = await screen({ ...traveller, id: 'pax-2', port: 'BOS' });
    expect(elsewhere.decision).toBe('clear');
    expect(elsewhere.posture?.enhanced).toBeUndefined();
  });
});
