import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdvisoryService } from '../../src/advisories/index.js';
import { createAuditLog } from '../../src/audit/index.js';
import { createWebhookNotifier, verifySignature, type WebhookNotifier } from '../../src/notify/index.js';
import { openTestStore, type TestStore } from '../helpers/test-store.js';
import { approver, author, ntas, START, TestClock } from './advisory-fixtures.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 answering with the statuses queued, then 200. */
class Receiver {
  readonly received: Received[] = [];
  statuses: number[] = [];
  hang = false;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (this.hang) return;
        response.statusCode = this.statuses.shift() ?? 200;
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

describe('webhook notifier', () => {
  let store: TestStore;
  let clock: TestClock;
  let receiver: Receiver;
  let url: string;
  let notifier: WebhookNotifier;

  beforeEach(async () => {
    store = await openTestStore();
    clock = new TestClock(START);
    receiver = new Receiver();
    url = await receiver.start();
    notifier = createWebhookNotifier(store, { now: clock.now, deliverOnNotify: false, retry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000 }, timeoutMs: 2000 });
  });
  afterEach(async () => {
    await notifier.stop();
    await receiver.stop();
    await store.close();
  });

  it('signs each delivery with HMAC-SHA256 over the raw body, with a timestamp', async () => {
    const { subscription, secret } = await notifier.subscribe({ url, eventTypes: ['advisory.published'] });
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(await notifier.notify({ id: 'evt-1', type: 'advisory.published', data: { title: 'Ünïcode & <xml>' } })).toBe(1);
    expect(await notifier.notify({ id: 'evt-2', type: 'advisory.cancelled', data: {} })).toBe(0);
    expect(await notifier.deliverDue()).toEqual({ delivered: 1, retrying: 0, dead: 0 });

    const [got] = receiver.received;
    expect(verifySignature(secret, got?.body ?? '', got?.headers['x-vigil-signature'] as string)).toBe(true);
    expect(verifySignature('whsec_wrong-secret-000', got?.body ?? '', got?.headers['x-vigil-signature'] as string)).toBe(false);
    expect(got?.headers['x-vigil-timestamp']).toBe(String(Date.parse(START) / 1000));
    expect(got?.headers['x-vigil-event']).toBe('advisory.published');
    expect(JSON.parse(got?.body ?? '')).toEqual({ id: 'evt-1', type: 'advisory.published', occurredAt: START, data: { title: 'Ünïcode & <xml>' } });
    expect(await notifier.listDeliveries({ subscriptionId: subscription.id })).toEqual([expect.objectContaining({ status: 'delivered', attempts: 1, lastStatus: 200 })]);
    // Announcing the same event again makes no second delivery.
    expect(await notifier.notify({ id: 'evt-1', type: 'advisory.published', data: {} })).toBe(0);
  });

  it('retries with exponential backoff, sending the same signed body each time', async () => {
    const { secret } = await notifier.subscribe({ url, eventTypes: ['*'] });
    receiver.statuses = [503, 500];
    await notifier.notify({ id: 'evt-1', type: 'x', data: { n: 1 } });
    expect(await notifier.deliverDue()).toEqual({ delivered: 0, retrying: 1, dead: 0 });
    expect((await notifier.listDeliveries())[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 503, nextAttemptAt: new Date(Date.parse(START) + 1000).toISOString() });
    expect(await notifier.deliverDue()).toEqual({ delivered: 0, retrying: 0, dead: 0 });

    clock.advance(1000);
    expect(await notifier.deliverDue()).toEqual({ delivered: 0, retrying: 1, dead: 0 });
    clock.advance(1999);
    expect(await notifier.deliverDue()).toEqual({ delivered: 0, retrying: 0, dead: 0 });
    clock.advance(1);
    expect(await notifier.deliverDue()).toEqual({ delivered: 1, retrying: 0, dead: 0 });

    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(receiver.received.every((r) => verifySignature(secret, r.body, r.headers['x-vigil-signature'] as string))).toBe(true);
  });

  it('dead-letters a delivery after the last attempt, and can send it again', async () => {
    await notifier.subscribe({ url, eventTypes: ['*'] });
    receiver.statuses = [500, 500, 500];
    await notifier.notify({ id: 'evt-1', type: 'x', data: {} });
    const results = [];
    for (let i = 0; i < 3; i += 1) {
      results.push(await notifier.deliverDue());
      clock.advance(60_000);
    }
    expect(results.map((r) => r.dead)).toEqual([0, 0, 1]);
    const [dead] = await notifier.deadLetters();
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, lastStatus: 500, lastError: 'HTTP 500' });
    expect(await notifier.deliverDue()).toEqual({ delivered: 0, retrying: 0, dead: 0 });

    await notifier.redeliver(dead?.id ?? '');
    expect(await notifier.deliverDue()).toEqual({ delivered: 1, retrying: 0, dead: 0 });
    expect(await notifier.deadLetters()).toEqual([]);
    await expect(notifier.redeliver(dead?.id ?? '')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('records why a receiver could not be reached or did not answer in time', async () => {
    const closed = new Receiver();
    const closedUrl = await closed.start();
    await closed.stop();
    await notifier.subscribe({ url: closedUrl, eventTypes: ['*'] });
    receiver.hang = true;
    await notifier.subscribe({ url, eventTypes: ['*'] });
    const quick = createWebhookNotifier(store, { now: clock.now, deliverOnNotify: false, timeoutMs: 300 });
    await quick.notify({ id: 'evt-1', type: 'x', data: {} });
    expect(await quick.deliverDue()).toEqual({ delivered: 0, retrying: 2, dead: 0 });
    const errors = (await quick.listDeliveries()).map((d) => d.lastError ?? '');
    expect(errors.some((e) => /fetch failed|ECONNREFUSED/i.test(e))).toBe(true);
    expect(errors.some((e) => /abort|timeout/i.test(e))).toBe(true);
  });

  it('sends a signed test delivery on request, outside the queue', async () => {
    const { subscription, secret } = await notifier.subscribe({ url, eventTypes: ['advisory.published'] });
    expect(await notifier.testDelivery(subscription.id)).toMatchObject({ ok: true, status: 200 });
    receiver.statuses = [410];
    expect(await notifier.testDelivery(subscription.id)).toMatchObject({ ok: false, status: 410 });
    expect(JSON.parse(receiver.received[0]?.body ?? '')).toMatchObject({ type: 'webhook.test' });
    expect(verifySignature(secret, receiver.received[0]?.body ?? '', receiver.received[0]?.headers['x-vigil-signature'] as string)).toBe(true);
    expect(await notifier.listDeliveries()).toEqual([]);
    await expect(notifier.testDelivery('whk-nope')).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });
  });

  it('stops delivering to a subscription once it is removed', async () => {
    const { subscription } = await notifier.subscribe({ url, eventTypes: ['*'] });
    await notifier.notify({ id: 'evt-1', type: 'x', data: {} });
    await notifier.unsubscribe(subscription.id);
    expect(await notifier.notify({ id: 'evt-2', type: 'x', data: {} })).toBe(0);
    expect(await notifier.deliverDue()).toEqual({ delivered: 0, retrying: 0, dead: 1 });
    expect(receiver.received).toEqual([]);
    expect((await notifier.getSubscription(subscription.id)).disabledAt).toBeDefined();
  });

  it('refuses a URL that is not http(s)', async () => {
    await expect(notifier.subscribe({ url: 'file:///etc/passwd', eventTypes: ['*'] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(notifier.subscribe({ url, eventTypes: [] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('delivers an advisory publication by itself, signed, to a subscriber allowed to see it', async () => {
    const audit = createAuditLog(store, { now: clock.now });
    const live = createWebhookNotifier(store, { now: clock.now });
    const { secret } = await live.subscribe({ url, eventTypes: ['advisory.published'], orgId: 'port-authority', roles: ['partner'] });
    const advisories = createAdvisoryService(store, { audit, notifier: live, now: clock.now });
    const draft = await advisories.create(author, ntas({ scope: 'restricted' }));
    await advisories.approve(approver, draft.id);
    await advisories.publish(author, draft.id);
    const started = Date.now();
    while (receiver.received.length === 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 10));
    await live.stop();
    await audit.close();
    const [got] = receiver.received;
    expect(verifySignature(secret, got?.body ?? '', got?.headers['x-vigil-signature'] as string)).toBe(true);
    expect(JSON.parse(got?.body ?? '')).toMatchObject({ id: `${draft.id}.v1`, type: 'advisory.published', data: { advisory: { id: draft.id, scope: 'restricted', level: 'elevated' } } });
    expect(got?.body).not.toContain('SOURCE-CONFIDENTIAL');
  });
});
