import { get as httpGet, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../helpers/test-store.js';
import { openHarness, type Harness } from '../server/server-harness.js';
import { ntas } from './advisory-fixtures.js';

interface Stream {
  text: () => string;
  close: () => void;
}

function openStream(url: string, headers: Record<string, string> = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { headers: { accept: 'text/event-stream', ...headers } }, (response: IncomingMessage) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      resolve({ text: () => body, close: () => request.destroy() });
    });
    request.on('error', reject);
  });
}

async function eventually(check: () => void, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((done) => setTimeout(done, 50));
    }
  }
}

describe(`advisories as server-sent events (${testDialect()})`, () => {
  let h: Harness;
  let base: string;
  let second: { authorization: string };

  beforeAll(async () => {
    h = await openHarness({ lists: [] });
    second = { authorization: `Bearer ${(await h.identity.createApiKey({ orgId: h.orgId, role: 'supervisor', label: 'second supervisor' })).key}` };
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => h.close());

  async function publish(payload: object): Promise<void> {
    const post = (url: string, headers: Record<string, string>) => h.app.inject({ method: 'POST', url, headers, ...(url === '/v1/advisories' ? { payload } : {}) });
    const id = ((await post('/v1/advisories', h.bearer('supervisor'))).json() as { id: string }).id;
    expect((await post(`/v1/advisories/${id}/approve`, second)).statusCode).toBe(200);
    expect((await post(`/v1/advisories/${id}/publish`, h.bearer('supervisor'))).statusCode).toBe(200);
  }

  it('pushes each publication to the streams allowed to see it, and nothing restricted to the public', async () => {
    const anonymous = await openStream(`${base}/v1/advisories/stream?follow=true`);
    const officer = await openStream(`${base}/v1/advisories/stream?follow=true`, h.bearer('officer'));
    try {
      const expires = new Date(Date.now() + 7 * 86_400_000).toISOString();
      await publish(ntas({ title: 'Streamed public bulletin', expiresAt: expires }));
      await publish(ntas({ title: 'Streamed restricted alert', scope: 'restricted', level: 'elevated', expiresAt: expires }));
      await eventually(() => expect(officer.text()).toContain('Streamed restricted alert'));
      expect(officer.text()).toContain('Streamed public bulletin');
      await eventually(() => expect(anonymous.text()).toContain('Streamed public bulletin'));
      expect(anonymous.text()).not.toContain('Streamed restricted alert');
      expect(anonymous.text()).toMatch(/^retry: 5000/);
    } finally {
      anonymous.close();
      officer.close();
    }
  });
});
