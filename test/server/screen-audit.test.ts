import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexJournal } from '../../src/vetting/index.js';
import { testDialect } from '../helpers/test-store.js';
import { openHarness, type Harness } from './server-harness.js';

describe(`screening over HTTP (${testDialect()})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
  });
  afterAll(() => h.close());

  it('screens one subject and says which list versions it used', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: h.bearer('officer'),
      payload: { id: 'pax-1', name: 'Tareq Salih al-Jabouri', birthDate: '1978-06-12', channel: 'air_arrival', port: 'BGW', purpose: 'arrival check' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ id: 'pax-1', decision: 'match', listVersions: { nominations: 1 } });
    expect(body.hits[0]).toMatchObject({ entityId: 'nominations:SRV-001', caption: 'Tariq Saleh AL-JUBOURI' });
    expect(body.hits[0].explanation.summary).toMatch(/same date of birth/);
  });

  it('writes exactly one screening audit record per request (and one per case it opens), with who, subject ids, hit entity ids and decision, and no names', async () => {
    const before = (await h.records()).length;
    const single = await h.app.inject({ method: 'POST', url: '/v1/screen', headers: h.bearer('officer'), payload: { id: 'pax-2', name: 'Dmitry Orlov', purpose: 'visa decision', channel: 'visa' } });
    const batch = await h.app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: h.bearer('analyst'),
      payload: { subjects: [{ id: 'b1', name: 'Ana Lucia Mendoza' }, { id: 'b2', name: 'Plain Traveller' }, { id: 'b3', name: 'Tariq al-Juburi' }], port: 'CTG' },
    });
    expect([single.statusCode, batch.statusCode]).toEqual([200, 200]);
    const all = (await h.records()).slice(before);
    const added = all.filter((record) => record.action === 'screen');
    expect(added).toHaveLength(2);
    // Results that are not clear open cases; each opening is its own audited action, by case id.
    const caseIds = [single.json(), ...(batch.json().results as unknown[])].flatMap((r) => ((r as { caseId?: string }).caseId !== undefined ? [(r as { caseId: string }).caseId] : []));
    expect(caseIds.length).toBeGreaterThan(0);
    expect(all.filter((record) => record.action !== 'screen').map((record) => record.action)).toEqual(caseIds.map(() => 'case.open'));
    expect(added[0]).toMatchObject({
      actor: { kind: 'key', id: h.keyIds.officer, orgId: h.orgId },
      action: 'screen',
      subjectIds: ['pax-2'],
      entityIds: ['nominations:SRV-002'],
      purpose: 'visa decision',
      outcome: 'ok',
      details: { channel: 'visa', subjects: 1 },
    });
    expect(added[0]?.decision).toBe(single.json().decision);
    const hitIds = (batch.json().results as Array<{ hits: Array<{ entityId: string }> }>).flatMap((r) => r.hits.map((hit) => hit.entityId));
    expect(added[1]).toMatchObject({ actor: { id: h.keyIds.analyst }, subjectIds: ['b1', 'b2', 'b3'], decision: 'match', details: { port: 'CTG', subjects: 3 } });
    expect([...(added[1]?.entityIds ?? [])].sort()).toEqual([...new Set(hitIds)].sort());
    expect(JSON.stringify(added)).not.toMatch(/Orlov|Mendoza|Traveller/);
  });

  it('compares two subjects, audited with both ids', async () => {
    const before = (await h.records()).length;
    const response = await h.app.inject({ method: 'POST', url: '/v1/compare', headers: h.bearer('officer'), payload: { a: { id: 'a', name: 'Mohammed Ali' }, b: { id: 'b', name: 'Muhammad Aly' } } });
    expect(response.statusCode).toBe(200);
    expect(response.json().score).toBeGreaterThan(0.7);
    const added = (await h.records()).slice(before);
    expect(added.map((r) => [r.action, r.subjectIds])).toEqual([['compare', ['a', 'b']]]);
  });

  it('records entity reads and diffs with the entity ids shown', async () => {
    const before = (await h.records()).length;
    const entity = await h.app.inject({ method: 'GET', url: '/v1/entities/nominations:SRV-003?purpose=case%2042', headers: h.bearer('analyst') });
    expect(entity.statusCode).toBe(200);
    expect(entity.json()).toMatchObject({ entity: { id: 'nominations:SRV-003', caption: 'Ana Lucía MENDOZA VEGA' }, version: 1 });
    const diff = await h.app.inject({ method: 'GET', url: '/v1/lists/nominations/diff', headers: h.bearer('supervisor') });
    expect(diff.statusCode).toBe(200);
    expect(diff.json()).toMatchObject({ source: 'nominations', from: 0, to: 1 });
    const added = (await h.records()).slice(before);
    expect(added.map((r) => [r.action, r.entityIds, r.purpose])).toEqual([
      ['entity.read', ['nominations:SRV-003'], 'case 42'],
      ['list.diff', ['nominations:SRV-001', 'nominations:SRV-002', 'nominations:SRV-003'], undefined],
    ]);
  });
});

/** A database that refuses audit records (a full disk, a lost volume) until told otherwise. */
async function refuseAuditRecords(h: Harness, refuse: boolean): Promise<void> {
  const db = h.store.db as unknown as Kysely<unknown>;
  if (testDialect() === 'postgres') {
    if (refuse) {
      await sql`create or replace function vigil_test_refuse_audit() returns trigger as $$ begin raise exception 'disk full'; end $$ language plpgsql`.execute(db);
      await sql`create trigger audit_refused before insert on audit_records for each row execute function vigil_test_refuse_audit()`.execute(db);
    } else {
      await sql`drop trigger audit_refused on audit_records`.execute(db);
    }
  } else if (refuse) {
    await sql`create trigger audit_refused before insert on audit_records begin select raise(abort, 'disk full'); end`.execute(db);
  } else {
    await sql`drop trigger audit_refused`.execute(db);
  }
}

async function countRows(h: Harness, table: string): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(h.store.db as unknown as Kysely<unknown>);
  return Number(result.rows[0]?.n ?? 0);
}

/** Subjects enrolled, the journal indexed first (as a vetting run indexes it). */
async function enrolledCount(h: Harness): Promise<number> {
  await indexJournal(h.store);
  return countRows(h, 'vetting_subjects');
}

describe(`when the audit trail cannot be written (${testDialect()})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
  });
  afterAll(() => h.close());

  it('replies 503 AUDIT_FAILED with no hits, stores none of the screening, and answers again once it recovers', async () => {
    await refuseAuditRecords(h, true);
    const screen = { id: 'pax-9', name: 'Dmitri Alexandrovich Orlov', channel: 'air_arrival' };
    const response = await h.app.inject({ method: 'POST', url: '/v1/screen', headers: h.bearer('officer'), payload: screen });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'AUDIT_FAILED', statusCode: 503 });
    expect(response.body).not.toMatch(/SRV-002|Orlov|hits/i);
    // Its case, its enrolment and its record are one transaction: none of them is stored.
    expect(await countRows(h, 'cases')).toBe(0);
    expect(await enrolledCount(h)).toBe(0);

    const entity = await h.app.inject({ method: 'GET', url: '/v1/entities/nominations:SRV-002', headers: h.bearer('analyst') });
    expect(entity.statusCode).toBe(503);
    expect(entity.body).not.toMatch(/Orlov/);

    await refuseAuditRecords(h, false);
    const again = await h.app.inject({ method: 'POST', url: '/v1/screen', headers: h.bearer('officer'), payload: screen });
    expect(again.statusCode).toBe(200);
    expect(again.json().hits[0].entityId).toBe('nominations:SRV-002');
    expect(await countRows(h, 'cases')).toBe(1);
    expect(await enrolledCount(h)).toBe(1);
    const records = await h.records();
    expect(records.filter((r) => r.action === 'screen' || r.action === 'case.open').map((r) => [r.action, r.subjectIds])).toEqual([
      ['case.open', ['pax-9']],
      ['screen', ['pax-9']],
    ]);
  });

  it('does not answer a refused request normally either when its refusal cannot be recorded', async () => {
    await refuseAuditRecords(h, true);
    const response = await h.app.inject({ method: 'GET', url: '/v1/lists', headers: h.bearer('officer') });
    await refuseAuditRecords(h, false);
    expect(response.json()).toMatchObject({ code: 'AUDIT_FAILED' });
  });
});
