import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditLog, type AuditRecord } from '../../src/audit/index.js';
import type { EntityInput, Subject } from '../../src/domain/index.js';
import { createWebhookNotifier } from '../../src/notify/index.js';
import { enrolmentFor, DEFAULT_VETTING_SETTINGS, enrolSubjects, listAlerts, purgeExpiredSubjects, runVetting, startVettingScheduler, type AlertEvent } from '../../src/vetting/index.js';
import { openTestStore, testDialect, type TestStore } from '../helpers/test-store.js';
import { importVersion, toEntity } from './vetting-fixtures.js';

const SOURCE = 'watch';

const karpov = (extra: Partial<EntityInput> = {}): EntityInput => ({
  ...toEntity(SOURCE, 4, { schema: 'Person', names: ['Viktor Nikolayevich KARPOV'], birthDates: ['1971-04-02'], documents: [] }),
  ...extra,
});
const orlov = toEntity(SOURCE, 2, { schema: 'Person', names: ['Dmitri Alexandrovich ORLOV'], birthDates: [], documents: [] });
const mendoza = toEntity(SOURCE, 3, { schema: 'Person', names: ['Ana Lucia MENDOZA VEGA'], birthDates: [], documents: [] });

const travellers: Subject[] = [
  { id: 'trav-1', name: 'Viktor Karpov', birthDate: '1971-04-02' },
  { id: 'trav-2', name: 'Victor Karpow' },
  { id: 'trav-3', name: 'Ana Mendoza' },
  { id: 'trav-4', name: 'Someone Unrelated' },
  { id: 'trav-5', name: 'Wiktor Rybak', documents: [{ type: 'passport', number: 'FA 1234567' }] },
];

async function records(audit: AuditLog): Promise<AuditRecord[]> {
  await audit.flush();
  const out: AuditRecord[] = [];
  for await (const record of audit.export()) out.push(record);
  return out;
}

describe(`recurrent vetting, alert by alert (${testDialect()})`, () => {
  let store: TestStore;
  let audit: AuditLog;
  beforeEach(async () => {
    store = await openTestStore();
    audit = createAuditLog(store, { flushMs: 1 });
    await importVersion(store, SOURCE, [orlov, mendoza]);
    // Vetting with nobody enrolled only records that version 1 needs nothing.
    expect(await runVetting(store)).toEqual([]);
    await enrolSubjects(store, travellers, { channel: 'visa', port: 'GBLHR', retentionDays: 30, screenedAt: '2026-03-01T08:00:00Z' });
  });
  afterEach(async () => {
    await audit.close();
    await store.close();
  });

  it('raises one alert per new hit with the entity, its version, score, explanation and the change', async () => {
    await importVersion(store, SOURCE, [orlov, mendoza, karpov()]);
    const [report] = await runVetting(store, { audit });
    expect(report).toMatchObject({ source: SOURCE, from: 1, to: 2, added: 1, changed: 0, removed: 0, bounded: true });
    const alerts = await listAlerts(store);
    expect(alerts.map((a) => a.subjectId).sort()).toEqual(['trav-1', 'trav-2']);
    const [first] = alerts.filter((a) => a.subjectId === 'trav-1');
    expect(first).toMatchObject({ entityId: 'watch:4', entityVersion: 2, status: 'open', change: { source: SOURCE, from: 1, to: 2, kind: 'added' } });
    expect(first?.score).toBeGreaterThanOrEqual(0.7);
    expect(first?.explanation.summary).toContain('Karpov');
    expect((await records(audit)).map((r) => r.action)).toContain('vetting.run');
  });

  it('never alerts twice for the same pair and score, across re-runs', async () => {
    await importVersion(store, SOURCE, [orlov, mendoza, karpov()]);
    await runVetting(store);
    const once = await listAlerts(store);
    const [again] = await runVetting(store, { since: 1 });
    expect(again?.raised).toBe(0);
    expect(again?.matches).toBe(once.length);
    expect(await listAlerts(store)).toEqual(once);
  });

  it('alerts anew when a change raises the score, and closes the alert it supersedes', async () => {
    await importVersion(store, SOURCE, [orlov, mendoza, karpov({ birthDates: [] })]);
    await runVetting(store);
    const [before] = await listAlerts(store, { subjectId: 'trav-1' });
    // The list now gives his date of birth: the traveller with the same date scores higher.
    await importVersion(store, SOURCE, [orlov, mendoza, karpov()]);
    const [report] = await runVetting(store);
    expect(report).toMatchObject({ from: 2, to: 3, changed: 1 });
    const after = await listAlerts(store, { subjectId: 'trav-1' });
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ id: before?.id, status: 'closed' });
    expect(after[0]?.closeReason).toMatch(/superseded: score changed/);
    expect(after[1]).toMatchObject({ status: 'open', change: { kind: 'changed', fields: ['birthDates'] } });
    expect(after[1]?.score).toBeGreaterThan(before?.score ?? 1);
  });

  it('finds a subject through a document the list adds, whatever the name', async () => {
    await importVersion(store, SOURCE, [orlov, mendoza, karpov()]);
    await runVetting(store);
    expect(await listAlerts(store, { subjectId: 'trav-5' })).toEqual([]);
    await importVersion(store, SOURCE, [orlov, mendoza, karpov({ documents: [{ type: 'passport', number: 'FA1234567', country: 'UA' }] })]);
    await runVetting(store);
    expect(await listAlerts(store, { subjectId: 'trav-5' })).toMatchObject([{ entityId: 'watch:4', status: 'open', change: { kind: 'changed', fields: ['documents'] } }]);
  });

  it('closes the open alerts of an entity the list removes, with the reason', async () => {
    await importVersion(store, SOURCE, [orlov, mendoza, karpov()]);
    await runVetting(store);
    await importVersion(store, SOURCE, [orlov, mendoza]);
    const [report] = await runVetting(store);
    expect(report).toMatchObject({ removed: 1, closed: 2 });
    expect(await listAlerts(store, { status: 'open' })).toEqual([]);
    const closed = await listAlerts(store, { status: 'closed', entityId: 'watch:4' });
    expect(closed.map((a) => a.closeReason)).toEqual([`entity removed from ${SOURCE} in version 3`, `entity removed from ${SOURCE} in version 3`]);
  });

  it('filters alerts by status, time, entity and subject', async () => {
    await importVersion(store, SOURCE, [orlov, mendoza, karpov()]);
    await runVetting(store, { now: () => new Date('2026-03-02T00:00:00Z') });
    expect(await listAlerts(store, { since: '2026-03-03' })).toEqual([]);
    expect(await listAlerts(store, { since: '2026-03-01', entityId: 'watch:4' })).toHaveLength(2);
    expect(await listAlerts(store, { entityId: 'watch:2' })).toEqual([]);
    expect(await listAlerts(store, { status: 'closed' })).toEqual([]);
    await expect(listAlerts(store, { since: 'yesterday' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('announces each raised alert once: a signed webhook queued per subscription and the listener', async () => {
    const notifier = createWebhookNotifier(store, { deliverOnNotify: false });
    await notifier.subscribe({ url: 'https://partner.example/hooks', eventTypes: ['alert.raised'], roles: ['analyst'] });
    await notifier.subscribe({ url: 'https://press.example/hooks', eventTypes: ['*'], roles: ['public'] });
    const heard: AlertEvent[] = [];
    await importVersion(store, SOURCE, [orlov, mendoza, karpov()]);
    await runVetting(store, { push: { notifier, publish: (event) => heard.push(event) } });
    await runVetting(store, { since: 1, push: { notifier, publish: (event) => heard.push(event) } });
    const deliveries = await notifier.listDeliveries();
    expect(deliveries).toHaveLength(2);
    expect(deliveries.every((d) => d.eventType === 'alert.raised')).toBe(true);
    expect(heard.map((e) => e.type)).toEqual(['alert.raised', 'alert.raised']);
    expect(heard[0]?.data).not.toHaveProperty('explanation');
  });

  it('keeps subjects until their retention ends, extends it when they are screened again, and purges them audited', async () => {
    await enrolSubjects(store, [{ id: 'trav-1', name: 'Viktor Karpov', birthDate: '1971-04-02' }], { channel: 'visa', retentionDays: 365, screenedAt: '2026-03-05T08:00:00Z' });
    const result = await purgeExpiredSubjects(store, { now: () => new Date('2026-05-01T00:00:00Z'), audit });
    expect(result.purged).toBe(travellers.length - 1);
    const purge = (await records(audit)).filter((r) => r.action === 'subjects.purge');
    expect(purge.flatMap((r) => r.subjectIds ?? []).sort()).toEqual(['trav-2', 'trav-3', 'trav-4', 'trav-5']);
    // Only the subject still kept is vetted.
    await importVersion(store, SOURCE, [orlov, mendoza, karpov()]);
    await runVetting(store);
    expect((await listAlerts(store)).map((a) => a.subjectId)).toEqual(['trav-1']);
  });

  it('re-vets after any import on its own, announces what it raised, and purges on its beat', async () => {
    const heard: AlertEvent[] = [];
    const scheduler = startVettingScheduler(store, { intervalMs: 3_600_000, push: { publish: (event) => heard.push(event) }, audit, now: () => new Date('2026-04-15T00:00:00Z') });
    try {
      await importVersion(store, SOURCE, [orlov, mendoza, karpov()]);
      await scheduler.runNow();
    } finally {
      await scheduler.stop();
    }
    // The travellers' retention (30 days from 1 March) has ended by mid-April: they are purged after vetting.
    expect((await listAlerts(store)).map((a) => a.subjectId).sort()).toEqual(['trav-1', 'trav-2']);
    expect(heard.map((e) => e.data.subjectId).sort()).toEqual(['trav-1', 'trav-2']);
    const actions = (await records(audit)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['vetting.run', 'alert.push', 'subjects.purge']));
    expect(await runVetting(store)).toEqual([]);
  });

  it('enrols by channel policy unless the request says otherwise', () => {
    expect(enrolmentFor(DEFAULT_VETTING_SETTINGS, 'visa')).toEqual({ enrol: true, retentionDays: 1825 });
    expect(enrolmentFor(DEFAULT_VETTING_SETTINGS, 'land_border')).toMatchObject({ enrol: false });
    expect(enrolmentFor(DEFAULT_VETTING_SETTINGS, 'land_border', true)).toMatchObject({ enrol: true });
    expect(enrolmentFor(DEFAULT_VETTING_SETTINGS, 'somewhere-new')).toEqual({ enrol: false, retentionDays: 90 });
  });

  it('refuses a subject that breaks the contract, naming it', async () => {
    await expect(enrolSubjects(store, [{ id: 'bad', name: '' } as Subject], { retentionDays: 30 })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { record: 'bad' } });
  });
});
