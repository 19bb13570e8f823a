import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/notify/index.js';
import { openHarness, type Harness } from '../server/server-harness.js';
import { ntas, validateCap } from './advisory-fixtures.js';
import { testDialect } from '../helpers/test-store.js';

describe(`advisories over HTTP (${testDialect()})`, () => {
  let h: Harness;
  let second: { authorization: string };
  let outsider: { authorization: string };
  let publicId: string;
  let restrictedId: string;

  const post = (url: string, headers: Record<string, string>, payload?: object) => h.app.inject({ method: 'POST', url, headers, ...(payload !== undefined ? { payload } : {}) });
  const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers });
  const future = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

  async function publish(payload: object): Promise<string> {
    const created = await post('/v1/advisories', h.bearer('supervisor'), payload);
    expect(created.statusCode).toBe(201);
    const id = (created.json() as { id: string }).id;
    expect((await post(`/v1/advisories/${id}/approve`, second)).statusCode).toBe(200);
    expect((await post(`/v1/advisories/${id}/publish`, h.bearer('supervisor'))).statusCode).toBe(200);
    return id;
  }

  beforeAll(async () => {
    h = await openHarness({ lists: [] });
    second = { authorization: `Bearer ${(await h.identity.createApiKey({ orgId: h.orgId, role: 'supervisor', label: 'second supervisor' })).key}` };
    const other = await h.identity.createOrganisation({ name: 'Airline' });
    outsider = { authorization: `Bearer ${(await h.identity.createApiKey({ orgId: other.id, role: 'partner', label: 'airline' })).key}` };
    publicId = await publish(ntas({ expiresAt: future(14), title: 'Public alert' }));
    restrictedId = await publish(ntas({ expiresAt: future(14), title: 'Restricted alert', scope: 'restricted', level: 'imminent', ports: ['JFK'] }));
  });
  afterAll(() => h.close());

  it('enforces two-person approval, recording one audit record per refusal', async () => {
    const created = await post('/v1/advisories', h.bearer('supervisor'), ntas({ expiresAt: future(3) }));
    const id = (created.json() as { id: string }).id;
    const before = (await h.records()).length;
    const self = await post(`/v1/advisories/${id}/approve`, h.bearer('supervisor'));
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/cannot approve/) });
    expect((await post(`/v1/advisories/${id}/approve`, h.bearer('admin'))).statusCode).toBe(403);
    expect((await post(`/v1/advisories/${id}/publish`, h.bearer('supervisor'))).statusCode).toBe(409);
    const added = (await h.records()).slice(before);
    expect(added.map((r) => [r.action, r.outcome])).toEqual([
      ['advisory.approve', 'denied'],
      ['advisory.approve', 'denied'],
      ['advisory.publish', 'denied'],
    ]);
    expect((await post('/v1/advisories', h.bearer('officer'), ntas({ expiresAt: future(3) }))).statusCode).toBe(403);
    expect((await post('/v1/advisories', h.bearer('supervisor'), { scheme: 'ntas' })).json()).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('serves the public page without JavaScript, restricted content only to those allowed', async () => {
    const page = await get('/advisories');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('Public alert');
    expect(page.body).not.toContain('Restricted alert');
    expect(page.body).not.toMatch(/<script/i);
    const asOfficer = await get('/advisories', h.bearer('officer'));
    expect(asOfficer.body).toContain('Restricted alert');
    expect(asOfficer.body).toContain('SOURCE-CONFIDENTIAL');
    expect((await get('/advisories', outsider)).body).not.toContain('SOURCE-CONFIDENTIAL');
    expect((await get('/advisories', { authorization: 'Bearer vgl_nonsense' })).statusCode).toBe(401);
  });

  it('serves JSON with filters, one advisory, the feed and CAP, each within scope', async () => {
    const anonymous = (await get('/v1/advisories')).json() as { advisories: Array<{ id: string }>; levels: Array<{ level: string }> };
    expect(anonymous.advisories.map((a) => a.id)).toEqual([publicId]);
    expect(anonymous.levels.map((l) => l.level)).toEqual(['elevated']);
    const partnerView = (await get('/v1/advisories?status=current&level=imminent', outsider)).json() as { advisories: Array<{ id: string; justification?: string }>; levels: Array<{ level: string }> };
    expect(partnerView.advisories.map((a) => a.id)).toEqual([restrictedId]);
    expect(partnerView.advisories[0]?.justification).toBeUndefined();
    expect(partnerView.levels.map((l) => l.level)).toEqual(['imminent']);
    expect((await get('/v1/advisories?status=bogus')).statusCode).toBe(400);

    expect((await get(`/v1/advisories/${restrictedId}`)).statusCode).toBe(404);
    expect((await get(`/v1/advisories/${restrictedId}`, h.bearer('analyst'))).json()).toMatchObject({ id: restrictedId, justification: expect.stringContaining('SOURCE-CONFIDENTIAL') });

    const feed = await get('/v1/advisories/feed.atom');
    expect(feed.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(feed.body).toContain(`urn:vigil:advisory:${publicId}`);
    expect(feed.body).not.toContain(restrictedId);

    expect((await get(`/v1/advisories/${restrictedId}/cap`)).statusCode).toBe(404);
    const cap = await get(`/v1/advisories/${restrictedId}/cap`, outsider);
    expect(cap.headers['content-type']).toMatch(/^application\/cap\+xml/);
    expect(validateCap(cap.body)).toMatchObject({ ok: true });
    expect(cap.body).toContain('<scope>Restricted</scope>');
  });

  it('gives staff the posture the advisories set, and nobody else', async () => {
    const posture = await get('/v1/posture', h.bearer('officer'));
    expect(posture.json()).toMatchObject({ id: 'ntas:imminent', advisoryId: restrictedId, reviewThreshold: 0.6, matchThreshold: 0.9, enhanced: { ports: ['JFK'] } });
    expect((await get('/v1/posture')).statusCode).toBe(401);
    expect((await get('/v1/posture', h.bearer('partner'))).statusCode).toBe(403);
  });

  it('updates, extends and cancels through the API, keeping the history', async () => {
    const updated = await post(`/v1/advisories/${publicId}/update`, second, { summary: 'Revised summary.' });
    expect(updated.json()).toMatchObject({ version: 1, pending: { version: 2, change: 'update' } });
    expect((await post(`/v1/advisories/${publicId}/approve`, h.bearer('supervisor'))).statusCode).toBe(200);
    expect((await post(`/v1/advisories/${publicId}/publish`, second)).json()).toMatchObject({ version: 2, summary: 'Revised summary.' });
    const extended = await post(`/v1/advisories/${publicId}/extend`, second, { expiresAt: future(30) });
    expect(extended.json()).toMatchObject({ pending: { version: 3, change: 'extend' } });
    const cancelled = await post(`/v1/advisories/${publicId}/cancel`, h.bearer('supervisor'), { reason: 'No longer needed.' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'No longer needed.' });
    const history = ((await get(`/v1/advisories/${publicId}`)).json() as { history: Array<{ version: number; state: string; authorId?: string }> }).history;
    expect(history.map((v) => [v.version, v.state])).toEqual([
      [1, 'replaced'],
      [2, 'published'],
    ]);
    expect(history[0]?.authorId).toBeUndefined();
    expect((await get(`/v1/advisories/${publicId}/cap`)).body).toContain('<msgType>Cancel</msgType>');
  });

  it('lets admins manage webhook subscriptions and send a signed test delivery', async () => {
    let received: { body: string; signature: string } | undefined;
    const server: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (c: Buffer) => (body += c.toString('utf8')));
      request.on('end', () => {
        received = { body, signature: String(request.headers['x-vigil-signature']) };
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      expect((await post('/v1/webhooks', h.bearer('supervisor'), { url, eventTypes: ['*'] })).statusCode).toBe(403);
      const created = await post('/v1/webhooks', h.bearer('admin'), { url, eventTypes: ['advisory.published'], orgId: 'newsroom' });
      expect(created.statusCode).toBe(201);
      const { subscription, secret } = created.json() as { subscription: { id: string }; secret: string };
      expect(((await get('/v1/webhooks', h.bearer('admin'))).json() as { subscriptions: object[] }).subscriptions[0]).not.toHaveProperty('secret');
      expect((await post(`/v1/webhooks/${subscription.id}/test`, h.bearer('admin'))).json()).toMatchObject({ ok: true, status: 200 });
      expect(verifySignature(secret, received?.body ?? '', received?.signature)).toBe(true);
      expect((await get('/v1/webhooks/deliveries?status=dead', h.bearer('admin'))).json()).toEqual({ deliveries: [] });
      expect((await h.app.inject({ method: 'DELETE', url: `/v1/webhooks/${subscription.id}`, headers: h.bearer('admin') })).statusCode).toBe(204);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('documents every advisory route in the OpenAPI document', async () => {
    const doc = (await get('/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/advisories', '/v1/advisories', '/v1/advisories/{id}/cap', '/v1/advisories/feed.atom', '/v1/posture', '/v1/webhooks']));
  });
});
