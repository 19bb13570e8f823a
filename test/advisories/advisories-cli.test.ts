import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityService } from '../../src/sharing/index.js';
import { runCli } from '../cli/run-cli.js';
import { openTestStore, type TestStore } from '../helpers/test-store.js';
import { ntas, validateCap } from './advisory-fixtures.js';

const PASSWORD = 'correct horse battery';

describe('vigil advisories, as supervisors run it', () => {
  let store: TestStore;
  let dir: string;
  const as = (user: string): string[] => ['--as', user, '--password-stdin'];
  const run = (args: string[], user?: string) => runCli(['--db', store.url, 'advisories', ...args, ...(user !== undefined ? as(user) : [])], user !== undefined ? { input: `${PASSWORD}\n` } : {});

  beforeAll(async () => {
    store = await openTestStore();
    dir = mkdtempSync(join(tmpdir(), 'vigil-advisories-cli-'));
    const identity = createIdentityService(store);
    const org = await identity.createOrganisation({ name: 'DHS' });
    await identity.addUser({ orgId: org.id, username: 'author', password: PASSWORD, roles: ['supervisor'] });
    await identity.addUser({ orgId: org.id, username: 'second', password: PASSWORD, roles: ['supervisor'] });
    await identity.addUser({ orgId: org.id, username: 'officer', password: PASSWORD, roles: ['officer'] });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Each step starts a few CLI processes (tsx start-up and password hashing): seconds each.
  const SLOW = 120_000;
  let id = '';

  it('drafts, refuses self-approval and an unsigned caller, approves and publishes', async () => {
    const file = join(dir, 'advisory.json');
    writeFileSync(file, JSON.stringify(ntas({ expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(), ports: ['JFK'], level: 'imminent' })));

    const anonymous = await run(['create', file]);
    expect(anonymous.code).toBe(7);
    expect(anonymous.stderr).toContain('--as');

    const created = await run(['create', file, '--json'], 'author');
    expect(created.stderr).toBe('');
    id = (JSON.parse(created.stdout) as { id: string }).id;

    const self = await run(['approve', id], 'author');
    expect(self.code).toBe(8);
    expect(self.stderr).toMatch(/author .* cannot approve/);
    expect((await run(['approve', id], 'second')).code).toBe(0);
    const published = await run(['publish', id], 'author');
    expect(published.stdout).toContain(`published ${id}: Imminent Alert, published, version 1`);
  }, SLOW);

  it('shows it as JSON, CAP and Atom, the justification only to law enforcement', async () => {
    expect((await run(['list', '--status', 'current'])).stdout).toContain(id);
    const shown = JSON.parse((await run(['show', id, '--json'])).stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({ id, status: 'published', level: 'imminent' });
    expect(shown['justification']).toBeUndefined();
    const asOfficer = JSON.parse((await run(['show', id, '--json'], 'officer')).stdout) as Record<string, unknown>;
    expect(asOfficer['justification']).toContain('SOURCE-CONFIDENTIAL');
    expect(validateCap((await run(['cap', id])).stdout)).toMatchObject({ ok: true });
    expect((await run(['feed'])).stdout).toContain(`urn:vigil:advisory:${id}`);
  }, SLOW);

  it('reports the posture it sets, and the baseline once it is cancelled', async () => {
    const posture = JSON.parse((await run(['posture', '--json'])).stdout) as Record<string, unknown>;
    expect(posture).toMatchObject({ id: 'ntas:imminent', reviewThreshold: 0.6, enhanced: { ports: ['JFK'] } });
    expect((await run(['cancel', id, '--reason', 'Disrupted.'], 'second')).stdout).toContain('cancelled');
    expect((await run(['cap', id])).stdout).toContain('<msgType>Cancel</msgType>');
    expect((await run(['posture', '--json'])).stdout).toContain('"baseline"');
  }, SLOW);
});
