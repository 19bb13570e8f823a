import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseService, type CaseService } from '../../src/cases/index.js';
import { ScreeningEngine } from '../../src/screening/index.js';
import type { Principal } from '../../src/sharing/index.js';
import { testDialect } from '../helpers/test-store.js';
import { openHarness, type Harness } from '../server/server-harness.js';

const TARIQ = { id: 'pax-tariq', name: 'Tareq Salih al-Jabouri', birthDate: '1978-06-12' };
const ORLOV = { id: 'pax-orlov', name: 'Dmitry Orlov', nationality: 'DE', documents: [{ type: 'passport' as const, number: 'C01X00T47' }] };

describe(`cases over HTTP (${testDialect()})`, () => {
  let h: Harness;
  let cases: CaseService;
  let engine: ScreeningEngine;
  let officer: Principal;
  let secondSupervisor: { authorization: string };
  let otherOrgAnalyst: { authorization: string };

  /** Opens a case as the screen route will once it calls `cases.review`. */
  async function openCase(subject: typeof TARIQ | typeof ORLOV): Promise<string> {
    const [reviewed] = await cases.review({ actor: officer, context: { channel: 'air_arrival', port: 'BGW' }, items: [{ subject, result: engine.screen(subject) }] });
    if (reviewed?.caseId === undefined) throw new Error(`no case for ${subject.id}`);
    return reviewed.caseId;
  }

  beforeAll(async () => {
    h = await openHarness();
    cases = createCaseService(h.store, { audit: h.audit });
    engine = await ScreeningEngine.open(h.store);
    officer = (await h.identity.resolveApiKey(h.keys.officer)) as Principal;
    const second = await h.identity.createApiKey({ orgId: h.orgId, role: 'supervisor', label: 'second supervisor' });
    secondSupervisor = { authorization: `Bearer ${second.key}` };
    const other = await h.identity.createOrganisation({ name: 'Partner Agency' });
    const analyst = await h.identity.createApiKey({ orgId: other.id, role: 'analyst', label: 'other analyst' });
    otherOrgAnalyst = { authorization: `Bearer ${analyst.key}` };
  });
  afterAll(() => h.close());

  it('declares the agreed roles on every case route', () => {
    const table = new Map(h.app.routeTable().filter((r) => r.method !== 'HEAD').map((r) => [`${r.method} ${r.url}`, [...(r.access.roles ?? [])].sort().join(',')]));
    const staff = 'admin,analyst,officer,supervisor';
    expect({
      'GET /v1/cases': table.get('GET /v1/cases'),
      'GET /v1/cases/stats': table.get('GET /v1/cases/stats'),
      'GET /v1/cases/reason-codes': table.get('GET /v1/cases/reason-codes'),
      'GET /v1/cases/:id': table.get('GET /v1/cases/:id'),
      'POST /v1/cases/:id/assign': table.get('POST /v1/cases/:id/assign'),
      'POST /v1/cases/:id/close': table.get('POST /v1/cases/:id/close'),
      'POST /v1/cases/:id/hits/:entityId/decisions': table.get('POST /v1/cases/:id/hits/:entityId/decisions'),
      'POST /v1/cases/:id/hits/:entityId/decisions/:decisionId/confirm': table.get('POST /v1/cases/:id/hits/:entityId/decisions/:decisionId/confirm'),
      'GET /v1/suppressions': table.get('GET /v1/suppressions'),
      'POST /v1/suppressions/:id/revoke': table.get('POST /v1/suppressions/:id/revoke'),
    }).toEqual({
      'GET /v1/cases': staff,
      'GET /v1/cases/stats': staff,
      'GET /v1/cases/reason-codes': staff,
      'GET /v1/cases/:id': staff,
      'POST /v1/cases/:id/assign': staff,
      'POST /v1/cases/:id/close': staff,
      'POST /v1/cases/:id/hits/:entityId/decisions': staff,
      'POST /v1/cases/:id/hits/:entityId/decisions/:decisionId/confirm': 'supervisor',
      'GET /v1/suppressions': staff,
      'POST /v1/suppressions/:id/revoke': 'admin,supervisor',
    });
  });

  it('lists and shows cases to staff of the organisation, audits each read, and refuses partners and outsiders', async () => {
    const id = await openCase(TARIQ);
    const list = await h.app.inject({ method: 'GET', url: '/v1/cases?status=open&port=BGW', headers: h.bearer('officer') });
    expect(list.statusCode).toBe(200);
    expect(list.json().cases.map((c: { id: string }) => c.id)).toContain(id);
    expect(list.json().cases[0]).toMatchObject({ decision: 'match', port: 'BGW', subject: { id: 'pax-tariq' }, priority: expect.any(String) });

    const before = (await h.records()).length;
    const shown = await h.app.inject({ method: 'GET', url: `/v1/cases/${id}?purpose=secondary`, headers: h.bearer('analyst') });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ id, hits: [{ entityId: 'nominations:SRV-001', state: 'undecided' }] });
    expect(shown.json().hits[0].explanation.summary).toMatch(/date of birth/);
    const added = (await h.records()).slice(before);
    expect(added.map((r) => [r.action, r.outcome, r.subjectIds, r.purpose])).toEqual([['case.read', 'ok', ['pax-tariq'], 'secondary']]);

    expect((await h.app.inject({ method: 'GET', url: `/v1/cases/${id}`, headers: h.bearer('partner') })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: `/v1/cases/${id}` })).statusCode).toBe(401);
    const outsider = await h.app.inject({ method: 'GET', url: `/v1/cases/${id}`, headers: otherOrgAnalyst });
    expect(outsider.statusCode).toBe(404);
    expect(outsider.body).not.toMatch(/Tareq|Jabouri/);
    expect((await h.app.inject({ method: 'GET', url: `/v1/cases/${id}`, headers: h.bearer('admin') })).statusCode).toBe(200);
  });

  it('takes a true match through proposal and four-eyes confirmation', async () => {
    const id = await openCase(TARIQ);
    const before = (await h.records()).length;
    const url = `/v1/cases/${id}/hits/nominations:SRV-001/decisions`;
    const bad = await h.app.inject({ method: 'POST', url, headers: h.bearer('officer'), payload: { outcome: 'true_match', reasonCode: 'different_dob' } });
    expect(bad.statusCode).toBe(400);

    const proposed = await h.app.inject({ method: 'POST', url, headers: h.bearer('officer'), payload: { outcome: 'true_match', reasonCode: 'confirmed_identity_document', note: 'passport B7654321 presented' } });
    expect(proposed.statusCode).toBe(201);
    const decisionId = proposed.json().decision.id as string;
    expect(proposed.json()).toMatchObject({ decision: { state: 'proposed', decidedBy: h.keyIds.officer }, case: { status: 'open', awaitingConfirmation: 1 } });

    const confirmUrl = `${url}/${decisionId}/confirm`;
    expect((await h.app.inject({ method: 'POST', url: confirmUrl, headers: h.bearer('officer') })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'POST', url: confirmUrl, headers: h.bearer('admin') })).statusCode).toBe(403);
    const confirmed = await h.app.inject({ method: 'POST', url: confirmUrl, headers: h.bearer('supervisor'), payload: { note: 'agreed' } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ decision: { state: 'confirmed', confirmedBy: h.keyIds.supervisor }, case: { status: 'decided', outcome: 'true_match' } });
    expect((await h.app.inject({ method: 'POST', url: confirmUrl, headers: secondSupervisor })).statusCode).toBe(409);

    // A supervisor's own proposal needs another supervisor.
    const other = await openCase(TARIQ);
    expect(other).not.toBe(id);
    const own = await h.app.inject({ method: 'POST', url: `/v1/cases/${other}/hits/nominations:SRV-001/decisions`, headers: h.bearer('supervisor'), payload: { outcome: 'true_match', reasonCode: 'confirmed_biometrics' } });
    const ownConfirm = `/v1/cases/${other}/hits/nominations:SRV-001/decisions/${own.json().decision.id}/confirm`;
    const self = await h.app.inject({ method: 'POST', url: ownConfirm, headers: h.bearer('supervisor') });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toMatch(/proposer/);
    expect((await h.app.inject({ method: 'POST', url: ownConfirm, headers: secondSupervisor })).statusCode).toBe(200);

    const added = (await h.records()).slice(before);
    expect(added.filter((r) => r.action === 'case.confirm').map((r) => [r.outcome, r.actor.id])).toEqual([
      ['denied', h.keyIds.officer],
      ['denied', h.keyIds.admin],
      ['ok', h.keyIds.supervisor],
      ['denied', h.keyIds.supervisor],
      ['ok', expect.any(String)],
    ]);
    expect(added.filter((r) => r.action === 'case.decide').map((r) => [r.outcome, r.decision])).toEqual([
      ['ok', 'true_match'],
      ['ok', 'true_match'],
    ]);
  });

  it('assigns, reports stats and handles redress suppressions', async () => {
    const id = await openCase(ORLOV);
    const taken = await h.app.inject({ method: 'POST', url: `/v1/cases/${id}/assign`, headers: h.bearer('officer'), payload: { owner: 'me', priority: 'low' } });
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({ owner: h.keyIds.officer, priority: 'low' });
    expect((await h.app.inject({ method: 'POST', url: `/v1/cases/${id}/assign`, headers: h.bearer('officer'), payload: {} })).statusCode).toBe(400);

    const cleared = await h.app.inject({
      method: 'POST',
      url: `/v1/cases/${id}/hits/nominations:SRV-002/decisions`,
      headers: h.bearer('analyst'),
      payload: { outcome: 'false_positive', reasonCode: 'different_nationality' },
    });
    expect(cleared.statusCode).toBe(201);
    expect(cleared.json().redressNumberIssued).toMatch(/^RN-/);
    expect(cleared.json().case).toMatchObject({ status: 'decided', outcome: 'false_positive' });

    const suppressions = await h.app.inject({ method: 'GET', url: '/v1/suppressions', headers: h.bearer('officer') });
    expect(suppressions.statusCode).toBe(200);
    const [suppression] = suppressions.json().suppressions as Array<{ id: string; status: string; entityId: string }>;
    expect(suppression).toMatchObject({ status: 'active', entityId: 'nominations:SRV-002' });
    const [again] = await cases.review({ actor: officer, context: {}, items: [{ subject: ORLOV, result: engine.screen(ORLOV) }] });
    expect(again?.hits[0]?.suppressed).toMatchObject({ reason: 'different_nationality' });

    expect((await h.app.inject({ method: 'POST', url: `/v1/suppressions/${suppression?.id}/revoke`, headers: h.bearer('officer') })).statusCode).toBe(403);
    const revoked = await h.app.inject({ method: 'POST', url: `/v1/suppressions/${suppression?.id}/revoke`, headers: h.bearer('supervisor'), payload: { note: 'new information' } });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', endNote: 'new information' });

    const stats = await h.app.inject({ method: 'GET', url: '/v1/cases/stats', headers: h.bearer('analyst') });
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toMatchObject({ byStatus: { decided: expect.any(Number) }, decisionsToday: expect.any(Number) });
    expect(stats.json().byStatus.decided).toBeGreaterThanOrEqual(1);
    const codes = await h.app.inject({ method: 'GET', url: '/v1/cases/reason-codes', headers: h.bearer('officer') });
    expect(codes.json().reasonCodes.map((r: { code: string }) => r.code)).toContain('different_dob');

    const closed = await h.app.inject({ method: 'POST', url: `/v1/cases/${id}/close`, headers: h.bearer('officer'), payload: { note: 'released' } });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed' });
  });
});
