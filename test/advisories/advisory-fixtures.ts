import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAdvisoryService, type Actor, type AdvisoryService, type NewAdvisory, type Viewer } from '../../src/advisories/index.js';
import { createAuditLog, type AuditLog, type AuditRecord } from '../../src/audit/index.js';
import { createWebhookNotifier, SseHub, type WebhookNotifier, type WebhookNotifierOptions } from '../../src/notify/index.js';
import { openTestStore, type TestStore } from '../helpers/test-store.js';

/** A clock tests move by hand. */
export class TestClock {
  private at: number;
  constructor(start: string) {
    this.at = Date.parse(start);
  }
  now = (): Date => new Date(this.at);
  set(iso: string): void {
    this.at = Date.parse(iso);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

export const START = '2025-03-01T12:00:00.000Z';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const author: Actor = { kind: 'user', id: 'u-author', orgId: 'dhs', roles: ['supervisor'] };
export const approver: Actor = { kind: 'user', id: 'u-approver', orgId: 'dhs', roles: ['supervisor'] };
export const admin: Actor = { kind: 'user', id: 'u-admin', orgId: 'dhs', roles: ['admin'] };
export const officer: Actor = { kind: 'user', id: 'u-officer', orgId: 'dhs', roles: ['officer'] };
export const analyst: Actor = { kind: 'user', id: 'u-analyst', orgId: 'dhs', roles: ['analyst'] };
export const partner: Actor = { kind: 'key', id: 'k-partner', orgId: 'port-authority', roles: ['partner'] };
export const otherPartner: Actor = { kind: 'key', id: 'k-other', orgId: 'airline-x', roles: ['partner'] };
export const outsideSupervisor: Actor = { kind: 'user', id: 'u-outside', orgId: 'other-agency', roles: ['supervisor'] };
export const anonymous: Viewer | undefined = undefined;

export function ntas(overrides: Partial<NewAdvisory> = {}, clock?: TestClock): NewAdvisory {
  const base = clock?.now().getTime() ?? Date.parse(START);
  return {
    scheme: 'ntas',
    level: 'elevated',
    title: 'Heightened threat to mass transit',
    summary: 'A credible threat against mass transit systems in the United States.',
    details: 'Violent extremists have called for attacks on transit hubs.',
    expiresAt: new Date(base + 14 * DAY).toISOString(),
    regions: ['United States'],
    sectors: ['mass transit', 'aviation'],
    governmentActions: 'DHS is working with transit operators.',
    publicActions: 'Report suspicious activity to local authorities.',
    stayInformed: 'Visit dhs.gov/ntas.',
    justification: 'SOURCE-CONFIDENTIAL: reporting from a sensitive source.',
    ...overrides,
  };
}

export interface Harness {
  store: TestStore;
  clock: TestClock;
  audit: AuditLog;
  notifier: WebhookNotifier;
  sse: SseHub<Viewer>;
  advisories: AdvisoryService;
  close(): Promise<void>;
}

export async function openHarness(options: { notifier?: WebhookNotifierOptions; settings?: Parameters<typeof createAdvisoryService>[1]['settings'] } = {}): Promise<Harness> {
  const clock = new TestClock(START);
  const store = await openTestStore();
  const audit = createAuditLog(store, { now: clock.now });
  const notifier = createWebhookNotifier(store, { now: clock.now, deliverOnNotify: false, ...options.notifier });
  const sse = new SseHub<Viewer>();
  const advisories = createAdvisoryService(store, { audit, notifier, sse, now: clock.now, ...(options.settings !== undefined ? { settings: options.settings } : {}) });
  return {
    store,
    clock,
    audit,
    notifier,
    sse,
    advisories,
    async close() {
      await advisories.stop();
      await notifier.stop();
      await audit.close();
      await store.close();
    },
  };
}

/** Drafted by `author`, approved by `approver`, published by `author`. */
export async function publishNew(h: Harness, input: NewAdvisory): Promise<string> {
  const draft = await h.advisories.create(author, input);
  await h.advisories.approve(approver, draft.id);
  await h.advisories.publish(author, draft.id);
  return draft.id;
}

export async function auditRecords(audit: AuditLog): Promise<AuditRecord[]> {
  await audit.flush();
  const records: AuditRecord[] = [];
  for await (const record of audit.export()) records.push(record);
  return records;
}

export const CAP_SCHEMA = resolve(process.cwd(), '../shared/schemas/CAP-v1.2.xsd');
export const CAP_EXAMPLES = resolve(process.cwd(), '../shared/schemas/cap-examples');

/** Runs xmllint against the CAP 1.2 schema; `ok` with its complaints otherwise. */
export function validateCapFile(path: string): { ok: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', CAP_SCHEMA, path], { encoding: 'utf8' });
  if (run.error !== undefined) throw new Error(`xmllint could not run (install libxml2-utils): ${run.error.message}`);
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

export function validateCap(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-cap-'));
  try {
    const file = join(dir, 'alert.xml');
    writeFileSync(file, xml);
    return validateCapFile(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
