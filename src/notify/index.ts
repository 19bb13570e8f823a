/**
 * Outbound notifications, for any capability that must tell the outside: signed webhooks kept
 * until delivered (retried with backoff, dead-lettered after the last attempt) and a
 * server-sent-events hub. Callers decide audiences; the notifier enforces them.
 */
export { createWebhookNotifier } from './webhook-notifier.js';
export type {
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
export { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff.js';
export { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER, verifySignature } from './signature.js';
export { formatSseEvent, SseHub, type SseAudience, type SseClient, type SseEvent } from './sse-hub.js';
export type { NotifyTables } from './notify-tables.js';
