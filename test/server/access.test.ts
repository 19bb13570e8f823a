import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/sharing/index.js';
import { testDialect } from '../helpers/test-store.js';
import { openHarness, type Harness } from './server-harness.js';

/** A concrete URL for a route template, naming things that exist in the harness's store. */
function concrete(url: string): string {
  return url.replace(':id', 'nominations:SRV-001').replace(':source', 'nominations').replace('*', 'index.css');
}

describe(`who may call what (${testDialect()})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
  });
  afterAll(() => h.close());

  it('lets exactly the declared roles through every registered route, and nobody without credentials', async () => {
    const routes = h.app.routeTable();
    expect(routes.length).toBeGreaterThan(15);
    const problems: string[] = [];
    for (const route of routes) {
      const url = concrete(route.url);
      const call = (headers: Record<string, string>) => h.app.inject({ method: route.method as 'GET', url, headers });
      const anonymous = await call({});
      if (route.access.public === true) {
        if (anonymous.statusCode === 401 || anonymous.statusCode === 403) problems.push(`${route.method} ${route.url}: public but ${anonymous.statusCode}`);
        continue;
      }
      if (anonymous.statusCode !== 401) problems.push(`${route.method} ${route.url}: ${anonymous.statusCode} without credentials`);
      for (const role of ROLES) {
        const response = await call(h.bearer(role));
        const admitted = (route.access.roles ?? []).includes(role);
        if (admitted && (response.statusCode === 401 || response.statusCode === 403)) problems.push(`${route.method} ${route.url}: ${role} refused (${response.statusCode})`);
        if (!admitted && response.statusCode !== 403) problems.push(`${route.method} ${route.url}: ${role} got ${response.statusCode}, not 403`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('matches the role table the centre agreed for screening, lists and sign-in', () => {
    const table = new Map(h.app.routeTable().filter((r) => r.method !== 'HEAD').map((r) => [`${r.method} ${r.url}`, r.access.public === true ? 'public' : [...(r.access.roles ?? [])].sort().join(',')]));
    const staff = 'admin,analyst,officer,supervisor';
    const readers = 'admin,analyst,supervisor';
    const agreed: Record<string, string> = {
      'GET /healthz': 'public',
      'GET /readyz': 'public',
      'GET /metrics': 'public',
      'GET /openapi.json': 'public',
      'POST /v1/auth/login': 'public',
      'POST /v1/auth/logout': staff,
      'GET /v1/auth/me': staff,
      'POST /v1/screen': staff,
      'POST /v1/compare': staff,
      'GET /v1/entities/:id': readers,
      'GET /v1/lists': readers,
      'GET /v1/lists/:source/versions': readers,
      'GET /v1/lists/:source/diff': readers,
      'POST /v1/lists/:source/import': 'admin',
    };
    // Other resources (advisories, ...) declare their own; these are the ones this table covers.
    expect(Object.fromEntries(Object.keys(agreed).map((key) => [key, table.get(key)]))).toEqual(agreed);
    // A partner reaches none of them beyond the public ones yet.
    expect(Object.values(agreed).every((roles) => roles === 'public' || !roles.split(',').includes('partner' satisfies Role))).toBe(true);
  });

  it('audits refusals: one denied record per 401 and 403', async () => {
    const before = (await h.records()).length;
    await h.app.inject({ method: 'GET', url: '/v1/lists', headers: h.bearer('officer') });
    await h.app.inject({ method: 'POST', url: '/v1/screen', payload: { id: 'x', name: 'Some One' } });
    const added = (await h.records()).slice(before);
    expect(added.map((r) => [r.action, r.outcome, r.actor.kind, r.actor.id])).toEqual([
      ['list.read', 'denied', 'key', h.keyIds.officer],
      ['screen', 'denied', 'system', 'http:unauthenticated'],
    ]);
    expect(added[1]?.subjectIds).toBeUndefined();
  });
});

describe('a route without an access declaration', () => {
  it('stops the app from starting, naming the route', async () => {
    const { accessControl } = await import('../../src/server/access-control.js');
    const app = Fastify();
    await app.register(cookie);
    await app.register(accessControl, { identity: { resolveApiKey: async () => undefined, resolveSession: async () => undefined }, sessionCookie: 's' });
    await app.register(async (child) => {
      child.get('/forgotten', async () => 'oops');
      child.get('/fine', { config: { public: true } }, async () => 'ok');
    });
    await expect(app.ready()).rejects.toThrow(/GET \/forgotten/);
  });
});
