import type { Decision, Explanation, Subject } from './types.js';

/** Case shapes of /v1/cases and /v1/suppressions (src/cases on the server). */
export type Outcome = 'true_match' | 'false_positive' | 'inconclusive';
export const OUTCOMES: Outcome[] = ['true_match', 'false_positive', 'inconclusive'];
export const OUTCOME_LABEL: Record<Outcome, string> = { true_match: 'True match', false_positive: 'False positive', inconclusive: 'Inconclusive' };

export type Priority = 'critical' | 'high' | 'medium' | 'low';
export const PRIORITIES: Priority[] = ['critical', 'high', 'medium', 'low'];
export type CaseStatus = 'open' | 'decided' | 'closed';
export type HitState = 'undecided' | 'proposed' | 'final' | 'suppressed';

export interface ReasonCode {
  code: string;
  outcomes: Outcome[];
  description: string;
  noteRequired?: boolean;
}

export interface HitSuppression {
  decisionId: string;
  suppressionId: string;
  since: string;
  reason: string;
  via: 'fingerprint' | 'redress_number';
  redressNumber?: string;
}

export interface DecisionView {
  id: string;
  caseId: string;
  entityId: string;
  seq: number;
  outcome: Outcome;
  reasonCode: string;
  note?: string;
  decidedBy: string;
  decidedAt: string;
  supersedes?: string;
  supersededBy?: string;
  state: 'proposed' | 'confirmed' | 'final' | 'superseded';
  needsConfirmation: boolean;
  confirmedBy?: string;
  confirmedAt?: string;
  confirmationNote?: string;
  suppressionExpiresAt?: string;
}

export interface CaseHitView {
  entityId: string;
  caption: string;
  matchedName: string;
  score: number;
  explanation: Explanation | Record<string, unknown>;
  contentHash?: string;
  listVersion?: number;
  suppressed?: HitSuppression;
  state: HitState;
  outcome?: Outcome;
  decision?: DecisionView;
  history: DecisionView[];
}

export type ScreenedSubject = Subject & { redressNumber?: string };

export interface CaseSummary {
  id: string;
  orgId: string;
  source: 'screening' | 'alert';
  alertId?: string;
  status: CaseStatus;
  decision: Exclude<Decision, 'clear'>;
  outcome?: Outcome;
  priority: Priority;
  owner?: string;
  openedAt: string;
  openedBy: string;
  ageSeconds: number;
  decidedAt?: string;
  closedAt?: string;
  subject: ScreenedSubject;
  channel?: string;
  port?: string;
  hitCount: number;
  topScore: number;
  awaitingConfirmation: number;
}

export interface CaseEventView {
  kind: string;
  actorId: string;
  at: string;
  details: Record<string, unknown>;
}

export interface CaseDetail extends CaseSummary {
  posture?: Record<string, unknown>;
  listVersions: Record<string, number>;
  hits: CaseHitView[];
  events: CaseEventView[];
  redress: { presented?: string; issued?: string };
  closedBy?: string;
  closeNote?: string;
}

export interface CasePage {
  cases: CaseSummary[];
  total: number;
  limit: number;
  offset: number;
}

export interface CaseStats {
  byStatus: Record<CaseStatus, number>;
  openByPriority: Record<Priority, number>;
  ageing: Array<{ bucket: string; count: number }>;
  awaitingConfirmation: number;
  unassigned: number;
  decidedToday: number;
  decisionsToday: number;
}

export interface DecisionResult {
  decision: DecisionView;
  case: CaseDetail;
  redressNumberIssued?: string;
}

export type SuppressionStatus = 'active' | 'expired' | 'revoked' | 'superseded' | 'lapsed';

export interface SuppressionView {
  id: string;
  entityId: string;
  caseId: string;
  decisionId: string;
  subjectId: string;
  orgId: string;
  reasonCode: string;
  redressNumber?: string;
  createdAt: string;
  createdBy: string;
  expiresAt?: string;
  status: SuppressionStatus;
  contentHash: string;
  currentContentHash?: string;
  endedAt?: string;
  endedBy?: string;
  endNote?: string;
}

export function isExplanation(value: unknown): value is Explanation {
  return typeof value === 'object' && value !== null && 'aligned' in value && 'subjectName' in value && 'matchedName' in value;
}

export function subjectNames(subject: Subject): string {
  return Array.isArray(subject.name) ? subject.name.join(' / ') : subject.name;
}

/** The case routes, in one place (they follow src/server/routes/cases.ts). */
export const caseUrls = {
  list: '/v1/cases',
  stats: '/v1/cases/stats',
  reasonCodes: '/v1/cases/reason-codes',
  one: (id: string) => `/v1/cases/${encodeURIComponent(id)}`,
  decide: (id: string, entityId: string) => `/v1/cases/${encodeURIComponent(id)}/hits/${encodeURIComponent(entityId)}/decisions`,
  confirm: (id: string, entityId: string, decisionId: string) =>
    `/v1/cases/${encodeURIComponent(id)}/hits/${encodeURIComponent(entityId)}/decisions/${encodeURIComponent(decisionId)}/confirm`,
  assign: (id: string) => `/v1/cases/${encodeURIComponent(id)}/assign`,
  close: (id: string) => `/v1/cases/${encodeURIComponent(id)}/close`,
  suppressions: '/v1/suppressions',
  revoke: (id: string) => `/v1/suppressions/${encodeURIComponent(id)}/revoke`,
};
