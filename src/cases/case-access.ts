import type { CaseActor } from './case-types.js';

/** Who works cases: they see and decide their own organisation's; admins see every organisation's. Partners see none. */
export const CASE_STAFF = ['officer', 'analyst', 'supervisor', 'admin'] as const;
/** Who confirms a true match proposed by someone else (four-eyes). */
export const CONFIRMERS = ['supervisor'] as const;
/** Who assigns cases to others and revokes suppressions. */
export const CASE_MANAGERS = ['supervisor', 'admin'] as const;

function hasAny(actor: CaseActor, roles: readonly string[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

export function worksCases(actor: CaseActor): boolean {
  return hasAny(actor, CASE_STAFF);
}

export function seesEveryOrganisation(actor: CaseActor): boolean {
  return actor.roles.includes('admin');
}

/** The one visibility rule: staff of the case's organisation, or an admin. */
export function canSeeCase(actor: CaseActor, orgId: string): boolean {
  return worksCases(actor) && (seesEveryOrganisation(actor) || actor.orgId === orgId);
}

export function canConfirm(actor: CaseActor): boolean {
  return hasAny(actor, CONFIRMERS);
}

export function managesCases(actor: CaseActor): boolean {
  return hasAny(actor, CASE_MANAGERS);
}
