import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/store/index.js';
import { enrolSubjects, runVetting } from '../../src/vetting/index.js';
import { testDialect } from '../helpers/test-store.js';
import { openHarness, WATCHLIST_V2, type Harness } from '../server/server-harness.js';

interface AlertBody {
  seq: number;
  subjectId: string;
  entityId: string;
  score: number;
  status: string;
  explanation: { summary: string };
  change: { source: string; from: number; to: number; kind: string };
}

describe(`GET /v1/alerts (${testDialect()})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
    // Vetting with nobody enrolled marks the first version as vetted.
    await runVetting(h.store);
    await enrolSubjects(h.store, [{ id: 'pax-1', name: 'Victor Karpov', birthDate: '1971-04-02' }, { id: 'pax-2', name: 'Someone Else' }], { channel: 'air_arrival', retentionDays: 90 });
    await importFiles(h.store, [WATCHLIST_V2]);
    await runVetting(h.store);
  });
  afterAll(() => h.close());

  it('lists the alerts for readers, filters them, and audits every read with the subjects shown', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/v1/alerts?status=open&purpose=weekly%20review', headers: h.bearer('analyst') });
    expect(response.statusCode).toBe(200);
    const { alerts } = response.json() as { alerts: AlertBody[] };
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ subjectId: 'pax-1', status: 'open', change: { from: 1, to: 2, kind: 'added' } });
    expect(alerts[0]?.explanation.summary).toMatch(/Karpov/i);
    const read = (await h.records()).filter((r) => r.action === 'alert.read').at(-1);
    expect(read).toMatchObject({ outcome: 'ok', subjectIds: ['pax-1'], entityIds: [alerts[0]?.entityId], purpose: 'weekly review' });

    const closed = await h.app.inject({ method: 'GET', url: '/v1/alerts?status=closed', headers: h.bearer('supervisor') });
    expect(closed.json()).toEqual({ alerts: [] });
    const bad = await h.app.inject({ method: 'GET', url: '/v1/alerts?limit=0', headers: h.bearer('analyst') });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps alerts from officers and partners, and from callers without credentials', async () => {
    for (const role of ['officer', 'partner'] as const) {
      expect((await h.app.inject({ method: 'GET', url: '/v1/alerts', headers: h.bearer(role) })).statusCode).toBe(403);
    }
    expect((await h.app.inject({ method: 'GET', url: '/v1/alerts' })).statusCode).toBe(401);
  });

  it('streams the alerts after Last-Event-ID as server-sent events, audited', async () => {
    const before = (await h.records()).length;
    const response = await h.app.inject({ method: 'GET', url: '/v1/alerts/stream', headers: { ...h.bearer('admin'), 'last-event-id': '0' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(response.body).toMatch(/^retry: 5000/);
    expect(response.body).toMatch(/event: alert\.raised\nid: \d+\ndata: \{.*"subjectId":"pax-1"/);
    expect(response.body).not.toContain('explanation');
    const added = (await h.records()).slice(before);
    expect(added.map((r) => [r.action, r.outcome, r.subjectIds])).toEqual([['alert.read', 'ok', ['pax-1']]]);
  });

  it('pushes each new alert to a following stream as it is raised, by any process', async () => {
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = h.app.server.address() as AddressInfo;
    let opened: () => void = () => undefined;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/v1/alerts/stream?follow=true', headers: h.bearer('analyst') }, (res) => {
        opened();
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          if (body.includes('pax-3')) {
            req.destroy();
            resolve(body);
          }
        });
      });
      req.on('error', (error) => {
        if (!(error as NodeJS.ErrnoException).code?.includes('ECONNRESET')) reject(error);
      });
      req.end();
    });
    // Raised elsewhere as soon as the stream is open, before the stream's first poll (every 2 s):
    // the stream starts where alerts stood when it opened, not where they stand at that poll.
    await open;
    await enrolSubjects(h.store, [{ id: 'pax-3', name: 'Viktor KARPOV', birthDate: '1971-04-02' }], { channel: 'visa', retentionDays: 90 });
    await runVetting(h.store, { since: 1 });
    const body = await received;
    expect(body).toMatch(/event: alert\.raised\nid: \d+\ndata: \{.*"subjectId":"pax-3"/);
    const streamed = (await h.records()).filter((r) => r.action === 'alert.read' && r.subjectIds?.includes('pax-3'));
    expect(streamed).toHaveLength(1);
  }, 30_000);
});
