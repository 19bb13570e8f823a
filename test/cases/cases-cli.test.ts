import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditLog, type AuditRecord } from '../../src/audit/index.js';
import { createCaseService } from '../../src/cases/index.js';
import { ScreeningEngine } from '../../src/screening/index.js';
import { createIdentityService, type Principal } from '../../src/sharing/index.js';
import { runCli } from '../cli/run-cli.js';
import { recordsOf } from '../helpers/list-records.js';
import { importInput, openTestStore, testDialect, type TestStore } from '../helpers/test-store.js';
import { KHALID, OLENA, VIKTOR } from './case-fixtures.js';

describe(`vigil cases, as officers and supervisors run it (${testDialect()})`, () => {
  let store: TestStore;
  let audit: AuditLog;
  let caseId = '';
  const keys: Record<'officer' | 'supervisor' | 'supervisor2', string> = { officer: '', supervisor: '', supervisor2: '' };
  const run = (args: string[], who?: keyof typeof keys) =>
    runCli(['--db', store.url, 'cases', ...args, ...(who !== undefined ? ['--key-stdin'] : [])], who !== undefined ? { input: `${keys[who]}\n` } : {});

  beforeAll(async () => {
    store = await openTestStore();
    await store.importList(importInput('nominations', recordsOf([KHALID, OLENA, VIKTOR])));
    const identity = createIdentityService(store);
    const org = await identity.createOrganisation({ name: 'Border Agency' });
    keys.officer = (await identity.createApiKey({ orgId: org.id, role: 'officer', label: 'officer' })).key;
    keys.supervisor = (await identity.createApiKey({ orgId: org.id, role: 'supervisor', label: 'supervisor' })).key;
    keys.supervisor2 = (await identity.createApiKey({ orgId: org.id, role: 'supervisor', label: 'supervisor 2' })).key;
    audit = createAuditLog(store, { flushMs: 1 });
    const officer = (await identity.resolveApiKey(keys.officer)) as Principal;
    const engine = await ScreeningEngine.open(store);
    const subject = { id: 'pax-1', name: 'Khaled Yousef al Rashidi', birthDate: '1979-04-02' };
    const [reviewed] = await createCaseService(store, { audit }).review({ actor: officer, context: { channel: 'visa', port: 'AMM' }, items: [{ subject, result: engine.screen(subject) }] });
    caseId = reviewed?.caseId as string;
    await audit.flush();
  });
  afterAll(async () => {
    await audit.close();
    await store.close();
  });

  // Each step starts a CLI process (tsx start-up): seconds each.
  const SLOW = 120_000;

  it('lists and shows the case, decides it, and needs a second supervisor to confirm', async () => {
    const anonymous = await run(['list']);
    expect(anonymous.code).toBe(7);
    expect(anonymous.stderr).toContain('--key-stdin');

    const listed = await run(['list', '--status', 'open', '--json'], 'officer');
    expect(listed.stderr).toBe('');
    expect((JSON.parse(listed.stdout) as { cases: Array<{ id: string }> }).cases.map((c) => c.id)).toEqual([caseId]);

    const shown = await run(['show', caseId, '--purpose', 'visa interview'], 'officer');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Khaled Yousef al Rashidi');
    expect(shown.stdout).toContain('hit nominations:N-1');

    const bad = await run(['decide', caseId, 'nominations:N-1', '--outcome', 'true_match', '--reason', 'different_dob'], 'officer');
    expect(bad.code).toBe(2);

    const proposed = await run(['decide', caseId, 'nominations:N-1', '--outcome', 'true_match', '--reason', 'confirmed_name_and_dob', '--json'], 'supervisor');
    const decision = (JSON.parse(proposed.stdout) as { decision: { id: string; state: string } }).decision;
    expect(decision.state).toBe('proposed');

    const self = await run(['confirm', caseId, 'nominations:N-1', decision.id], 'supervisor');
    expect(self.code).toBe(8);
    expect(self.stderr).toMatch(/proposer/);
    expect((await run(['confirm', caseId, 'nominations:N-1', decision.id], 'officer')).code).toBe(8);
    const confirmed = await run(['confirm', caseId, 'nominations:N-1', decision.id, '--note', 'agreed'], 'supervisor2');
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toContain(`true_match on nominations:N-1 in ${caseId}: confirmed`);

    const records: AuditRecord[] = [];
    for await (const record of audit.export()) records.push(record);
    expect(records.map((r) => [r.action, r.outcome])).toEqual([
      ['case.open', 'ok'],
      ['case.list', 'ok'],
      ['case.read', 'ok'],
      ['case.decide', 'ok'],
      ['case.confirm', 'denied'],
      ['case.confirm', 'denied'],
      ['case.confirm', 'ok'],
    ]);
    expect(records[2]?.purpose).toBe('visa interview');
  }, SLOW);
});
