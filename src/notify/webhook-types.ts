import type { RetryPolicy } from './backoff.js';

/** A webhook subscription as others may see it: never its secret. */
export interface WebhookSubscription {
  id: string;
  url: string;
  /** Event types delivered; `*` means every type. */
  eventTypes: string[];
  /** The receiving organisation; with `roles` it decides which events it may receive. */
  orgId?: string;
  roles: string[];
  description?: string;
  createdBy?: string;
  /** ISO-8601 UTC. */
  createdAt: string;
  disabledAt?: string;
}

export interface NewWebhookSubscription {
  /** http: or https: only. */
  url: string;
  eventTypes: string[];
  orgId?: string;
  roles?: string[];
  description?: string;
  createdBy?: string;
  /** Generated when omitted (and then returned once). */
  secret?: string;
}

/** Something that happened, delivered as `{ id, type, occurredAt, data }`. */
export interface NotifyEvent {
  /** Stable for the happening: announcing it twice makes no second delivery. */
  id: string;
  type: string;
  /** ISO-8601 UTC; the notifier's clock when omitted. */
  occurredAt?: string;
  data: unknown;
}

/** Decides whether a subscription may receive an event (need-to-know, scope). */
export type WebhookAudience = (subscription: WebhookSubscription) => boolean;

export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'dead';

export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastAttemptAt?: string;
  /** The HTTP status of the last attempt, when the receiver answered. */
  lastStatus?: number;
  lastError?: string;
  createdAt: string;
  deliveredAt?: string;
}

export interface DeliveryAttempt {
  ok: boolean;
  status?: number;
  error?: string;
  durationMs: number;
}

export interface DrainResult {
  delivered: number;
  /** Failed and scheduled again. */
  retrying: number;
  /** Failed for the last time and moved to the dead-letter list. */
  dead: number;
}

/** The part of a pino logger the notifier uses. */
export interface NotifyLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface WebhookNotifierOptions {
  /** The clock deliveries are scheduled and stamped with; tests pin it. */
  now?: () => Date;
  retry?: Partial<RetryPolicy>;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
  /** A delivery claimed for sending longer ago than this is taken back (its sender died). Default 2 min. */
  leaseMs?: number;
  /** How often `start()` looks for due deliveries. Default 5 s. */
  pollMs?: number;
  /** Try deliveries at once after `notify`. Default true; tests turn it off to drive `deliverDue`. */
  deliverOnNotify?: boolean;
  fetch?: typeof fetch;
  logger?: NotifyLogger;
}

/**
 * Outbound webhooks: subscriptions, signed deliveries kept in the store until they succeed,
 * retried with exponential backoff and dead-lettered after the last attempt.
 *
 * @example
 * const notifier = createWebhookNotifier(store);
 * const { subscription, secret } = await notifier.subscribe({ url: 'https://partner.example/hooks', eventTypes: ['advisory.published'] });
 * await notifier.notify({ id: 'adv-1:v1', type: 'advisory.published', data: view });
 * notifier.start(); // retries in the background until stop()
 */
export interface WebhookNotifier {
  /** INVALID_INPUT for a URL that is not http(s) or no event types. The secret is returned once. */
  subscribe(input: NewWebhookSubscription): Promise<{ subscription: WebhookSubscription; secret: string }>;
  /** Oldest first, disabled ones included. */
  listSubscriptions(): Promise<WebhookSubscription[]>;
  /** STORE_NOT_FOUND for an unknown id. */
  getSubscription(id: string): Promise<WebhookSubscription>;
  /** Disables the subscription; its pending deliveries are dead-lettered when next due. */
  unsubscribe(id: string): Promise<void>;
  /** Queues one delivery per subscription that takes the type and that the audience admits; returns how many were new. */
  notify(event: NotifyEvent, audience?: WebhookAudience): Promise<number>;
  /** Sends every delivery that is due now; one attempt each. */
  deliverDue(): Promise<DrainResult>;
  /** Newest first. */
  listDeliveries(filter?: { status?: DeliveryStatus; subscriptionId?: string }): Promise<WebhookDelivery[]>;
  /** The dead-letter list, newest first. */
  deadLetters(): Promise<WebhookDelivery[]>;
  /** Puts a dead delivery back in the queue with its attempts reset. STORE_NOT_FOUND, CONFLICT when not dead. */
  redeliver(deliveryId: string): Promise<void>;
  /** Sends a signed `webhook.test` event now, outside the queue, and says how it went. */
  testDelivery(subscriptionId: string): Promise<DeliveryAttempt>;
  /** Polls for due deliveries every `pollMs` until `stop()`. */
  start(): void;
  /** Stops polling and waits for a delivery run under way. */
  stop(): Promise<void>;
}
