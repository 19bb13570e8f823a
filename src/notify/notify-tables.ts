/**
 * The tables the notifier owns (migration 0004-advisories), seen through
 * `store.db.withTables<NotifyTables>()`. Times are ISO-8601 UTC text, lists are JSON text.
 */
export type NotifyTables = {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
};

export interface WebhookSubscriptionsTable {
  id: string;
  url: string;
  /** The HMAC key deliveries are signed with. */
  secret: string;
  /** JSON array of event types, `*` for every type. */
  event_types: string;
  /** The organisation the subscription delivers to; audiences are decided from it and `roles`. */
  org_id: string | null;
  /** JSON array of the roles the receiving organisation holds for need-to-know decisions. */
  roles: string;
  description: string | null;
  created_by: string | null;
  created_at: string;
  disabled_at: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  /** The event's own id: one delivery per event and subscription. */
  event_id: string;
  event_type: string;
  /** The exact bytes sent and signed, kept so every retry sends the same body. */
  body: string;
  status: 'pending' | 'sending' | 'delivered' | 'dead';
  attempts: number;
  next_attempt_at: string;
  /** When a process took it for sending; a claim older than the lease is taken back. */
  claimed_at: string | null;
  last_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}
