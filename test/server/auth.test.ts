import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../helpers/test-store.js';
import { openHarness, type Harness } from './server-harness.js';

const PASSWORD = 'correct horse battery staple';

function sessionCookie(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join('\n') : (setCookie ?? '');
  const value = /vigil_session=([^;]+)/.exec(header)?.[1];
  if (value === undefined) throw new Error(`no session cookie in ${header}`);
  return value;
}

describe(`signing in and credentials (${testDialect()})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness({ config: { loginRateLimit: { max: 5, windowMs: 60_000 } } });
    await h.identity.addUser({ orgId: h.orgId, username: 'j.doe', displayName: 'J. Doe', password: PASSWORD, roles: ['officer'] });
  });
  afterAll(() => h.close());

  it('signs in with a session cookie that is HttpOnly, SameSite=Strict and Secure', async () => {
    const login = await h.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { username: 'j.doe', password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect(login.json().principal).toMatchObject({ kind: 'user', name: 'J. Doe', roles: ['officer'] });
    const header = String(login.headers['set-cookie']);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Strict/);
    expect(header).toMatch(/Secure/);
    expect(header).toMatch(/Path=\//);
    const token = sessionCookie(login.headers['set-cookie']);

    const me = await h.app.inject({ method: 'GET', url: '/v1/auth/me', cookies: { vigil_session: token } });
    expect(me.json().principal.name).toBe('J. Doe');
    const screen = await h.app.inject({ method: 'POST', url: '/v1/screen', cookies: { vigil_session: token }, payload: { id: 'p', name: 'Someone Else' } });
    expect(screen.statusCode).toBe(200);
    const lists = await h.app.inject({ method: 'GET', url: '/v1/lists', cookies: { vigil_session: token } });
    expect(lists.statusCode).toBe(403);

    const logout = await h.app.inject({ method: 'POST', url: '/v1/auth/logout', cookies: { vigil_session: token } });
    expect(logout.statusCode).toBe(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/vigil_session=;/);
    const after = await h.app.inject({ method: 'GET', url: '/v1/auth/me', cookies: { vigil_session: token } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a wrong password with 401 and audits the attempt', async () => {
    const before = (await h.records()).length;
    const login = await h.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { username: 'j.doe', password: 'wrong password!!' } });
    expect(login.statusCode).toBe(401);
    expect(login.json()).toMatchObject({ code: 'AUTH_FAILED' });
    expect(login.headers['set-cookie']).toBeUndefined();
    const added = (await h.records()).slice(before);
    expect(added.map((r) => [r.action, r.outcome, r.details?.['username']])).toEqual([['auth.login', 'denied', 'j.doe']]);
    expect(JSON.stringify(added)).not.toMatch(/wrong password/);
  });

  it('ends a session when its time is up (controlled clock)', async () => {
    const login = await h.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { username: 'j.doe', password: PASSWORD } });
    const token = sessionCookie(login.headers['set-cookie']);
    expect((await h.app.inject({ method: 'GET', url: '/v1/auth/me', cookies: { vigil_session: token } })).statusCode).toBe(200);
    h.clock.advance(8 * 60 * 60 * 1000 + 1000);
    const expired = await h.app.inject({ method: 'GET', url: '/v1/auth/me', cookies: { vigil_session: token } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'AUTH_REQUIRED', message: expect.stringMatching(/expired/) });
  });

  it('refuses wrong, malformed and revoked keys with 401', async () => {
    const cases = ['Bearer vgl_0123456789abcdef_' + 'A'.repeat(43), 'Bearer not-a-key', 'Basic dXNlcjpwYXNz', `Bearer ${h.keys.officer}x`];
    for (const authorization of cases) {
      const response = await h.app.inject({ method: 'POST', url: '/v1/screen', headers: { authorization }, payload: { id: 'p', name: 'X Y' } });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.json().code).toBe('AUTH_REQUIRED');
    }
    const issued = await h.identity.createApiKey({ orgId: h.orgId, role: 'officer', label: 'to revoke' });
    const headers = { authorization: `Bearer ${issued.key}` };
    expect((await h.app.inject({ method: 'GET', url: '/v1/auth/me', headers })).statusCode).toBe(200);
    await h.identity.revokeApiKey(issued.id);
    const revoked = await h.app.inject({ method: 'GET', url: '/v1/auth/me', headers });
    expect(revoked.statusCode).toBe(401);
    const denied = (await h.records()).filter((r) => r.actor.id === issued.id && r.outcome === 'denied');
    expect(denied.map((r) => r.action)).toEqual(['auth.me']);
  });

  it('limits sign-in attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const response = await h.app.inject({ method: 'POST', url: '/v1/auth/login', remoteAddress: '10.9.9.9', payload: { username: 'nobody', password: 'guess guess guess' } });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });
});

describe(`the per-credential rate limit (${testDialect()})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness({ config: { rateLimit: { max: 3, windowMs: 60_000 } } });
  });
  afterAll(() => h.close());

  it('counts each key apart and answers 429 with the error shape', async () => {
    const call = (role: 'officer' | 'analyst') => h.app.inject({ method: 'GET', url: '/v1/auth/me', headers: h.bearer(role) });
    const officer = [];
    for (let i = 0; i < 4; i += 1) officer.push((await call('officer')).statusCode);
    expect(officer).toEqual([200, 200, 200, 429]);
    expect((await call('analyst')).statusCode).toBe(200);
    const limited = await call('officer');
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', statusCode: 429 });
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
