import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIdentityService, type IdentityService, type Organisation } from '../../src/sharing/index.js';
import { openTestStore, type TestStore } from '../helpers/test-store.js';

const PASSWORD = 'correct horse battery';

/** A clock the test moves by hand. */
function manualClock(start = '2025-03-01T08:00:00.000Z'): { now: () => Date; advance: (ms: number) => void } {
  let time = new Date(start).getTime();
  return { now: () => new Date(time), advance: (ms) => void (time += ms) };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('identity: organisations, users, sessions and API keys', () => {
  let store: TestStore;
  let clock: ReturnType<typeof manualClock>;
  let identity: IdentityService;
  let org: Organisation;

  beforeEach(async () => {
    store = await openTestStore();
    clock = manualClock();
    identity = createIdentityService(store, { now: clock.now });
    org = await identity.createOrganisation({ name: 'Border Agency' });
  });

  afterEach(() => store.close());

  it('keeps organisation names unique', async () => {
    expect(await codeOf(identity.createOrganisation({ name: 'Border Agency' }))).toBe('CONFLICT');
    expect((await identity.listOrganisations()).map((o) => o.name)).toEqual(['Border Agency']);
    expect(await identity.findOrganisation('Border Agency')).toEqual(org);
  });

  it('signs a user in with the right password only, and never lists the hash', async () => {
    const user = await identity.addUser({ orgId: org.id, username: 'J.Doe', displayName: 'Jane Doe', password: PASSWORD, roles: ['officer', 'analyst'] });
    expect(user).toMatchObject({ username: 'j.doe', displayName: 'Jane Doe', roles: ['officer', 'analyst'], orgId: org.id });

    const principal = await identity.authenticate('j.doe', PASSWORD);
    expect(principal).toEqual({ kind: 'user', id: user.id, name: 'Jane Doe', orgId: org.id, roles: ['officer', 'analyst'] });
    expect(await codeOf(identity.authenticate('j.doe', `${PASSWORD}!`))).toBe('AUTH_FAILED');

    const listed = await identity.listUsers(org.id);
    expect(JSON.stringify(listed)).not.toMatch(/scrypt|password/i);
    const stored = await store.db.withTables<{ users: { password_hash: string } }>().selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$ln=15,r=8,p=1\$/);
    expect(stored.password_hash).not.toContain(PASSWORD);
  });

  it('says the same thing for an unknown user as for a wrong password', async () => {
    await identity.addUser({ orgId: org.id, username: 'known', password: PASSWORD, roles: ['officer'] });
    const wrong = await identity.authenticate('known', 'not the password at all').catch((e: Error) => e.message);
    const unknown = await identity.authenticate('nobody', PASSWORD).catch((e: Error) => e.message);
    expect(unknown).toBe(wrong);
  });

  it('refuses short passwords, unknown roles, duplicate user names and unknown organisations', async () => {
    expect(await codeOf(identity.addUser({ orgId: org.id, username: 'a', password: 'short pass', roles: ['officer'] }))).toBe('INVALID_INPUT');
    expect(await codeOf(identity.addUser({ orgId: org.id, username: 'a', password: PASSWORD, roles: [] }))).toBe('INVALID_INPUT');
    await identity.addUser({ orgId: org.id, username: 'a', password: PASSWORD, roles: ['officer'] });
    expect(await codeOf(identity.addUser({ orgId: org.id, username: ' A ', password: PASSWORD, roles: ['officer'] }))).toBe('CONFLICT');
    expect(await codeOf(identity.addUser({ orgId: 'no-such-org', username: 'b', password: PASSWORD, roles: ['officer'] }))).toBe('STORE_NOT_FOUND');
  });

  it('locks an account after 5 consecutive failures and unlocks it when the window has passed', async () => {
    await identity.addUser({ orgId: org.id, username: 'target', password: PASSWORD, roles: ['officer'] });
    const codes: Array<string | undefined> = [];
    for (let attempt = 0; attempt < 5; attempt += 1) codes.push(await codeOf(identity.authenticate('target', 'wrong password here')));
    expect(codes).toEqual(['AUTH_FAILED', 'AUTH_FAILED', 'AUTH_FAILED', 'AUTH_FAILED', 'AUTH_LOCKED']);
    // Locked: even the right password is refused.
    expect(await codeOf(identity.authenticate('target', PASSWORD))).toBe('AUTH_LOCKED');
    expect((await identity.findUser('target'))?.lockedUntil).toBe('2025-03-01T08:15:00.000Z');
    clock.advance(14 * 60_000);
    expect(await codeOf(identity.authenticate('target', PASSWORD))).toBe('AUTH_LOCKED');
    clock.advance(60_000);
    expect((await identity.authenticate('target', PASSWORD)).kind).toBe('user');
  });

  it('counts only consecutive failures: a success resets the count', async () => {
    await identity.addUser({ orgId: org.id, username: 'forgetful', password: PASSWORD, roles: ['officer'] });
    for (let attempt = 0; attempt < 4; attempt += 1) await codeOf(identity.authenticate('forgetful', 'wrong password here'));
    await identity.authenticate('forgetful', PASSWORD);
    expect(await codeOf(identity.authenticate('forgetful', 'wrong password here'))).toBe('AUTH_FAILED');
  });

  it('issues sessions that resolve to the user until they expire or end; only the token hash is stored', async () => {
    await identity.addUser({ orgId: org.id, username: 'officer1', password: PASSWORD, roles: ['officer'] });
    const principal = await identity.authenticate('officer1', PASSWORD);
    const session = await identity.createSession(principal);
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.expiresAt).toBe('2025-03-01T16:00:00.000Z');
    expect(await identity.resolveSession(session.token)).toEqual(principal);

    const rows = await sql<{ token_hash: string }>`select token_hash from sessions`.execute(store.db);
    expect(rows.rows.map((r) => r.token_hash)).not.toContain(session.token);

    clock.advance(8 * 3_600_000 - 1);
    expect(await identity.resolveSession(session.token)).toEqual(principal);
    clock.advance(1);
    expect(await identity.resolveSession(session.token)).toBeUndefined();

    const second = await identity.createSession(principal);
    await identity.endSession(second.token);
    expect(await identity.resolveSession(second.token)).toBeUndefined();
    expect(await identity.resolveSession('not-a-token')).toBeUndefined();
  });

  it('a disabled user cannot sign in and loses their sessions', async () => {
    const user = await identity.addUser({ orgId: org.id, username: 'leaver', password: PASSWORD, roles: ['analyst'] });
    const session = await identity.createSession(await identity.authenticate('leaver', PASSWORD));
    await identity.disableUser(user.id);
    expect(await identity.resolveSession(session.token)).toBeUndefined();
    const left = await sql<{ n: number | string }>`select count(*) as n from sessions`.execute(store.db);
    expect(Number(left.rows[0]?.n)).toBe(0);
    const message = await identity.authenticate('leaver', PASSWORD).catch((e: { code: string; message: string }) => e);
    expect(message).toMatchObject({ code: 'AUTH_FAILED', message: 'the user name or password is wrong' });
    expect((await identity.findUser('leaver'))?.disabledAt).toBeDefined();
    expect(await codeOf(identity.disableUser('no-such-user'))).toBe('STORE_NOT_FOUND');
  });

  it('shows an API key once, stores only a hash of its secret, and resolves it to a principal', async () => {
    const issued = await identity.createApiKey({ orgId: org.id, role: 'officer', label: 'gate 3' });
    expect(issued.key).toMatch(new RegExp(`^vgl_${issued.id}_[A-Za-z0-9_-]{43}$`));
    const secret = issued.key.slice(`vgl_${issued.id}_`.length);

    const dump = await sql<Record<string, unknown>>`select * from api_keys`.execute(store.db);
    const text = JSON.stringify(dump.rows);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(issued.key);
    expect(JSON.stringify(await identity.listApiKeys())).not.toContain(secret);

    expect(await identity.resolveApiKey(issued.key)).toEqual({ kind: 'key', id: issued.id, name: 'gate 3', orgId: org.id, roles: ['officer'] });
    const tampered = `${issued.key.slice(0, -1)}${issued.key.endsWith('A') ? 'B' : 'A'}`;
    expect(await identity.resolveApiKey(tampered)).toBeUndefined();
    expect(await identity.resolveApiKey('vgl_nope')).toBeUndefined();
  });

  it('a revocation takes effect at once although the key was cached', async () => {
    const cached = createIdentityService(store, { now: clock.now, apiKeyCacheMs: 60_000 });
    const other = createIdentityService(store, { now: clock.now }); // another replica, 5 s cache
    const issued = await cached.createApiKey({ orgId: org.id, role: 'partner', label: 'partner feed' });
    expect((await cached.resolveApiKey(issued.key))?.name).toBe('partner feed');
    expect(await other.resolveApiKey(issued.key)).toBeDefined();
    // A change behind the cache's back is not seen: the look-up is served from memory.
    await sql`update api_keys set label = ${'renamed'}`.execute(store.db);
    expect((await cached.resolveApiKey(issued.key))?.name).toBe('partner feed');

    await cached.revokeApiKey(issued.id);
    expect(await cached.resolveApiKey(issued.key)).toBeUndefined();
    expect((await cached.listApiKeys(org.id))[0]?.revokedAt).toBeDefined();
    // Another process learns of it when its cache entry expires.
    clock.advance(5_000);
    expect(await other.resolveApiKey(issued.key)).toBeUndefined();
  });

  it('a revocation racing with a look-up in flight still wins', async () => {
    const issued = await identity.createApiKey({ orgId: org.id, role: 'officer', label: 'race' });
    const lookup = identity.resolveApiKey(issued.key);
    const revoke = identity.revokeApiKey(issued.id);
    await Promise.all([lookup, revoke]);
    expect(await identity.resolveApiKey(issued.key)).toBeUndefined();
  });

  it('creates the first administrator only on an empty store', async () => {
    const empty = await openTestStore();
    try {
      const fresh = createIdentityService(empty);
      const first = await fresh.ensureBootstrapAdmin();
      expect(first.created).toBe(true);
      const admin = await fresh.resolveApiKey(first.key ?? '');
      expect(admin?.roles).toEqual(['admin']);
      expect((await fresh.listOrganisations()).map((o) => o.name)).toEqual(['default']);
      expect(await fresh.ensureBootstrapAdmin()).toEqual({ created: false });
    } finally {
      await empty.close();
    }
    expect(await identity.ensureBootstrapAdmin()).toEqual({ created: false });
  });
});
