/**
 * Adjudication: every screening or vetting alert that is not clear opens a case; people decide
 * each hit (true match, false positive, inconclusive, with a documented reason code); a true
 * match needs a second person with the supervisor role; a false positive suppresses the hit for
 * the same person while the listed entity is unchanged, and gives the traveller a redress
 * number. See README.md here for the model and the reason codes.
 *
 * - `createCaseService(store, { audit })`: the service the HTTP routes and the CLI call.
 * - `cases.review({ actor, context, items })`: redress, then cases opened and audited.
 * - `cases.prepareReview(...)`: the same up to the writes, which a server's write thread commits
 *   with the screening's enrolment and record (`writeCaseWithin`; `withCaseIds` for the results).
 * - `applySuppressions(store, subject, result)`: redress alone, for any screening path.
 * - `openCaseFromAlert(cases, alert)`: for recurrent vetting, from plain alert data.
 */
export { createCaseService } from './case-service.js';
export type { CaseWrites } from './case-openings.js';
export { openingRecord, withCaseIds } from './screening-review.js';
export type { CaseOpening, PreparedReview } from './screening-review.js';
export { writeCaseWithin } from './open-case.js';
export type { OpenedCase, PreparedCase } from './open-case.js';
export type { CaseService, CaseServiceOptions } from './case-service.js';
export { applySuppressions, applySuppressionsMany } from './apply-suppressions.js';
export type { SuppressionOptions } from './apply-suppressions.js';
export { openCaseFromAlert } from './open-case-from-alert.js';
export { decideFromHits } from './decide-from-hits.js';
export type { Thresholds } from './decide-from-hits.js';
export {
  AssignInput,
  CaseFilter,
  CloseInput,
  ConfirmInput,
  DecisionInput,
  RevokeInput,
  ScreenedSubject,
  SuppressionFilter,
} from './case-inputs.js';
export { HitSuppressionSchema } from './hit-suppression-schema.js';
export { RedressNumber, normaliseRedressNumber } from './redress-number.js';
export { subjectFingerprint, subjectIdentity } from './subject-fingerprint.js';
export type { SubjectIdentity } from './subject-fingerprint.js';
export { OUTCOMES, REASON_CODES } from './reason-codes.js';
export type { Outcome, ReasonCode } from './reason-codes.js';
export { PRIORITIES, derivePriority } from './priority.js';
export type { Priority } from './priority.js';
export { CASE_MANAGERS, CASE_STAFF, CONFIRMERS } from './case-access.js';
export type {
  AlertCaseInput,
  AlertCaseOutcome,
  CaseActor,
  CaseDetail,
  CaseEventView,
  CaseHitView,
  CasePage,
  CaseSource,
  CaseStats,
  CaseStatus,
  CaseSummary,
  DecisionResult,
  DecisionView,
  HitState,
  HitSuppression,
  MarkedHit,
  ReviewedResult,
  ReviewInput,
  SuppressedResult,
  SuppressionPage,
  SuppressionStatus,
  SuppressionView,
} from './case-types.js';
export type { CaseTables } from './case-tables.js';
