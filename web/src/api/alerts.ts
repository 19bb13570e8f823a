import type { Explanation } from './types.js';

/** The list change that raised an alert. */
export interface ListChange {
  source: string;
  from: number;
  to: number;
  kind: 'added' | 'changed';
  fields?: string[];
}

/**
 * A recurrent-vetting alert as /v1/alerts lists it and its event stream pushes it (the stream's
 * notices carry no explanation: that is read, and audited, on request).
 */
export interface AlertView {
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
  closedAt?: string;
  closeReason?: string;
  matchedName?: string;
  explanation?: Explanation;
  entityVersion?: number;
}

export interface AlertPage {
  alerts: AlertView[];
  total?: number;
}

export const alertUrls = {
  /** Oldest first; `since` (ISO time), `after` (a seq), `limit` up to 1000. */
  list: '/v1/alerts',
  /** `follow=true`: stays open and sends each new alert; `Last-Event-ID` (a seq) replays what followed it. */
  stream: '/v1/alerts/stream?follow=true',
};

/** Event types the stream sends (`id` is the alert's seq). */
export const ALERT_EVENTS = ['alert.raised', 'alert.closed'] as const;

export function todayStartIso(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
}

export function changeText(change: ListChange): string {
  const what = change.kind === 'added' ? 'added' : `changed${change.fields !== undefined && change.fields.length > 0 ? ` (${change.fields.join(', ')})` : ''}`;
  // From version 0: the traveller's first vetting against the list as it stands.
  return change.from === 0 ? `${what} · ${change.source} v${change.to}` : `${what} in ${change.source} v${change.from} → v${change.to}`;
}
