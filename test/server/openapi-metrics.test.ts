import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../helpers/test-store.js';
import { openHarness, type Harness } from './server-harness.js';

describe(`the published contract and metrics (${testDialect()})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
  });
  afterAll(() => h.close());

  it('serves an OpenAPI 3.1 document generated from the route schemas, with roles and security', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const registered = h.app
      .routeTable()
      .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/docs') && r.url !== '/openapi.json')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(documented.sort()).toEqual(registered.sort());
    const screen = doc.paths['/v1/screen'].post;
    expect(screen.description).toMatch(/Roles: officer, analyst, supervisor, admin\. Audited\./);
    expect(screen.security).toEqual([{ apiKey: [] }, { session: [] }]);
    expect(screen.requestBody.content['application/json'].schema.anyOf).toHaveLength(2);
    expect(doc.components.schemas.ScreeningResult).toBeDefined();
    expect(doc.paths['/v1/lists/{source}/import'].post.requestBody.content['application/octet-stream']).toBeDefined();
    expect(doc.paths['/healthz'].get.security).toBeUndefined();
    const docs = await h.app.inject({ method: 'GET', url: '/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('keeps fields the schema does not name out of replies', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/v1/auth/me', headers: h.bearer('analyst') });
    expect(Object.keys(response.json().principal).sort()).toEqual(['id', 'kind', 'name', 'orgId', 'roles']);
  });

  it('exports request counts and latencies per route, screenings by decision, index size and list ages', async () => {
    await h.app.inject({ method: 'POST', url: '/v1/screen', headers: h.bearer('officer'), payload: { id: 'm1', name: 'Dmitry Orlov' } });
    await h.app.inject({ method: 'POST', url: '/v1/screen', headers: h.bearer('officer'), payload: { id: 'm2', name: 'Nobody In Particular' } });
    const response = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/plain/);
    const text = response.body;
    expect(text).toMatch(/vigil_http_requests_total\{method="POST",route="\/v1\/screen",status="200"\} 2/);
    expect(text).toMatch(/vigil_http_request_duration_seconds_bucket\{le="0\.01",method="POST",route="\/v1\/screen"\}/);
    expect(text).toMatch(/vigil_screenings_total\{decision="clear"\} 1/);
    expect(text).toMatch(/vigil_screenings_total\{decision="(match|review)"\} 1/);
    expect(text).toMatch(/vigil_index_entities 3/);
    expect(text).toMatch(/vigil_list_version\{source="nominations"\} 1/);
    expect(text).toMatch(/vigil_list_age_seconds\{source="nominations"\} \d/);
    expect(text).not.toMatch(/Orlov|m1|m2/);
  });

  it('is ready once the index is loaded, and live regardless', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await h.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready', entities: 3, listVersions: { nominations: 1 } });
  });
});
