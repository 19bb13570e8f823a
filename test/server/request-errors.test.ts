import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../helpers/test-store.js';
import { openHarness, type Harness } from './server-harness.js';

const json = { 'content-type': 'application/json' };

describe(`refused requests say what is wrong (${testDialect()})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness({ config: { bodyLimit: 64 * 1024 } });
  });
  afterAll(() => h.close());

  const screen = (payload: string | object, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url: '/v1/screen', headers: { ...h.bearer('officer'), ...json, ...headers }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

  it('refuses malformed JSON with 400 and no stack', async () => {
    const response = await screen('{"id": "t1", "name": ');
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toMatchObject({ statusCode: 400, code: 'INVALID_INPUT', error: 'Bad Request' });
    expect(body.message).toMatch(/not valid JSON/);
    expect(response.body).not.toMatch(/ at .*\.(ts|js):\d+/);
    expect(Object.keys(body).sort()).toEqual(['code', 'details', 'error', 'message', 'statusCode']);
  });

  it('names the field path of a wrong type, in a single subject and deep in a batch', async () => {
    const single = await screen({ id: 't1', name: 'Ann Example', birthDate: 1980 });
    expect(single.statusCode).toBe(400);
    expect(single.json().details.field).toBe('birthDate');
    expect(single.json().message).toMatch(/^birthDate: /);

    const batch = await screen({ subjects: [{ id: 'a', name: 'Ann' }, { id: 'b', name: 'Bob', documents: [{ type: 'passport', number: 42 }] }] });
    expect(batch.statusCode).toBe(400);
    expect(batch.json().details).toMatchObject({ field: 'subjects.1.documents.0.number', in: 'body' });

    const name = await screen({ id: 't1', name: 7 });
    expect(name.json().message).toBe('name: Invalid input: expected string or array, received number');

    const query = await h.app.inject({ method: 'GET', url: '/v1/entities/nominations:SRV-001?version=first', headers: h.bearer('analyst') });
    expect(query.statusCode).toBe(400);
    expect(query.json().details).toMatchObject({ field: 'version', in: 'querystring' });
  });

  it('refuses unknown fields, naming them', async () => {
    const single = await screen({ id: 't1', name: 'Ann Example', nickname: 'Annie' });
    expect(single.statusCode).toBe(400);
    expect(single.json().details.field).toBe('nickname');
    const nested = await screen({ subjects: [{ id: 'a', name: 'Ann', religion: 'x' }] });
    expect(nested.json().details.field).toBe('subjects.0.religion');
    const channel = await screen({ id: 't1', name: 'Ann', channel: 'teleport' });
    expect(channel.json().details.field).toBe('channel');
  });

  it('refuses an oversized body with 413 and a JSON error', async () => {
    const response = await screen({ id: 't1', name: 'Ann', padding: 'x'.repeat(100 * 1024) });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/64 KiB/) });
  });

  it('refuses a 10,000-subject batch with a clear message, before screening any', async () => {
    const subjects = Array.from({ length: 10_000 }, (_, i) => ({ id: String(i), name: 'A B' }));
    const before = (await h.records()).length;
    const wide = await openHarness({ config: { bodyLimit: 4 * 1024 * 1024 } });
    try {
      const response = await wide.app.inject({ method: 'POST', url: '/v1/screen', headers: { ...wide.bearer('officer'), ...json }, payload: JSON.stringify({ subjects }) });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { field: 'subjects', limit: 1000, received: 10_000 } });
      expect(response.json().message).toBe('a batch holds at most 1000 subjects and this one has 10000: send it as 10 requests');
      const records = await wide.records();
      expect(records.map((r) => [r.action, r.outcome])).toEqual([['screen', 'error']]);
    } finally {
      await wide.close();
    }
    expect((await h.records()).length).toBe(before);
    // Under the default 1 MB limit the same batch is refused by size alone, also with 413.
    const small = await screen({ subjects: subjects.map((s) => ({ ...s, name: 'Abdul Rahman Example Name' })) });
    expect(small.statusCode).toBe(413);
  });

  it('screens a full 1,000-subject batch', async () => {
    const subjects = Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, name: i === 500 ? 'Dmitry Orlov' : `Person Number ${i}` }));
    const response = await screen({ subjects });
    expect(response.statusCode).toBe(200);
    const results = response.json().results as Array<{ id: string; decision: string }>;
    expect(results).toHaveLength(1000);
    expect(results[500]).toMatchObject({ id: 's500', decision: expect.stringMatching(/review|match/) });
  });

  it('answers unknown routes and unsupported bodies with the same error shape', async () => {
    const missing = await h.app.inject({ method: 'GET', url: '/v1/nothing', headers: h.bearer('admin') });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    const xml = await h.app.inject({ method: 'POST', url: '/v1/screen', headers: { ...h.bearer('officer'), 'content-type': 'application/xml' }, payload: '<subject/>' });
    expect(xml.statusCode).toBe(415);
    expect(xml.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    // Fastify reads text/plain as a string, which the schema then refuses as a whole.
    const text = await h.app.inject({ method: 'POST', url: '/v1/screen', headers: { ...h.bearer('officer'), 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBe(400);
    expect(text.json().message).toBe('body: Invalid input: expected object, received string');
  });

  it('reports an unknown entity as 404 STORE_NOT_FOUND', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/v1/entities/nominations:NOPE', headers: h.bearer('analyst') });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'STORE_NOT_FOUND', message: 'no entity nominations:NOPE' });
  });

  it('sets security headers and no CORS headers by default', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://evil.example' } });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe(`CORS when configured (${testDialect()})`, () => {
  it('answers the named origin only', async () => {
    const h = await openHarness({ config: { corsOrigins: ['https://console.example'] } });
    try {
      const preflight = await h.app.inject({ method: 'OPTIONS', url: '/v1/screen', headers: { origin: 'https://console.example', 'access-control-request-method': 'POST' } });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://console.example');
      const other = await h.app.inject({ method: 'OPTIONS', url: '/v1/screen', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await h.close();
    }
  });
});
