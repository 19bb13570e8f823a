import type { AuditActor } from '../audit/index.js';
import type { Decision, Hit } from '../domain/index.js';
import type { EngineScreeningResult } from '../screening/index.js';
import type { ScreenedSubject } from './case-inputs.js';
import type { Priority } from './priority.js';
import type { Outcome } from './reason-codes.js';

export type CaseStatus = 'open' | 'decided' | 'closed';
export type CaseSource = 'screening' | 'alert';
export type HitState = 'undecided' | 'proposed' | 'final' | 'suppressed';

/**
 * Whoever acts on a case: a signed-in user or API key (src/sharing's Principal fits), or Vigil
 * itself. Officers, analysts and supervisors act on their organisation's cases, admins on all.
 */
export interface CaseActor {
  kind: 'user' | 'key' | 'system';
  id: string;
  orgId?: string;
  roles: readonly string[];
}

/** Why a hit was set aside: the false-positive decision whose suppression applied. */
export interface HitSuppression {
  decisionId: string;
  suppressionId: string;
  /** When the decision was made (ISO-8601 UTC). */
  since: string;
  /** Its reason code. */
  reason: string;
  /** How the traveller was recognised: the same identifying data, or their redress number. */
  via: 'fingerprint' | 'redress_number';
  redressNumber?: string;
}

export type MarkedHit = Hit & { suppressed?: HitSuppression };

/** A screening result after redress: suppressed hits are marked and the decision is recomputed from the others. */
export type SuppressedResult = Omit<EngineScreeningResult, 'hits'> & { hits: MarkedHit[] };

/** A screening result after review: as above, with the case it opened or joined when it was not clear. */
export type ReviewedResult = SuppressedResult & { caseId?: string };

export interface DecisionView {
  id: string;
  caseId: string;
  entityId: string;
  /** 1, 2, ... per hit: the order decisions were made in. */
  seq: number;
  outcome: Outcome;
  reasonCode: string;
  note?: string;
  decidedBy: string;
  decidedAt: string;
  /** The decision this one replaced. */
  supersedes?: string;
  supersededBy?: string;
  /** `proposed`: awaiting a second person (four-eyes); `confirmed`: they did; `final`: needed nobody. */
  state: 'proposed' | 'confirmed' | 'final' | 'superseded';
  needsConfirmation: boolean;
  confirmedBy?: string;
  confirmedAt?: string;
  confirmationNote?: string;
  /** For a false positive: when its suppression ends unless revoked or superseded first. */
  suppressionExpiresAt?: string;
}

export interface CaseHitView {
  entityId: string;
  caption: string;
  matchedName: string;
  score: number;
  explanation: Record<string, unknown>;
  /** The entity's content hash as screened. */
  contentHash?: string;
  listVersion?: number;
  /** Set when a redress suppression applied at screening time: no decision is needed. */
  suppressed?: HitSuppression;
  state: HitState;
  outcome?: Outcome;
  /** The decision in force (or awaiting confirmation). */
  decision?: DecisionView;
  /** Every decision on this hit, oldest first, superseded ones included. */
  history: DecisionView[];
}

export interface CaseSummary {
  id: string;
  orgId: string;
  source: CaseSource;
  alertId?: string;
  status: CaseStatus;
  /** What screening (or the alert) said: review or match. */
  decision: Exclude<Decision, 'clear'>;
  /** What people decided, once every hit is decided: true_match if any hit is one, else inconclusive if any is, else false_positive. */
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
  /** Hits whose true-match decision awaits a supervisor's confirmation. */
  awaitingConfirmation: number;
}

export interface CaseEventView {
  kind: string;
  actorId: string;
  at: string;
  details: Record<string, unknown>;
}

export interface CaseDetail extends CaseSummary {
  /** The screening posture in force when the case opened. */
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
  /** `lapsed`: the listed entity changed since the decision, so the hit is back. */
  status: SuppressionStatus;
  contentHash: string;
  /** The entity's current content hash; undefined when it is no longer listed. */
  currentContentHash?: string;
  endedAt?: string;
  endedBy?: string;
  endNote?: string;
}

export interface SuppressionPage {
  suppressions: SuppressionView[];
  total: number;
  limit: number;
  offset: number;
}

export interface CaseStats {
  byStatus: Record<CaseStatus, number>;
  /** Open cases by priority. */
  openByPriority: Record<Priority, number>;
  /** Open cases by age. */
  ageing: Array<{ bucket: string; count: number }>;
  awaitingConfirmation: number;
  unassigned: number;
  /** Cases decided since midnight UTC. */
  decidedToday: number;
  /** Decisions made since midnight UTC. */
  decisionsToday: number;
}

export interface DecisionResult {
  decision: DecisionView;
  case: CaseDetail;
  /** The redress number given to the traveller, when this decision issued one. */
  redressNumberIssued?: string;
}

/** What a screening route passes in: who screened, where, and the subjects with their results. */
export interface ReviewInput {
  actor: AuditActor & { orgId: string };
  context?: { channel?: string | undefined; port?: string | undefined };
  items: ReadonlyArray<{ subject: ScreenedSubject; result: EngineScreeningResult }>;
}

/** A recurrent-vetting alert as plain data (src/vetting's shape is not imported). */
export interface AlertCaseInput {
  /** The alert's own id: one case per alert, however often it is delivered. */
  alertId: string;
  /** The organisation that enrolled the subject: its staff see the case. */
  orgId: string;
  subject: ScreenedSubject;
  entityId: string;
  score: number;
  explanation: Record<string, unknown>;
  /** Default: the entity's caption from the store. */
  caption?: string;
  matchedName?: string;
  /** The entity content the alert was raised on; default the current one in the store. */
  contentHash?: string;
  listVersions?: Record<string, number>;
  /** Default: from the score and the default thresholds; `clear` opens nothing. */
  decision?: Decision;
  /** Default `{ kind: 'system', id: 'vetting' }`. */
  actor?: AuditActor;
}

export type AlertCaseOutcome =
  | { status: 'opened' | 'existing'; caseId: string }
  | { status: 'suppressed'; suppressed: HitSuppression }
  | { status: 'clear' };
