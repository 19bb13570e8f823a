import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { admin, analyst, approver, auditRecords, author, DAY, HOUR, ntas, officer, openHarness, outsideSupervisor, publishNew, type Harness } from './advisory-fixtures.js';
import { testDialect } from '../helpers/test-store.js';

describe(`advisory life cycle (${testDialect()})`, () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(() => h.close());

  it('goes draft -> approved by a second supervisor -> published, and audits every step', async () => {
    const draft = await h.advisories.create(author, ntas());
    expect(draft).toMatchObject({ status: 'draft', version: 1, level: 'elevated' });
    const approved = await h.advisories.approve(approver, draft.id);
    expect(approved.status).toBe('approved');
    h.clock.advance(60_000);
    const published = await h.advisories.publish(author, draft.id);
    expect(published).toMatchObject({ status: 'published', version: 1, issuedAt: h.clock.now().toISOString() });
    expect(published.history).toEqual([expect.objectContaining({ version: 1, state: 'published', authorId: 'u-author', approvedBy: 'u-approver', publishedBy: 'u-author' })]);

    const records = await auditRecords(h.audit);
    const steps = records.filter((r) => r.action.startsWith('advisory.')).map((r) => [r.action, r.actor.id, r.outcome]);
    expect(steps).toEqual([
      ['advisory.create', 'u-author', 'ok'],
      ['advisory.approve', 'u-approver', 'ok'],
      ['advisory.publish', 'u-author', 'ok'],
    ]);
    expect(records.every((r) => r.details?.['advisoryId'] === draft.id || r.action === 'posture.change')).toBe(true);
  });

  it('never lets the author approve their own version, and audits the refusal', async () => {
    const draft = await h.advisories.create(author, ntas());
    await expect(h.advisories.approve(author, draft.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.advisories.publish(author, draft.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await h.advisories.get(author, draft.id)).status).toBe('draft');
    const denied = (await auditRecords(h.audit)).filter((r) => r.outcome === 'denied');
    expect(denied.map((r) => [r.action, r.actor.id])).toEqual([
      ['advisory.approve', 'u-author'],
      ['advisory.publish', 'u-author'],
    ]);
  });

  it('needs the supervisor role to approve: an admin, analyst or officer cannot', async () => {
    const draft = await h.advisories.create(author, ntas());
    for (const who of [admin, analyst, officer]) {
      await expect(h.advisories.approve(who, draft.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await auditRecords(h.audit)).filter((r) => r.outcome === 'denied' && r.action === 'advisory.approve')).toHaveLength(3);
    await expect(h.advisories.approve(outsideSupervisor, draft.id)).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });
    await h.advisories.approve(approver, draft.id);
    await expect(h.advisories.approve(approver, draft.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets only supervisors and admins write, publish and cancel', async () => {
    await expect(h.advisories.create(officer, ntas())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.advisories.create(analyst, ntas())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const id = await publishNew(h, ntas());
    await expect(h.advisories.cancel(officer, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.advisories.update(officer, id, { title: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.advisories.cancel(outsideSupervisor, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const byAdmin = await h.advisories.create(admin, ntas());
    expect(byAdmin.status).toBe('draft');
  });

  it('checks content against the scheme', async () => {
    await expect(h.advisories.create(author, ntas({ expiresAt: undefined }))).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'expiresAt' } });
    await expect(h.advisories.create(author, ntas({ level: 'orange' }))).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'level' } });
    await expect(h.advisories.create(author, ntas({ scheme: 'hsas' }))).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'scheme' } });
    await expect(h.advisories.create(author, ntas({ expiresAt: '2020-01-01T00:00:00Z' }))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(h.advisories.create(author, ntas({ scope: 'private' }))).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'addresses' } });
    const uk = { scheme: 'uk', level: 'severe', title: 'Threat level raised', summary: 'An attack is highly likely.', regions: ['Great Britain'] };
    await expect(h.advisories.create(author, { ...uk, expiresAt: '2030-01-01T00:00:00Z' })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'expiresAt' } });
    await expect(h.advisories.create(author, { ...uk, regions: ['Wales and Mars'] })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'regions' } });
    expect((await h.advisories.create(author, uk)).status).toBe('draft');
  });

  it('keeps the published version in force while an update waits for approval, then shows the whole history', async () => {
    const id = await publishNew(h, ntas());
    const issued = (await h.advisories.get(undefined, id)).issuedAt;
    h.clock.advance(DAY);
    const pending = await h.advisories.update(approver, id, { level: 'imminent', ports: ['JFK'] });
    expect(pending).toMatchObject({ status: 'published', version: 1, level: 'elevated', pending: { version: 2, state: 'draft', level: 'imminent', authorId: 'u-approver' } });
    expect((await h.advisories.get(officer, id)).pending).toBeUndefined();
    // The updater is the author of version 2: they cannot approve it; the original author can.
    await expect(h.advisories.approve(approver, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await h.advisories.approve(author, id);
    const updated = await h.advisories.publish(approver, id);
    expect(updated).toMatchObject({ version: 2, level: 'imminent', ports: ['JFK'], title: 'Heightened threat to mass transit' });

    h.clock.advance(DAY);
    const later = new Date(Date.parse(updated.expiresAt ?? '') + 7 * DAY).toISOString();
    const extending = await h.advisories.extend(author, id, later);
    expect(extending.pending).toMatchObject({ version: 3, change: 'extend' });
    await expect(h.advisories.extend(author, id, '2025-03-02T00:00:00Z')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await h.advisories.approve(approver, id);
    const extended = await h.advisories.publish(approver, id);
    expect(extended).toMatchObject({ version: 3, expiresAt: later, level: 'imminent' });

    const publicHistory = (await h.advisories.get(undefined, id)).history;
    expect(publicHistory.map((v) => [v.version, v.change, v.state, v.level])).toEqual([
      [1, 'create', 'replaced', 'elevated'],
      [2, 'update', 'replaced', 'imminent'],
      [3, 'extend', 'published', 'imminent'],
    ]);
    // Who wrote and approved each version is for those who manage advisories.
    expect(publicHistory[0]?.authorId).toBeUndefined();
    expect(extended.history[0]).toMatchObject({ authorId: 'u-author', approvedBy: 'u-approver' });
    // Issued stays the first publication; updated moves with each version.
    expect((await h.advisories.get(undefined, id))).toMatchObject({ issuedAt: issued, updatedAt: h.clock.now().toISOString() });
  });

  it('supersedes a waiting draft when a newer update is written, keeping it in the history', async () => {
    const id = await publishNew(h, ntas());
    await h.advisories.update(approver, id, { title: 'First edit' });
    await h.advisories.update(approver, id, { summary: 'Second edit' });
    const detail = await h.advisories.get(author, id);
    expect(detail.history.map((v) => [v.version, v.state, v.title])).toEqual([
      [1, 'published', 'Heightened threat to mass transit'],
      [2, 'superseded', 'First edit'],
      [3, 'draft', 'First edit'],
    ]);
    expect(detail.pending?.version).toBe(3);
  });

  it('drops the addressees when an update makes a private advisory restricted', async () => {
    const id = await publishNew(h, ntas({ scope: 'private', addresses: ['port-authority'] }));
    const pending = await h.advisories.update(author, id, { scope: 'restricted' });
    expect(pending.pending?.version).toBe(2);
    await h.advisories.approve(approver, id);
    expect(await h.advisories.publish(author, id)).toMatchObject({ scope: 'restricted', restriction: expect.stringMatching(/law enforcement/i) });
    expect((await h.advisories.get(author, id)).addresses).toBeUndefined();
  });

  it('cancels: the advisory stops being current, stays in the history, and cannot change again', async () => {
    const id = await publishNew(h, ntas());
    h.clock.advance(HOUR);
    const cancelled = await h.advisories.cancel(author, id, 'Threat disrupted.');
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Threat disrupted.' });
    expect((await h.advisories.current(undefined)).advisories).toEqual([]);
    expect(await h.advisories.list(undefined, { status: 'cancelled' })).toHaveLength(1);
    await expect(h.advisories.update(author, id, { title: 'again' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(h.advisories.cancel(author, id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const actions = (await auditRecords(h.audit)).map((r) => r.action);
    expect(actions).toContain('advisory.cancel');
  });

  it('derives the current level per scheme and region from the published advisories alone', async () => {
    await publishNew(h, ntas({ level: 'bulletin', title: 'Bulletin' }));
    const elevated = await publishNew(h, ntas({ title: 'Elevated' }));
    const gb1 = await publishNew(h, { scheme: 'uk', level: 'severe', title: 'Severe', summary: 'Highly likely.', regions: ['Great Britain', 'Northern Ireland'] });
    h.clock.advance(DAY);
    // The UK level is set by the latest announcement for a region, even when it is lower.
    const gb2 = await publishNew(h, { scheme: 'uk', level: 'substantial', title: 'Lowered', summary: 'Likely.', regions: ['Great Britain'] });
    const { levels, advisories } = await h.advisories.current(undefined);
    expect(levels.map((l) => [l.scheme, l.region, l.level, l.advisoryId])).toEqual([
      ['ntas', 'United States', 'elevated', elevated],
      ['uk', 'Great Britain', 'substantial', gb2],
      ['uk', 'Northern Ireland', 'severe', gb1],
    ]);
    expect(levels.find((l) => l.region === 'Great Britain')?.responseLevel).toBe('Heightened');
    expect(advisories).toHaveLength(4);
    expect((await h.advisories.list(undefined, { status: 'current', scheme: 'uk' })).map((a) => a.id).sort()).toEqual([gb1, gb2].sort());
  });
});
