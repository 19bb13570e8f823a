import type { CaseService } from './case-service.js';
import type { AlertCaseInput, AlertCaseOutcome } from './case-types.js';

/**
 * Opens a case for a recurrent-vetting alert, from plain data so that vetting and cases do not
 * depend on each other's types. Idempotent per `alertId`; an alert on a hit that a redress
 * suppression covers (same person, unchanged entity) opens nothing and says so.
 *
 * @example
 * const outcome = await openCaseFromAlert(cases, { alertId: alert.id, orgId, subject, entityId, score, explanation });
 * if (outcome.status === 'opened') logger.info({ caseId: outcome.caseId }, 'case opened');
 */
export function openCaseFromAlert(cases: Pick<CaseService, 'openFromAlert'>, alert: AlertCaseInput): Promise<AlertCaseOutcome> {
  return cases.openFromAlert(alert);
}
