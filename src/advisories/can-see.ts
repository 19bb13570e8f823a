import type { Advisory, AdvisoryVersion } from './advisory.js';
import { shownVersion } from './advisory-state.js';

/**
 * Whoever looks: a signed-in user or API key (src/sharing's Principal fits), or a webhook
 * subscription standing for its organisation. Undefined is the public.
 */
export interface Viewer {
  kind: string;
  id: string;
  orgId?: string;
  roles: readonly string[];
}

/** Law enforcement: the roles that see restricted advisories and justifications. */
const LAW_ENFORCEMENT = ['officer', 'analyst', 'supervisor', 'admin'];
/** Restricted advisories go to law enforcement and partners. */
const RESTRICTED_AUDIENCE = [...LAW_ENFORCEMENT, 'partner'];
/** Who writes, approves, publishes and cancels advisories. */
const MANAGERS = ['supervisor', 'admin'];

function hasAny(viewer: Viewer | undefined, roles: readonly string[]): boolean {
  return viewer !== undefined && viewer.roles.some((r) => roles.includes(r));
}

function ofIssuer(viewer: Viewer, advisory: Advisory): boolean {
  return advisory.issuerOrgId === undefined || viewer.orgId === advisory.issuerOrgId;
}

/** May write, approve, publish, update and cancel this advisory (or, without one, create). */
export function canManage(viewer: Viewer | undefined, advisory?: Advisory): boolean {
  if (viewer === undefined || !hasAny(viewer, MANAGERS)) return false;
  return advisory === undefined || ofIssuer(viewer, advisory);
}

/** Is law enforcement: may see restricted fields (the justification) of what they may see. */
export function canSeeRestricted(viewer: Viewer | undefined): boolean {
  return hasAny(viewer, LAW_ENFORCEMENT);
}

/**
 * The one scope decision every output goes through: the page, JSON, the feed, CAP, webhooks
 * and server-sent events. Drafts are seen only by those who manage advisories of the issuing
 * organisation; published ones by their scope: public by anyone, restricted by law enforcement
 * and partners, private by the organisations named (and the issuer's managers).
 *
 * @param version the version in question; the one others see when omitted.
 */
export function canSee(viewer: Viewer | undefined, advisory: Advisory, version: AdvisoryVersion = shownVersion(advisory)): boolean {
  if (version.publishedAt === undefined) return canManage(viewer, advisory);
  switch (version.content.scope) {
    case 'public':
      return true;
    case 'restricted':
      return hasAny(viewer, RESTRICTED_AUDIENCE);
    case 'private':
      if (viewer === undefined) return false;
      if (viewer.orgId !== undefined && version.content.addresses.includes(viewer.orgId)) return true;
      // The issuer's managers keep it in hand; its other staff see it only if it names the issuer.
      return canManage(viewer, advisory);
  }
}
