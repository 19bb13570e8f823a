import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLease, indexJournal, listAlerts, runVetting } from '../../src/vetting/index.js';
import { testDialect, type TestStore } from '../helpers/test-store.js';
import { openHarness, WATCHLIST_V2, type Harness } from '../server/server-harness.js';

interface EnrolledRow {
  subject_id: string;
  channel: string | null;
  port: string | null;
  screened_at: string;
  retain_until: string;
}

/** What is enrolled once the journal is indexed (as a vetting run indexes it first). */
async function enrolled(store: TestStore): Promise<Map<string, EnrolledRow>> {
  await indexJournal(store);
  const { rows } = await sql<EnrolledRow>`select subject_id, channel, port, screened_at, retain_until from vetting_subjects`.execute(store.db);
  return new Map(rows.map((row) => [row.subject_id, row]));
}

const DAY_MS = 86_400_000;

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe(`screenings enrol their subjects for recurrent vetting (${testDialect()})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
    // Version 1 counts as vetted: nobody was enrolled when it arrived.
    await runVetting(h.store);
  });
  afterAll(() => h.close());

  const screen = (body: object) => h.app.inject({ method: 'POST', url: '/v1/screen', headers: h.bearer('officer'), payload: body });

  it('enrols by the channel default, lets the request say otherwise, and never enrols a preview', async () => {
    expect((await screen({ id: 'visa-1', name: 'Victor Karpov', birthDate: '1971-04-02', channel: 'visa', port: 'GBLHR' })).statusCode).toBe(200);
    expect((await screen({ id: 'visa-2', name: 'Ana Example', channel: 'visa', enrol: false })).statusCode).toBe(200);
    expect((await screen({ id: 'land-1', name: 'Sam Example', channel: 'land_border' })).statusCode).toBe(200);
    expect((await screen({ id: 'land-2', name: 'Viktor Karpow', channel: 'land_border', enrol: true })).statusCode).toBe(200);
    expect((await screen({ id: 'typing-1', name: 'Victor Karp', channel: 'visa', preview: true })).statusCode).toBe(200);
    const batch = await screen({ subjects: [{ id: 'air-1', name: 'Jo Example' }, { id: 'air-2', name: 'Lee Example', redressNumber: 'RN-1234-5678-9015' }], channel: 'air_arrival', port: 'JFK' });
    expect(batch.statusCode).toBe(200);

    const rows = await enrolled(h.store);
    expect([...rows.keys()].sort()).toEqual(['air-1', 'air-2', 'land-2', 'visa-1']);
    const visa = rows.get('visa-1') as EnrolledRow;
    expect(visa).toMatchObject({ channel: 'visa', port: 'GBLHR' });
    // A visa is vetted for five years, an air arrival for 90 days (the shipped settings).
    expect(Math.round((Date.parse(visa.retain_until) - Date.parse(visa.screened_at)) / DAY_MS)).toBe(1825);
    const air = rows.get('air-1') as EnrolledRow;
    expect(Math.round((Date.parse(air.retain_until) - Date.parse(air.screened_at)) / DAY_MS)).toBe(90);

    const screenings = (await h.records()).filter((r) => r.action === 'screen');
    expect(screenings.find((r) => r.subjectIds?.includes('visa-1'))?.details).toMatchObject({ enrolled: 1 });
    expect(screenings.find((r) => r.subjectIds?.includes('visa-2'))?.details).not.toHaveProperty('enrolled');
  });

  it('enrols the subjects of concurrent screenings, every one of them', async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => screen({ id: `rush-${i}`, name: `Traveller Number${i}`, channel: 'air_arrival', port: 'LHR' })));
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    const rows = await enrolled(h.store);
    expect(Array.from({ length: 40 }, (_, i) => rows.has(`rush-${i}`)).every(Boolean)).toBe(true);
  });

  it('re-vets them as soon as a list change is imported through the server, and raises an alert', async () => {
    const upload = await h.app.inject({
      method: 'POST',
      url: '/v1/lists/nominations/import?filename=watchlist-v2.csv',
      headers: { ...h.bearer('admin'), 'content-type': 'application/octet-stream' },
      payload: await readFile(WATCHLIST_V2),
    });
    expect(upload.statusCode).toBe(200);
    // The import nudges the scheduler: the run starts now, not at the next minute's tick.
    const alerts = await waitFor(async () => {
      const found = await listAlerts(h.store, { entityId: 'nominations:SRV-004' });
      return found.length >= 2 ? found : undefined;
    }, 'alerts on the added entity');
    expect(alerts.map((a) => a.subjectId).sort()).toEqual(['land-2', 'visa-1']);
    expect(alerts[0]).toMatchObject({ change: { source: 'nominations', from: 1, to: 2, kind: 'added' }, status: 'open' });
  });
});

describe(`one vetting run at a time across processes (${testDialect()})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
  });
  afterAll(() => h.close());

  it('refuses a second holder while the lease runs, hands it over once it expires, and tells a stalled holder it lost it', async () => {
    let now = new Date('2026-05-01T10:00:00Z');
    const clock = () => now;
    const first = await acquireLease(h.store, { holder: 'replica-a', ttlMs: 60_000, now: clock });
    await expect(acquireLease(h.store, { holder: 'replica-b', ttlMs: 60_000, now: clock })).rejects.toMatchObject({ code: 'CONFLICT', details: { lease: 'busy', holder: 'replica-a' } });
    // The holder renews as it works; the same holder may take it again.
    await first.renew();
    await acquireLease(h.store, { holder: 'replica-a', ttlMs: 60_000, now: clock });

    now = new Date('2026-05-01T10:05:00Z');
    const second = await acquireLease(h.store, { holder: 'replica-b', ttlMs: 60_000, now: clock });
    await expect(first.renew()).rejects.toMatchObject({ code: 'CONFLICT', details: { lease: 'lost' } });
    // Releasing a lease one no longer holds leaves the new holder's alone.
    await first.release();
    await expect(acquireLease(h.store, { holder: 'replica-c', ttlMs: 60_000, now: clock })).rejects.toMatchObject({ details: { holder: 'replica-b' } });
    await second.release();
    const third = await acquireLease(h.store, { holder: 'replica-c', ttlMs: 60_000, now: clock });
    await third.release();
  });

  it('takes over at once from a holder on this machine that has died, without waiting out its lease', async () => {
    // A pid above Linux's pid_max cannot be a live process.
    const crashed = await acquireLease(h.store, { holder: `${hostname()}:4194305:deadbeef`, ttlMs: 600_000 });
    const next = await acquireLease(h.store, { ttlMs: 60_000 });
    expect(next.holder).not.toBe(crashed.holder);
    await expect(acquireLease(h.store, { holder: `${hostname()}:${process.pid}:other`, ttlMs: 60_000 })).rejects.toMatchObject({ details: { lease: 'busy' } });
    await next.release();
  });

  it('leaves a change to the process holding the lease, and vets it once the lease is free', async () => {
    await runVetting(h.store);
    await h.app.inject({ method: 'POST', url: '/v1/screen', headers: h.bearer('officer'), payload: { id: 'p-1', name: 'Victor Karpov', channel: 'visa' } });
    const other = await acquireLease(h.store, { holder: 'other-replica', ttlMs: 60_000 });
    const upload = await h.app.inject({
      method: 'POST',
      url: '/v1/lists/nominations/import?filename=watchlist-v2.csv',
      headers: { ...h.bearer('admin'), 'content-type': 'application/octet-stream' },
      payload: await readFile(WATCHLIST_V2),
    });
    expect(upload.statusCode).toBe(200);
    await expect(runVetting(h.store)).rejects.toMatchObject({ code: 'CONFLICT', details: { lease: 'busy', holder: 'other-replica' } });
    expect(await listAlerts(h.store, { subjectId: 'p-1' })).toEqual([]);
    await other.release();
    const [report] = await runVetting(h.store);
    expect(report).toMatchObject({ source: 'nominations', from: 1, to: 2, raised: 1 });
    expect((await listAlerts(h.store, { subjectId: 'p-1' })).map((a) => a.entityId)).toEqual(['nominations:SRV-004']);
  });
});
