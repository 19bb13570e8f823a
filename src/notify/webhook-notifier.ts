import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { VigilError } from '../domain/index.js';
import type { Database, Store } from '../store/index.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff.js';
import type { NotifyTables, WebhookDeliveriesTable, WebhookSubscriptionsTable } from './notify-tables.js';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from './signature.js';
import type {
  DeliveryAttempt,
  DeliveryStatus,
  DrainResult,
  NewWebhookSubscription,
  NotifyEvent,
  NotifyLogger,
  WebhookAudience,
  WebhookDelivery,
  WebhookNotifier,
  WebhookNotifierOptions,
  WebhookSubscription,
} from './webhook-types.js';

const DUE_BATCH = 50;
const MAX_ERROR_LENGTH = 500;

function parseList(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function toSubscription(row: Selectable<WebhookSubscriptionsTable>): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    eventTypes: parseList(row.event_types),
    ...(row.org_id !== null ? { orgId: row.org_id } : {}),
    roles: parseList(row.roles),
    ...(row.description !== null ? { description: row.description } : {}),
    ...(row.created_by !== null ? { createdBy: row.created_by } : {}),
    createdAt: row.created_at,
    ...(row.disabled_at !== null ? { disabledAt: row.disabled_at } : {}),
  };
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    ...(row.last_attempt_at !== null ? { lastAttemptAt: row.last_attempt_at } : {}),
    ...(row.last_status !== null ? { lastStatus: row.last_status } : {}),
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    createdAt: row.created_at,
    ...(row.delivered_at !== null ? { deliveredAt: row.delivered_at } : {}),
  };
}

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new VigilError('INVALID_INPUT', `webhook url "${url}" is not a URL`, { field: 'url' }, { cause: error });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new VigilError('INVALID_INPUT', `webhook url must be http: or https:, not ${parsed.protocol}`, { field: 'url' });
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`.slice(0, MAX_ERROR_LENGTH);
  }
  return String(error).slice(0, MAX_ERROR_LENGTH);
}

class SqlWebhookNotifier implements WebhookNotifier {
  private readonly db: Kysely<Database & NotifyTables>;
  private readonly now: () => Date;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly deliverOnNotify: boolean;
  private readonly send: typeof fetch;
  private readonly logger: NotifyLogger | undefined;
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private drainAgain = false;

  constructor(store: Pick<Store, 'db'>, options: WebhookNotifierOptions) {
    this.db = store.db.withTables<NotifyTables>();
    this.now = options.now ?? (() => new Date());
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.pollMs = options.pollMs ?? 5_000;
    this.deliverOnNotify = options.deliverOnNotify ?? true;
    this.send = options.fetch ?? fetch;
    this.logger = options.logger;
  }

  async subscribe(input: NewWebhookSubscription): Promise<{ subscription: WebhookSubscription; secret: string }> {
    checkUrl(input.url);
    const eventTypes = [...new Set(input.eventTypes.map((t) => t.trim()).filter((t) => t !== ''))];
    if (eventTypes.length === 0) throw new VigilError('INVALID_INPUT', 'a webhook subscription needs at least one event type', { field: 'eventTypes' });
    const secret = input.secret ?? `whsec_${randomBytes(32).toString('hex')}`;
    if (secret.length < 16) throw new VigilError('INVALID_INPUT', 'a webhook secret has at least 16 characters', { field: 'secret' });
    const row = {
      id: `whk-${randomUUID()}`,
      url: input.url,
      secret,
      event_types: JSON.stringify(eventTypes),
      org_id: input.orgId ?? null,
      roles: JSON.stringify(input.roles ?? []),
      description: input.description ?? null,
      created_by: input.createdBy ?? null,
      created_at: this.now().toISOString(),
      disabled_at: null,
    };
    await this.db.insertInto('webhook_subscriptions').values(row).execute();
    return { subscription: toSubscription(row), secret };
  }

  async listSubscriptions(): Promise<WebhookSubscription[]> {
    const rows = await this.db.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toSubscription);
  }

  async getSubscription(id: string): Promise<WebhookSubscription> {
    return toSubscription(await this.subscriptionRow(id));
  }

  async unsubscribe(id: string): Promise<void> {
    await this.subscriptionRow(id);
    await this.db.updateTable('webhook_subscriptions').set({ disabled_at: this.now().toISOString() }).where('id', '=', id).where('disabled_at', 'is', null).execute();
  }

  async notify(event: NotifyEvent, audience?: WebhookAudience): Promise<number> {
    const rows = await this.db.selectFrom('webhook_subscriptions').selectAll().where('disabled_at', 'is', null).orderBy('id').execute();
    const receivers = rows
      .map(toSubscription)
      .filter((s) => s.eventTypes.includes('*') || s.eventTypes.includes(event.type))
      .filter((s) => audience === undefined || audience(s));
    if (receivers.length === 0) return 0;
    const at = this.now().toISOString();
    const body = JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt ?? at, data: event.data });
    const values = receivers.map((s) => ({
      id: `dlv-${randomUUID()}`,
      subscription_id: s.id,
      event_id: event.id,
      event_type: event.type,
      body,
      status: 'pending' as const,
      attempts: 0,
      next_attempt_at: at,
      claimed_at: null,
      last_attempt_at: null,
      last_status: null,
      last_error: null,
      created_at: at,
      delivered_at: null,
    }));
    const result = await this.db
      .insertInto('webhook_deliveries')
      .values(values)
      .onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing())
      .executeTakeFirst();
    const added = Number(result.numInsertedOrUpdatedRows ?? 0n);
    if (added > 0 && this.deliverOnNotify) this.kick();
    return added;
  }

  async deliverDue(): Promise<DrainResult> {
    const result: DrainResult = { delivered: 0, retrying: 0, dead: 0 };
    const now = this.now();
    await this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', claimed_at: null })
      .where('status', '=', 'sending')
      .where('claimed_at', '<', new Date(now.getTime() - this.leaseMs).toISOString())
      .execute();
    const due = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now.toISOString())
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(DUE_BATCH)
      .execute();
    for (const row of due) {
      const outcome = await this.attemptClaimed(row);
      if (outcome !== undefined) result[outcome] += 1;
    }
    return result;
  }

  async listDeliveries(filter: { status?: DeliveryStatus; subscriptionId?: string } = {}): Promise<WebhookDelivery[]> {
    let query = this.db.selectFrom('webhook_deliveries').selectAll();
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.subscriptionId !== undefined) query = query.where('subscription_id', '=', filter.subscriptionId);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toDelivery);
  }

  deadLetters(): Promise<WebhookDelivery[]> {
    return this.listDeliveries({ status: 'dead' });
  }

  async redeliver(deliveryId: string): Promise<void> {
    const row = await this.db.selectFrom('webhook_deliveries').select(['status']).where('id', '=', deliveryId).executeTakeFirst();
    if (row === undefined) throw new VigilError('STORE_NOT_FOUND', `no webhook delivery ${deliveryId}`, { record: deliveryId });
    if (row.status !== 'dead') throw new VigilError('CONFLICT', `webhook delivery ${deliveryId} is ${row.status}, not dead`, { record: deliveryId });
    await this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', attempts: 0, next_attempt_at: this.now().toISOString(), claimed_at: null })
      .where('id', '=', deliveryId)
      .where('status', '=', 'dead')
      .execute();
    if (this.deliverOnNotify) this.kick();
  }

  async testDelivery(subscriptionId: string): Promise<DeliveryAttempt> {
    const subscription = await this.subscriptionRow(subscriptionId);
    const at = this.now().toISOString();
    const id = `test-${randomUUID()}`;
    const body = JSON.stringify({ id, type: 'webhook.test', occurredAt: at, data: { subscriptionId } });
    return this.post(subscription, { id, eventType: 'webhook.test', body });
  }

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.kick(), this.pollMs);
    // Polling must not keep a finished CLI command or test process alive.
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.drainAgain = false;
    await this.draining;
  }

  /** Runs `deliverDue` in the background, once at a time; a kick during a run asks for one more. */
  private kick(): void {
    if (this.draining !== undefined) {
      this.drainAgain = true;
      return;
    }
    this.draining = (async () => {
      do {
        this.drainAgain = false;
        try {
          await this.deliverDue();
        } catch (error) {
          this.report(error);
        }
      } while (this.drainAgain);
    })().finally(() => {
      this.draining = undefined;
    });
  }

  private report(error: unknown): void {
    if (this.logger !== undefined) this.logger.error({ err: error }, 'webhook deliveries failed');
    else process.emitWarning(`vigil notify: webhook deliveries failed: ${describeFailure(error)}`);
  }

  private async subscriptionRow(id: string): Promise<Selectable<WebhookSubscriptionsTable>> {
    const row = await this.db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw new VigilError('STORE_NOT_FOUND', `no webhook subscription ${id}`, { record: id });
    return row;
  }

  /** Claims one due delivery (another process may have taken it), sends it and records how it went. */
  private async attemptClaimed(row: Selectable<WebhookDeliveriesTable>): Promise<keyof DrainResult | undefined> {
    const claimedAt = this.now().toISOString();
    const claim = await this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'sending', claimed_at: claimedAt })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (claim.numUpdatedRows !== 1n) return undefined;
    const subscription = await this.db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', row.subscription_id).executeTakeFirst();
    const attempts = row.attempts + 1;
    const attempt: DeliveryAttempt =
      subscription === undefined || subscription.disabled_at !== null
        ? { ok: false, error: 'the subscription is disabled', durationMs: 0 }
        : await this.post(subscription, { id: row.id, eventType: row.event_type, body: row.body });
    const finishedAt = this.now();
    const common = {
      attempts,
      claimed_at: null,
      last_attempt_at: finishedAt.toISOString(),
      last_status: attempt.status ?? null,
      last_error: attempt.error ?? null,
    };
    let outcome: keyof DrainResult;
    if (attempt.ok) {
      outcome = 'delivered';
      await this.db.updateTable('webhook_deliveries').set({ ...common, status: 'delivered', delivered_at: finishedAt.toISOString() }).where('id', '=', row.id).execute();
    } else if (attempts >= this.retry.maxAttempts || subscription === undefined || subscription.disabled_at !== null) {
      outcome = 'dead';
      await this.db.updateTable('webhook_deliveries').set({ ...common, status: 'dead' }).where('id', '=', row.id).execute();
      this.logger?.warn({ delivery: row.id, subscription: row.subscription_id, attempts, error: attempt.error }, 'webhook delivery dead-lettered');
    } else {
      outcome = 'retrying';
      const next = new Date(finishedAt.getTime() + backoffDelay(this.retry, attempts)).toISOString();
      await this.db.updateTable('webhook_deliveries').set({ ...common, status: 'pending', next_attempt_at: next }).where('id', '=', row.id).execute();
    }
    return outcome;
  }

  private async post(subscription: Selectable<WebhookSubscriptionsTable>, delivery: { id: string; eventType: string; body: string }): Promise<DeliveryAttempt> {
    const started = performance.now();
    try {
      const response = await this.send(subscription.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'vigil-webhooks',
          [SIGNATURE_HEADER]: signBody(subscription.secret, delivery.body),
          [TIMESTAMP_HEADER]: String(Math.floor(this.now().getTime() / 1000)),
          [EVENT_HEADER]: delivery.eventType,
          [DELIVERY_HEADER]: delivery.id,
        },
        body: delivery.body,
        // A redirect would send the signed body somewhere the subscriber did not name.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      // The answer's body is not used; reading it frees the connection for reuse.
      await response.arrayBuffer();
      const durationMs = Math.round(performance.now() - started);
      if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, durationMs };
      return { ok: false, status: response.status, error: `HTTP ${response.status}`, durationMs };
    } catch (error) {
      return { ok: false, error: describeFailure(error), durationMs: Math.round(performance.now() - started) };
    }
  }
}

/** The notifier over the store's webhook tables (migration 0004-advisories). */
export function createWebhookNotifier(store: Pick<Store, 'db'>, options: WebhookNotifierOptions = {}): WebhookNotifier {
  return new SqlWebhookNotifier(store, options);
}
