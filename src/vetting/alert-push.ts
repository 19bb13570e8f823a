import { sql } from 'kysely';
import type { AuditLog } from '../audit/index.js';
import type { WebhookNotifier, WebhookSubscription } from '../notify/index.js';
import type { Store } from '../store/index.js';
import { toAlert, type Alert, type ListChange } from './alerts.js';
import { inList } from './bulk-rows.js';
import { vettingDb } from './vetting-tables.js';

/** Roles that may receive alerts (need-to-know): the same that may read them. */
export const ALERT_ROLES = ['analyst', 'supervisor', 'admin'] as const;

/** What a pushed alert carries: enough to act on, with no explanation (that is read, and audited). */
export interface AlertNotice {
  id: string;
  seq: number;
  subjectId: string;
  entityId: string;
  caption: string;
  score: number;
  decision: 'review' | 'match';
  change: ListChange;
  status: 'open' | 'closed';
  createdAt: string;
  closeReason?: string;
}

export interface AlertEvent {
  /** `<alert id>:raised` or `<alert id>:closed`: stable, so announcing twice delivers once. */
  id: string;
  type: 'alert.raised' | 'alert.closed';
  data: AlertNotice;
}

/**
 * Where alerts go when raised or closed: signed webhooks through src/notify (queued in the
 * database, retried, dead-lettered) and any in-process listener such as the server's SSE hub.
 */
export interface AlertPush {
  notifier?: WebhookNotifier;
  publish?: (event: AlertEvent) => void;
}

export function alertNotice(alert: Alert): AlertNotice {
  const notice: AlertNotice = {
    id: alert.id,
    seq: alert.seq,
    subjectId: alert.subjectId,
    entityId: alert.entityId,
    caption: alert.caption,
    score: alert.score,
    decision: alert.decision,
    change: alert.change,
    status: alert.status,
    createdAt: alert.createdAt,
  };
  if (alert.closeReason !== undefined) notice.closeReason = alert.closeReason;
  return notice;
}

/** Webhook subscriptions of organisations holding a role that may read alerts. */
export function mayReceiveAlerts(subscription: WebhookSubscription): boolean {
  return subscription.roles.some((role) => (ALERT_ROLES as readonly string[]).includes(role));
}

export function alertEvent(alert: Alert, type: AlertEvent['type']): AlertEvent {
  return { id: `${alert.id}:${type === 'alert.raised' ? 'raised' : 'closed'}`, type, data: alertNotice(alert) };
}

async function announce(push: AlertPush, event: AlertEvent): Promise<void> {
  if (push.notifier !== undefined) await push.notifier.notify({ id: event.id, type: event.type, data: event.data }, mayReceiveAlerts);
  push.publish?.(event);
}

/** Announces closed alerts (best effort: their record is the alert itself). */
export async function pushClosed(push: AlertPush, alerts: readonly Alert[]): Promise<void> {
  for (const alert of alerts) await announce(push, alertEvent(alert, 'alert.closed'));
}

/**
 * Announces raised alerts not announced yet, oldest first, marking each once its webhooks are
 * queued. Runs after every committed batch and at the start of every run, so an alert whose
 * process died between commit and announcement is announced by the next one; webhook
 * deliveries are keyed by event id, so an alert is never delivered twice.
 */
export async function pushPending(store: Store, push: AlertPush, now: () => Date = () => new Date(), audit?: AuditLog): Promise<number> {
  if (push.notifier === undefined && push.publish === undefined) return 0;
  const db = vettingDb(store);
  let pushed = 0;
  for (;;) {
    const rows = await db.selectFrom('vetting_alerts').selectAll().where('pushed_at', 'is', null).orderBy('seq').limit(500).execute();
    if (rows.length === 0) return pushed;
    for (const row of rows) await announce(push, alertEvent(toAlert(row), 'alert.raised'));
    // Sending an alert out is a disclosure like a read: the trail says which ones left.
    await audit?.append({
      actor: { kind: 'system', id: 'vetting' },
      action: 'alert.push',
      subjectIds: [...new Set(rows.map((r) => r.subject_id))],
      entityIds: [...new Set(rows.map((r) => r.entity_id))],
      outcome: 'ok',
      details: { alerts: rows.length, webhooks: push.notifier !== undefined },
    });
    await db
      .updateTable('vetting_alerts')
      .set({ pushed_at: now().toISOString() })
      .where(inList(store.dialect, sql.ref('seq'), rows.map((r) => Number(r.seq)), 'int'))
      .execute();
    pushed += rows.length;
  }
}
