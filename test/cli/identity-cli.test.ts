import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityService } from '../../src/sharing/index.js';
import { openTestStore, type TestStore } from '../helpers/test-store.js';
import { runCli } from './run-cli.js';

const PASSWORD = 'correct horse battery';

describe('vigil orgs, users, keys and audit, as an administrator runs them', () => {
  let store: TestStore;
  let db: string;
  let dir: string;

  beforeAll(async () => {
    store = await openTestStore();
    db = store.url;
    dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds an organisation and a user whose password comes from standard input only', async () => {
    const org = await runCli(['--db', db, 'orgs', 'add', 'Border Agency', '--json']);
    expect(org.stderr).toBe('');
    expect(JSON.parse(org.stdout)).toMatchObject({ name: 'Border Agency' });

    const onCommandLine = await runCli(['--db', db, 'users', 'add', '--org', 'Border Agency', '--username', 'j.doe', '--role', 'officer', '--password', PASSWORD]);
    expect(onCommandLine.code).toBe(2);
    expect(onCommandLine.stderr).toContain('--password-stdin');

    const noTerminal = await runCli(['--db', db, 'users', 'add', '--org', 'Border Agency', '--username', 'j.doe', '--role', 'officer']);
    expect(noTerminal.code).toBe(2);

    const added = await runCli(['--db', db, 'users', 'add', '--org', 'Border Agency', '--username', 'j.doe', '--role', 'officer', '--role', 'analyst', '--password-stdin', '--json'], { input: `${PASSWORD}\n` });
    expect(added.stderr).toBe('');
    expect(JSON.parse(added.stdout)).toMatchObject({ username: 'j.doe', roles: ['officer', 'analyst'] });

    const identity = createIdentityService(store);
    expect((await identity.authenticate('j.doe', PASSWORD)).roles).toEqual(['officer', 'analyst']);

    const list = await runCli(['--db', db, 'users', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
    expect(list.stdout).not.toMatch(/scrypt/);

    const duplicate = await runCli(['--db', db, 'users', 'add', '--org', 'Border Agency', '--username', 'J.Doe', '--role', 'officer', '--password-stdin'], { input: PASSWORD });
    expect(duplicate.code).toBe(9);
  });

  it('prints a new API key once, lists keys without secrets, and revokes them', async () => {
    const created = await runCli(['--db', db, 'keys', 'create', '--org', 'Border Agency', '--role', 'officer', '--label', 'gate 3']);
    expect(created.code).toBe(0);
    const key = /vgl_[0-9a-f]{16}_[A-Za-z0-9_-]{43}/.exec(created.stdout)?.[0] ?? '';
    const id = key.slice(4, 20);
    const identity = createIdentityService(store);
    expect((await identity.resolveApiKey(key))?.roles).toEqual(['officer']);

    const listed = await runCli(['--db', db, 'keys', 'list', '--json']);
    expect(listed.stdout).not.toContain(key.slice(21));
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id, label: 'gate 3', role: 'officer' }]);

    const revoked = await runCli(['--db', db, 'keys', 'revoke', id]);
    expect(revoked.code).toBe(0);
    expect(await createIdentityService(store).resolveApiKey(key)).toBeUndefined();
  });

  it('disables a user by name', async () => {
    const disabled = await runCli(['--db', db, 'users', 'disable', 'j.doe', '--json']);
    expect(disabled.code).toBe(0);
    expect(JSON.parse(disabled.stdout).disabledAt).toBeDefined();
    await expect(createIdentityService(store).authenticate('j.doe', PASSWORD)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
  });

  it('recorded every change in the audit trail, which verifies and exports', async () => {
    const verified = await runCli(['--db', db, 'audit', 'verify', '--json']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toEqual({ ok: true, count: 6 });

    const exported = await runCli(['--db', db, 'audit', 'export']);
    const records = exported.stdout.trim().split('\n').map((line) => JSON.parse(line) as { seq: number; action: string; outcome: string; actor: { kind: string; id: string } });
    expect(records.map((r) => `${r.action}:${r.outcome}`)).toEqual(['org.add:ok', 'user.add:ok', 'user.add:error', 'key.create:ok', 'key.revoke:ok', 'user.disable:ok']);
    expect(records.every((r) => r.actor.kind === 'system' && r.actor.id.startsWith('cli:'))).toBe(true);
    expect(exported.stdout).not.toContain(PASSWORD);

    const file = join(dir, 'audit.jsonl');
    const toFile = await runCli(['--db', db, 'audit', 'export', '--since', '2000-01-01T00:00:00Z', '--output', file, '--json']);
    expect(JSON.parse(toFile.stdout)).toEqual({ count: 7, file });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(7);

    const future = await runCli(['--db', db, 'audit', 'export', '--since', '2999-01-01T00:00:00Z']);
    expect(future.stdout).toBe('');
  });

  it('audit verify fails naming the record that was tampered with', async () => {
    await sql`update audit_records set outcome = ${'denied'} where seq = 2`.execute(store.db);
    const verified = await runCli(['--db', db, 'audit', 'verify']);
    expect(verified.code).not.toBe(0);
    expect(verified.stdout).toContain('BROKEN at record 2 (edited)');
  });
});
