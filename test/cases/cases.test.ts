import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySuppressions, openCaseFromAlert } from '../../src/cases/index.js';
import { testDialect } from '../helpers/test-store.js';
import { ACTORS, DAY, ELEVATED, HOUR, KHALID, KHALID_WITH_ALIAS, NAMESAKE, OLENA, openCaseWorld, VIKTOR, type CaseWorld } from './case-fixtures.js';

describe(`cases: opening, four-eyes decisions and history (${testDialect()})`, () => {
  let w: CaseWorld;
  beforeEach(async () => {
    w = await openCaseWorld();
  });
  afterEach(() => w.close());

  it('opens a case for review and match with everything the officer needs, and none for clear', async () => {
    const clear = await w.screen({ id: 'pax-clear', name: 'Jonathan Whitfield' });
    expect(clear.decision).toBe('clear');
    expect(clear.caseId).toBeUndefined();

    const match = await w.screen(NAMESAKE, { posture: ELEVATED });
    const review = await w.screen({ id: 'pax-review', name: 'Viktor Novotny' }, { port: 'CDG', channel: 'visa' });
    expect([match.decision, review.decision]).toEqual(['match', 'review']);
    expect(match.caseId).toBeDefined();

    const detail = await w.cases.get(ACTORS.officer, match.caseId as string);
    expect(detail).toMatchObject({
      status: 'open',
      source: 'screening',
      decision: 'match',
      orgId: 'org-a',
      openedBy: 'u-officer',
      subject: { id: 'pax-namesake', name: 'Khalid Yusuf Al-Rashidi', nationality: 'JO' },
      channel: 'air_arrival',
      port: 'AMM',
      listVersions: { nominations: 1 },
      posture: { id: 'ntas:elevated', enhanced: 'port AMM' },
      ageSeconds: 0,
    });
    // A match at an enhanced port is raised a step above a plain match.
    expect(detail.priority).toBe('critical');
    expect(detail.hits[0]).toMatchObject({ entityId: 'nominations:N-1', state: 'undecided', history: [] });
    expect(detail.hits[0]?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.hits[0]?.explanation).toHaveProperty('summary');

    const reviewCase = await w.cases.get(ACTORS.officer, review.caseId as string);
    expect(reviewCase).toMatchObject({ decision: 'review', priority: 'medium', channel: 'visa', port: 'CDG' });
    expect(reviewCase.posture).toBeUndefined();
  });

  it('joins a repeated screening of the same person to the open case instead of opening another', async () => {
    const first = await w.screen(NAMESAKE);
    const again = await w.screen(NAMESAKE);
    expect(again.caseId).toBe(first.caseId);
    const elsewhere = await w.screen(NAMESAKE, { port: 'CDG' });
    expect(elsewhere.caseId).not.toBe(first.caseId);
    const detail = await w.cases.get(ACTORS.officer, first.caseId as string);
    expect(detail.events.map((e) => e.kind)).toEqual(['opened', 'screened_again']);
  });

  it('joins screenings of the same person that arrive together to one case, audited once', async () => {
    const together = await Promise.all([w.screen(NAMESAKE), w.screen(NAMESAKE), w.screen(NAMESAKE), w.screen({ ...NAMESAKE, id: 'pax-2' }, { port: 'CDG' })]);
    const caseIds = together.map((r) => r.caseId);
    expect(new Set(caseIds.slice(0, 3)).size).toBe(1);
    expect(caseIds[3]).not.toBe(caseIds[0]);
    const detail = await w.cases.get(ACTORS.officer, caseIds[0] as string);
    expect(detail.events.map((e) => e.kind)).toEqual(['opened', 'screened_again', 'screened_again']);
    const opened = (await w.records()).filter((r) => r.action === 'case.open');
    expect(opened.map((r) => r.details?.['caseId']).sort()).toEqual([caseIds[0], caseIds[3]].sort());
  });

  it('fails the screening when its case cannot be written, rather than answer without the case', async () => {
    if (w.store.dialect === 'postgres') {
      await sql`create function refuse_cases() returns trigger language plpgsql as $$ begin raise exception 'cases are read-only'; end $$`.execute(w.store.db);
      await sql`create trigger refuse_cases before insert on cases for each row execute function refuse_cases()`.execute(w.store.db);
    } else {
      await sql`create trigger refuse_cases before insert on cases begin select raise(abort, 'cases are read-only'); end`.execute(w.store.db);
    }
    await expect(w.screen(NAMESAKE)).rejects.toThrow(/read-only/);
    // A clear result needs no case and is answered as before.
    await expect(w.screen({ id: 'pax-clear', name: 'Maria Lindqvist' })).resolves.toMatchObject({ decision: 'clear' });
    expect((await w.records()).filter((r) => r.action === 'case.open')).toEqual([]);
  });

  it('needs a second person with the supervisor role to confirm a true match', async () => {
    const { caseId } = await w.screen({ id: 'pax-khalid', name: 'Khaled Yousef al Rashidi', birthDate: '1979-04-02' });
    const id = caseId as string;
    const proposed = await w.cases.decide(ACTORS.officer, id, 'nominations:N-1', { outcome: 'true_match', reasonCode: 'confirmed_identity_document', note: 'passport matches' });
    expect(proposed.decision).toMatchObject({ state: 'proposed', needsConfirmation: true, decidedBy: 'u-officer' });
    expect(proposed.case).toMatchObject({ status: 'open', awaitingConfirmation: 1 });

    await expect(w.cases.confirm(ACTORS.officer, id, 'nominations:N-1', proposed.decision.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(w.cases.confirm(ACTORS.otherOrg, id, 'nominations:N-1', proposed.decision.id)).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });

    // A supervisor who proposes cannot confirm their own proposal either.
    const own = await w.cases.decide(ACTORS.supervisor, id, 'nominations:N-1', { outcome: 'true_match', reasonCode: 'confirmed_biometrics' });
    await expect(w.cases.confirm(ACTORS.supervisor, id, 'nominations:N-1', own.decision.id)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/proposer/) });
    await expect(w.cases.confirm(ACTORS.supervisor2, id, 'nominations:N-1', proposed.decision.id)).rejects.toMatchObject({ code: 'CONFLICT' });

    const confirmed = await w.cases.confirm(ACTORS.supervisor2, id, 'nominations:N-1', own.decision.id, { note: 'checked prints' });
    expect(confirmed.decision).toMatchObject({ state: 'confirmed', confirmedBy: 'u-sup-2', confirmationNote: 'checked prints' });
    expect(confirmed.case).toMatchObject({ status: 'decided', outcome: 'true_match', awaitingConfirmation: 0 });
    await expect(w.cases.confirm(ACTORS.supervisor2, id, 'nominations:N-1', own.decision.id)).rejects.toMatchObject({ code: 'CONFLICT' });

    const denied = (await w.records()).filter((r) => r.action === 'case.confirm' && r.outcome === 'denied');
    // The other organisation's supervisor is refused too, and told nothing beyond "no such case".
    expect(denied.map((r) => r.actor.id)).toEqual(['u-officer', 'u-officer-b', 'u-sup-1']);
  });

  it('keeps every decision: a new one supersedes the old, and the history shows both', async () => {
    const { caseId } = await w.screen(NAMESAKE);
    const id = caseId as string;
    const first = await w.cases.decide(ACTORS.officer, id, 'nominations:N-1', { outcome: 'inconclusive', reasonCode: 'insufficient_subject_data' });
    expect(first.case.status).toBe('decided');
    const second = await w.cases.decide(ACTORS.analyst, id, 'nominations:N-1', { outcome: 'false_positive', reasonCode: 'different_nationality', note: 'Jordanian passport, born 1985' });
    const third = await w.cases.decide(ACTORS.supervisor, id, 'nominations:N-1', { outcome: 'true_match', reasonCode: 'confirmed_by_partner' });
    const hit = third.case.hits[0];
    expect(hit?.history.map((d) => [d.seq, d.outcome, d.state, d.decidedBy])).toEqual([
      [1, 'inconclusive', 'superseded', 'u-officer'],
      [2, 'false_positive', 'superseded', 'u-analyst'],
      [3, 'true_match', 'proposed', 'u-sup-1'],
    ]);
    expect(hit?.history[1]).toMatchObject({ supersedes: first.decision.id, supersededBy: third.decision.id, note: 'Jordanian passport, born 1985' });
    // The pending true match reopens the decided case, and the false positive's suppression ends.
    expect(third.case.status).toBe('open');
    expect(third.case.events.map((e) => e.kind)).toEqual(['opened', 'decided', 'reopened']);
    const ended = await w.cases.listSuppressions(ACTORS.supervisor, { status: 'ended' });
    expect(ended.suppressions.map((s) => [s.decisionId, s.status])).toEqual([[second.decision.id, 'superseded']]);
  });

  it('lets one of two people deciding the same hit at once win, and tells the other to read again', async () => {
    const { caseId } = await w.screen(NAMESAKE);
    const id = caseId as string;
    const outcomes = await Promise.allSettled([
      w.cases.decide(ACTORS.officer, id, 'nominations:N-1', { outcome: 'false_positive', reasonCode: 'different_nationality' }),
      w.cases.decide(ACTORS.analyst, id, 'nominations:N-1', { outcome: 'inconclusive', reasonCode: 'insufficient_subject_data' }),
    ]);
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
    const detail = await w.cases.get(ACTORS.officer, id);
    const history = detail.hits[0]?.history ?? [];
    if (fulfilled.length === 1) {
      // They read the hit at the same version: the second to write is told to read again.
      expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
      expect(history).toHaveLength(1);
    } else {
      // The first had committed before the second read the hit (two database connections can
      // interleave so): then the second decision knowingly supersedes the first, nothing is lost.
      expect(fulfilled).toHaveLength(2);
      expect(history.map((d) => d.seq)).toEqual([1, 2]);
      expect(history[1]?.supersedes).toBe(history[0]?.id);
    }
  });

  it('refuses reason codes that do not fit and cases of other organisations; partners see nothing', async () => {
    const { caseId } = await w.screen(NAMESAKE);
    const id = caseId as string;
    await expect(w.cases.decide(ACTORS.officer, id, 'nominations:N-1', { outcome: 'true_match', reasonCode: 'different_dob' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(w.cases.decide(ACTORS.officer, id, 'nominations:N-1', { outcome: 'false_positive', reasonCode: 'other' })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'note' } });
    await expect(w.cases.decide(ACTORS.officer, id, 'nominations:N-9', { outcome: 'inconclusive', reasonCode: 'insufficient_list_data' })).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });
    await expect(w.cases.get(ACTORS.otherOrg, id)).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });
    await expect(w.cases.get(ACTORS.partner, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await w.cases.get(ACTORS.admin, id)).id).toBe(id);
    expect((await w.cases.list(ACTORS.otherOrg)).total).toBe(0);
    expect((await w.cases.list(ACTORS.admin)).total).toBe(1);
  });

  it('audits every read and decision with ids only, never names or notes', async () => {
    const { caseId } = await w.screen(NAMESAKE);
    const id = caseId as string;
    const before = (await w.records()).length;
    await w.cases.get(ACTORS.analyst, id, { purpose: 'secondary inspection' });
    await w.cases.list(ACTORS.officer, { status: 'open' });
    const decided = await w.cases.decide(ACTORS.officer, id, 'nominations:N-1', { outcome: 'false_positive', reasonCode: 'different_nationality', note: 'Jordanian, not Al-Rashidi the Iraqi' });
    await expect(w.cases.get(ACTORS.otherOrg, id)).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });
    const added = (await w.records()).slice(before);
    expect(added.map((r) => [r.action, r.outcome, r.actor.id])).toEqual([
      ['case.read', 'ok', 'u-analyst'],
      ['case.list', 'ok', 'u-officer'],
      ['case.decide', 'ok', 'u-officer'],
      ['case.read', 'denied', 'u-officer-b'],
    ]);
    expect(added[0]).toMatchObject({ subjectIds: ['pax-namesake'], entityIds: ['nominations:N-1'], purpose: 'secondary inspection', details: { caseId: id } });
    expect(added[2]).toMatchObject({
      subjectIds: ['pax-namesake'],
      entityIds: ['nominations:N-1'],
      decision: 'false_positive',
      details: { caseId: id, decisionId: decided.decision.id, reasonCode: 'different_nationality', state: 'final', redressIssued: true },
    });
    expect(JSON.stringify(added)).not.toMatch(/Rashidi|Khalid|Jordanian/);
  });

  it('assigns, re-prioritises, filters the queue and counts it', async () => {
    const a = await w.screen(NAMESAKE);
    w.clock.advance(5 * HOUR);
    const b = await w.screen({ id: 'pax-review', name: 'Viktor Novotny' }, { port: 'CDG', channel: 'visa' });
    await expect(w.cases.assign(ACTORS.officer, a.caseId as string, { owner: 'u-analyst' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await w.cases.assign(ACTORS.officer, a.caseId as string, { owner: 'me' });
    const moved = await w.cases.assign(ACTORS.supervisor, b.caseId as string, { owner: 'u-analyst', priority: 'high' });
    expect(moved).toMatchObject({ owner: 'u-analyst', priority: 'high' });
    expect(moved.events.map((e) => e.kind)).toEqual(['opened', 'assigned', 'priority']);

    const mine = await w.cases.list(ACTORS.officer, { owner: 'me' });
    expect(mine.cases.map((c) => c.id)).toEqual([a.caseId]);
    expect((await w.cases.list(ACTORS.officer, { channel: 'visa' })).cases.map((c) => c.id)).toEqual([b.caseId]);
    expect((await w.cases.list(ACTORS.officer, { minAgeHours: 4 })).cases.map((c) => c.id)).toEqual([a.caseId]);
    expect((await w.cases.list(ACTORS.officer, { maxAgeHours: 4 })).cases.map((c) => c.id)).toEqual([b.caseId]);
    expect((await w.cases.list(ACTORS.officer, { decision: 'review' })).total).toBe(1);
    const page = await w.cases.list(ACTORS.officer, { limit: 1 });
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 0 });
    // The queue is most urgent first: the match (high) before the review raised to high but younger.
    expect(page.cases[0]?.id).toBe(a.caseId);
    expect(page.cases[0]?.ageSeconds).toBe(5 * 3600);

    await w.cases.decide(ACTORS.officer, a.caseId as string, 'nominations:N-1', { outcome: 'false_positive', reasonCode: 'different_nationality' });
    await w.cases.decide(ACTORS.officer, b.caseId as string, 'nominations:N-3', { outcome: 'true_match', reasonCode: 'confirmed_name_and_dob' });
    const stats = await w.cases.stats(ACTORS.supervisor);
    expect(stats).toMatchObject({ byStatus: { open: 1, decided: 1, closed: 0 }, openByPriority: { high: 1, critical: 0 }, awaitingConfirmation: 1, decidedToday: 1, decisionsToday: 2, unassigned: 0 });
    expect(stats.ageing).toContainEqual({ bucket: 'under_1h', count: 1 });
    expect((await w.cases.list(ACTORS.supervisor, { awaitingConfirmation: 'true' })).cases.map((c) => c.id)).toEqual([b.caseId]);
    expect((await w.cases.stats(ACTORS.otherOrg)).byStatus.open).toBe(0);

    const closed = await w.cases.close(ACTORS.officer, a.caseId as string, { note: 'released' });
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'u-officer', outcome: 'false_positive' });
    await expect(w.cases.close(ACTORS.officer, b.caseId as string)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(w.cases.decide(ACTORS.officer, a.caseId as string, 'nominations:N-1', { outcome: 'inconclusive', reasonCode: 'insufficient_list_data' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe(`redress: suppressions and redress numbers (${testDialect()})`, () => {
  let w: CaseWorld;
  beforeEach(async () => {
    w = await openCaseWorld();
  });
  afterEach(() => w.close());

  async function clearNamesake(options: { suppressionExpiresAt?: string } = {}) {
    const { caseId } = await w.screen(NAMESAKE);
    return w.cases.decide(ACTORS.officer, caseId as string, 'nominations:N-1', { outcome: 'false_positive', reasonCode: 'different_nationality', ...options });
  }

  it('suppresses the hit on the next screening of the same person, says so, and opens no case', async () => {
    const decided = await clearNamesake();
    expect(decided.redressNumberIssued).toMatch(/^RN-\d{4}-\d{4}-\d{4}$/);
    expect(decided.case.redress.issued).toBe(decided.redressNumberIssued);
    w.clock.advance(HOUR);

    // The same person, spelled and ordered differently, with the same passport written another way.
    const again = await w.screen({ ...NAMESAKE, id: 'pax-namesake-2', name: 'AL-RASHIDI, Khalid Yusuf', documents: [{ type: 'passport', number: 'jo555001' }] });
    expect(again.decision).toBe('clear');
    expect(again.caseId).toBeUndefined();
    expect(again.hits[0]).toMatchObject({
      entityId: 'nominations:N-1',
      suppressed: { decisionId: decided.decision.id, since: decided.decision.decidedAt, reason: 'different_nationality', via: 'fingerprint' },
    });

    // Another person with the same name is not covered.
    const other = await w.screen({ ...NAMESAKE, id: 'pax-other', documents: [] });
    expect(other.hits[0]?.suppressed).toBeUndefined();
    expect(other.caseId).toBeDefined();
    // Other hits of the same person still count: a suppression is per entity.
    const direct = await applySuppressions(w.store, { ...NAMESAKE, name: ['Khalid Yusuf Al-Rashidi', 'Olena Petrenko'] }, w.engine.screen({ ...NAMESAKE, name: ['Khalid Yusuf Al-Rashidi', 'Olena Petrenko'] }), { now: w.clock.now });
    expect(direct.hits.length).toBe(2);
  });

  it('lapses when the listed entity changes (a new alias), and the hit comes back as a new case', async () => {
    const decided = await clearNamesake();
    await w.relist([KHALID_WITH_ALIAS, OLENA, VIKTOR]);
    const after = await w.screen(NAMESAKE);
    expect(after.listVersions).toEqual({ nominations: 2 });
    expect(after.hits[0]?.suppressed).toBeUndefined();
    expect(after.decision).toBe('match');
    expect(after.caseId).toBeDefined();
    expect(after.caseId).not.toBe(decided.case.id);
    const listed = await w.cases.listSuppressions(ACTORS.supervisor);
    expect(listed.suppressions[0]).toMatchObject({ decisionId: decided.decision.id, status: 'lapsed' });
    expect(listed.suppressions[0]?.currentContentHash).not.toBe(listed.suppressions[0]?.contentHash);

    // Back to the content the officer decided on: the suppression holds again.
    await w.relist([KHALID, OLENA, VIKTOR]);
    expect((await w.screen(NAMESAKE)).hits[0]?.suppressed).toBeDefined();
  });

  it('expires on the date given, and stops at once when revoked', async () => {
    await clearNamesake({ suppressionExpiresAt: '2026-03-05' });
    w.clock.advance(2 * DAY);
    expect((await w.screen(NAMESAKE)).decision).toBe('clear');
    w.clock.advance(2 * DAY);
    const expired = await w.screen(NAMESAKE);
    expect(expired.hits[0]?.suppressed).toBeUndefined();
    expect(expired.caseId).toBeDefined();

    const second = await w.cases.decide(ACTORS.officer, expired.caseId as string, 'nominations:N-1', { outcome: 'false_positive', reasonCode: 'different_person_documents' });
    expect(second.redressNumberIssued).toBeUndefined();
    expect(second.decision.suppressionExpiresAt).toBe('2027-03-06T08:00:00.000Z');
    expect((await w.screen(NAMESAKE)).decision).toBe('clear');
    const [active] = (await w.cases.listSuppressions(ACTORS.officer)).suppressions;
    await expect(w.cases.revokeSuppression(ACTORS.officer, active?.id as string)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const revoked = await w.cases.revokeSuppression(ACTORS.supervisor, active?.id as string, { note: 'new intelligence' });
    expect(revoked).toMatchObject({ status: 'revoked', endedBy: 'u-sup-1', endNote: 'new intelligence' });
    await expect(w.cases.revokeSuppression(ACTORS.supervisor, active?.id as string)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await w.screen(NAMESAKE)).hits[0]?.suppressed).toBeUndefined();
    const actions = (await w.records()).map((r) => [r.action, r.outcome]);
    expect(actions).toContainEqual(['suppression.revoke', 'ok']);
    expect(actions).toContainEqual(['suppression.revoke', 'denied']);
  });

  it('recognises a redress number when the papers changed, but not for someone else', async () => {
    const decided = await clearNamesake();
    const number = decided.redressNumberIssued as string;
    const newPassport = { ...NAMESAKE, id: 'pax-renewed', nationality: 'Jordan', documents: [{ type: 'passport' as const, number: 'JO-777 002' }] };
    expect((await w.screen(newPassport)).hits[0]?.suppressed).toBeUndefined();

    const presented = await w.screen({ ...newPassport, redressNumber: number.toLowerCase().replace(/-/g, ' ') });
    expect(presented.decision).toBe('clear');
    expect(presented.hits[0]?.suppressed).toMatchObject({ via: 'redress_number', redressNumber: number, decisionId: decided.decision.id });

    const borrowed = await w.screen({ id: 'pax-impostor', name: 'Khalid Yusuf Al-Rashidi', birthDate: '1979-04-02', redressNumber: number });
    expect(borrowed.hits[0]?.suppressed).toBeUndefined();
    expect(borrowed.decision).toBe('match');

    // A later false positive for the same traveller keeps their number.
    const { caseId } = await w.screen({ ...newPassport, id: 'pax-renewed-2', name: ['Khalid Yusuf Al-Rashidi', 'Olena Petrenko'], redressNumber: number });
    const olena = await w.cases.decide(ACTORS.officer, caseId as string, 'nominations:N-2', { outcome: 'false_positive', reasonCode: 'different_entity_type', note: 'a second name on the booking' });
    expect(olena.redressNumberIssued).toBeUndefined();
    const mine = await w.cases.listSuppressions(ACTORS.officer, { redressNumber: number });
    expect(mine.suppressions.map((s) => s.entityId).sort()).toEqual(['nominations:N-1', 'nominations:N-2']);
  });

  it('opens one case per vetting alert, and none for a suppressed or clear one', async () => {
    const alert = { alertId: 'alert-1', orgId: 'org-a', subject: { id: 'enrolled-7', name: 'Viktor Novotny', birthDate: '1960-05-05' }, entityId: 'nominations:N-3', score: 0.93, explanation: { summary: 'new listing' } };
    const opened = await openCaseFromAlert(w.cases, alert);
    expect(opened).toMatchObject({ status: 'opened' });
    expect(await openCaseFromAlert(w.cases, alert)).toEqual({ status: 'existing', caseId: (opened as { caseId: string }).caseId });
    const detail = await w.cases.get(ACTORS.analyst, (opened as { caseId: string }).caseId);
    expect(detail).toMatchObject({ source: 'alert', alertId: 'alert-1', decision: 'match', openedBy: 'vetting', hits: [{ entityId: 'nominations:N-3', caption: 'Viktor Hrabal Novotny', score: 0.93 }] });
    expect(detail.hits[0]?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await openCaseFromAlert(w.cases, { ...alert, alertId: 'alert-2', score: 0.4 })).toEqual({ status: 'clear' });

    await w.cases.decide(ACTORS.officer, detail.id, 'nominations:N-3', { outcome: 'false_positive', reasonCode: 'different_person_documents' });
    expect(await openCaseFromAlert(w.cases, { ...alert, alertId: 'alert-3' })).toMatchObject({ status: 'suppressed', suppressed: { reason: 'different_person_documents' } });
  });
});
