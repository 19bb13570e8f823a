import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdvisoryService, type AdvisoryEvent } from '../../src/advisories/index.js';
import { approver, auditRecords, author, DAY, HOUR, ntas, officer, openHarness, publishNew, type Harness } from './advisory-fixtures.js';
import { testDialect } from '../helpers/test-store.js';

describe(`sunset (${testDialect()})`, () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness({ settings: { sweepMs: 20 } });
  });
  afterEach(() => h.close());

  it('expires an advisory at its sunset by itself, never showing it as current after, and gives notice once', async () => {
    const events: AdvisoryEvent[] = [];
    h.advisories.onEvent((e) => events.push(e));
    await h.notifier.subscribe({ url: 'http://127.0.0.1:9/hook', eventTypes: ['advisory.expired'] });
    const id = await publishNew(h, ntas({ expiresAt: new Date(h.clock.now().getTime() + 2 * DAY).toISOString() }));
    const sunset = (await h.advisories.get(undefined, id)).expiresAt ?? '';

    h.clock.set(new Date(Date.parse(sunset) - 1).toISOString());
    expect((await h.advisories.current(undefined)).advisories.map((a) => a.id)).toEqual([id]);
    expect((await h.advisories.sweep()).expired).toEqual([]);

    // At the sunset it is no longer current, even before any sweep has run.
    h.clock.set(sunset);
    expect((await h.advisories.current(undefined)).advisories).toEqual([]);
    expect((await h.advisories.current(undefined)).levels).toEqual([]);
    expect(await h.advisories.list(officer, { status: 'current' })).toEqual([]);
    expect((await h.advisories.get(undefined, id)).status).toBe('expired');
    expect(await h.advisories.page(undefined)).toMatch(/Earlier advisories<\/h2>\s*<article id="adv-/);

    // The sweep timer notices it without anyone asking.
    h.advisories.start();
    await waitFor(() => events.some((e) => e.type === 'advisory.expired'));
    await h.advisories.stop();
    expect((await h.advisories.sweep()).expired).toEqual([]);
    expect(events.filter((e) => e.type === 'advisory.expired')).toEqual([{ type: 'advisory.expired', advisoryId: id, version: 1, at: sunset }]);

    const expiries = (await auditRecords(h.audit)).filter((r) => r.action === 'advisory.expire');
    expect(expiries).toHaveLength(1);
    expect(expiries[0]).toMatchObject({ actor: { kind: 'system', id: 'advisories' }, outcome: 'ok', details: { advisoryId: id } });
    expect((await h.notifier.listDeliveries()).map((d) => d.eventId)).toEqual([`${id}.expired`]);

    await expect(h.advisories.extend(author, id, new Date(Date.parse(sunset) + DAY).toISOString())).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(h.advisories.update(author, id, { title: 'too late' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('gives notice once when two processes sweep at the same time', async () => {
    const id = await publishNew(h, ntas());
    const replica = createAdvisoryService(h.store, { audit: h.audit, now: h.clock.now });
    h.clock.advance(15 * DAY);
    const [a, b] = await Promise.all([h.advisories.sweep(), replica.sweep()]);
    expect([...a.expired, ...b.expired]).toEqual([id]);
    expect((await auditRecords(h.audit)).filter((r) => r.action === 'advisory.expire')).toHaveLength(1);
  });

  it('keeps an extended advisory current past its first sunset', async () => {
    const id = await publishNew(h, ntas());
    const first = (await h.advisories.get(undefined, id)).expiresAt ?? '';
    await h.advisories.extend(author, id, new Date(Date.parse(first) + 7 * DAY).toISOString());
    await h.advisories.approve(approver, id);
    await h.advisories.publish(author, id);
    h.clock.set(new Date(Date.parse(first) + HOUR).toISOString());
    expect((await h.advisories.sweep()).expired).toEqual([]);
    expect((await h.advisories.current(undefined)).advisories.map((a) => a.id)).toEqual([id]);
  });

  it('refuses to publish a version whose sunset passed while it waited', async () => {
    const draft = await h.advisories.create(author, ntas({ expiresAt: new Date(h.clock.now().getTime() + HOUR).toISOString() }));
    await h.advisories.approve(approver, draft.id);
    h.clock.advance(2 * HOUR);
    await expect(h.advisories.publish(author, draft.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('never expires a UK level: it has no sunset', async () => {
    const id = await publishNew(h, { scheme: 'uk', level: 'substantial', title: 'Substantial', summary: 'An attack is likely.', regions: ['Great Britain'] });
    h.clock.advance(3650 * DAY);
    expect((await h.advisories.sweep()).expired).toEqual([]);
    expect((await h.advisories.current(undefined)).levels.map((l) => [l.region, l.level, l.advisoryId])).toEqual([['Great Britain', 'substantial', id]]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
