import { createAuditLog, type AuditLog, type AuditRecord } from '../../src/audit/index.js';
import { createCaseService, type CaseActor, type CaseService, type CaseServiceOptions, type ReviewedResult, type ScreenedSubject } from '../../src/cases/index.js';
import type { EntityInput, ScreeningPosture } from '../../src/domain/index.js';
import { ScreeningEngine } from '../../src/screening/index.js';
import { recordsOf } from '../helpers/list-records.js';
import { importInput, openTestStore, type TestStore } from '../helpers/test-store.js';

/** A clock the test moves by hand, for ages and expiry. */
export class TestClock {
  constructor(public current = new Date('2026-03-02T08:00:00.000Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function listed(sourceId: string, name: string, extra: Partial<EntityInput> = {}): EntityInput {
  return { id: `nominations:${sourceId}`, source: 'nominations', sourceId, schema: 'Person', caption: name, names: [{ full: name, kind: 'primary' }], ...extra };
}

export const KHALID = listed('N-1', 'Khalid Yusuf Al-Rashidi', { birthDates: [{ kind: 'exact', date: '1979-04-02' }], nationalities: ['IQ'] });
/** The same entity after the list adds an alias: new content, new hash. */
export const KHALID_WITH_ALIAS = listed('N-1', 'Khalid Yusuf Al-Rashidi', {
  birthDates: [{ kind: 'exact', date: '1979-04-02' }],
  nationalities: ['IQ'],
  names: [{ full: 'Khalid Yusuf Al-Rashidi', kind: 'primary' }, { full: 'Abu Hafsa al-Tikriti', kind: 'alias' }],
});
export const OLENA = listed('N-2', 'Olena Petrenko');
export const VIKTOR = listed('N-3', 'Viktor Hrabal Novotny', { birthDates: [{ kind: 'exact', date: '1960-05-05' }], documents: [{ type: 'passport', number: 'X1234567', country: 'CZ' }] });

/** A Jordanian namesake of the listed Iraqi, no birth date on the booking: screening says match, an officer finds a false positive. */
export const NAMESAKE = { id: 'pax-namesake', name: 'Khalid Yusuf Al-Rashidi', nationality: 'JO', documents: [{ type: 'passport' as const, number: 'JO-555 001' }] };

export const ELEVATED: ScreeningPosture = {
  id: 'ntas:elevated',
  scheme: 'ntas',
  level: 'elevated',
  reviewThreshold: 0.7,
  matchThreshold: 0.9,
  enhanced: { ports: ['AMM'], channels: [], routes: [] },
  since: '2026-01-01T00:00:00Z',
};

export const ACTORS = {
  officer: { kind: 'user', id: 'u-officer', orgId: 'org-a', roles: ['officer'] },
  analyst: { kind: 'user', id: 'u-analyst', orgId: 'org-a', roles: ['analyst'] },
  supervisor: { kind: 'user', id: 'u-sup-1', orgId: 'org-a', roles: ['supervisor'] },
  supervisor2: { kind: 'user', id: 'u-sup-2', orgId: 'org-a', roles: ['supervisor'] },
  otherOrg: { kind: 'user', id: 'u-officer-b', orgId: 'org-b', roles: ['officer', 'supervisor'] },
  admin: { kind: 'user', id: 'u-admin', orgId: 'org-x', roles: ['admin'] },
  partner: { kind: 'key', id: 'k-partner', orgId: 'org-a', roles: ['partner'] },
} satisfies Record<string, CaseActor>;

export interface CaseWorld {
  store: TestStore;
  engine: ScreeningEngine;
  audit: AuditLog;
  cases: CaseService;
  clock: TestClock;
  /** Screens as the officer of org-a at a port and opens cases as the screen route will. */
  screen(subject: ScreenedSubject, options?: { posture?: ScreeningPosture; port?: string; channel?: string }): Promise<ReviewedResult>;
  /** Imports a new version of the list and refreshes the engine. */
  relist(entities: EntityInput[]): Promise<void>;
  records(): Promise<AuditRecord[]>;
  close(): Promise<void>;
}

export async function openCaseWorld(options: Partial<CaseServiceOptions> = {}): Promise<CaseWorld> {
  const store = await openTestStore();
  await store.importList(importInput('nominations', recordsOf([KHALID, OLENA, VIKTOR])));
  const engine = await ScreeningEngine.open(store);
  const audit = createAuditLog(store, { flushMs: 1 });
  const clock = new TestClock();
  const cases = createCaseService(store, { audit, now: clock.now, ...options });
  return {
    store,
    engine,
    audit,
    cases,
    clock,
    async screen(subject, screenOptions = {}) {
      const result = engine.screen(subject, { ...(screenOptions.posture !== undefined ? { posture: screenOptions.posture } : {}), context: { port: screenOptions.port ?? 'AMM', channel: screenOptions.channel ?? 'air_arrival' } });
      const [reviewed] = await cases.review({ actor: ACTORS.officer, context: { port: screenOptions.port ?? 'AMM', channel: screenOptions.channel ?? 'air_arrival' }, items: [{ subject, result }] });
      if (reviewed === undefined) throw new Error('review returned nothing');
      return reviewed;
    },
    async relist(entities) {
      await store.importList(importInput('nominations', recordsOf(entities)));
      await engine.refresh();
    },
    async records() {
      await audit.flush();
      const out: AuditRecord[] = [];
      for await (const record of audit.export()) out.push(record);
      return out;
    },
    async close() {
      await audit.close();
      await store.close();
    },
  };
}
