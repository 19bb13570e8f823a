import type { Advisory, AdvisoryScope, AdvisoryStatus, AdvisoryVersion, VersionChange, VersionState } from './advisory.js';
import { advisoryStatus, issuedAt, pendingVersion, shownVersion, versionState } from './advisory-state.js';
import { canManage, canSee, canSeeRestricted, type Viewer } from './can-see.js';
import type { AdvisoryScheme } from './schemes.js';

/** An advisory as an output shows it: the version in force, with what the viewer may see. */
export interface AdvisoryView {
  id: string;
  scheme: string;
  schemeName: string;
  level: string;
  levelName: string;
  levelDescription: string;
  responseLevel?: string;
  status: AdvisoryStatus;
  /** The version shown: the published one (the latest for a draft). */
  version: number;
  title: string;
  summary: string;
  details: string;
  regions: string[];
  sectors: string[];
  ports: string[];
  routes: string[];
  channels: string[];
  governmentActions: string;
  publicActions: string;
  stayInformed: string;
  scope: AdvisoryScope;
  restriction?: string;
  /** Private advisories only. */
  addresses?: string[];
  web?: string;
  issuedAt?: string;
  /** When the version shown was published. */
  updatedAt?: string;
  expiresAt?: string;
  cancelledAt?: string;
  cancelReason?: string;
  /** Law enforcement only, and never in CAP, the feed or webhooks. */
  justification?: string;
  /** The version waiting for approval or publication; for those who manage advisories only. */
  pending?: { version: number; change: VersionChange; state: VersionState; level: string; authorId: string; createdAt: string; approvedBy?: string };
}

/** One version in an advisory's history. Who wrote and approved it is shown to managers only. */
export interface VersionView {
  version: number;
  change: VersionChange;
  state: VersionState;
  level: string;
  levelName: string;
  title: string;
  summary: string;
  expiresAt?: string;
  createdAt: string;
  publishedAt?: string;
  authorId?: string;
  approvedBy?: string;
  approvedAt?: string;
  publishedBy?: string;
}

export interface ViewOptions {
  /** Include the justification when the viewer may see it. Off for CAP, the feed and webhooks. */
  restrictedFields: boolean;
}

function levelOf(scheme: AdvisoryScheme | undefined, id: string): { name: string; description: string; responseLevel?: string } {
  const level = scheme?.levels.find((l) => l.id === id);
  return level === undefined ? { name: id, description: '' } : level;
}

/**
 * Shapes an advisory for one viewer. It does not decide whether the viewer may see the
 * advisory at all: callers ask `canSee` first (every output does).
 */
export function toAdvisoryView(advisory: Advisory, viewer: Viewer | undefined, schemes: readonly AdvisoryScheme[], now: Date, options: ViewOptions): AdvisoryView {
  const scheme = schemes.find((s) => s.id === advisory.scheme);
  const version = shownVersion(advisory);
  const { content } = version;
  const level = levelOf(scheme, content.level);
  const issued = issuedAt(advisory);
  const pending = canManage(viewer, advisory) ? pendingVersion(advisory) : undefined;
  const showPending = pending !== undefined && pending !== version;
  return {
    id: advisory.id,
    scheme: advisory.scheme,
    schemeName: scheme?.name ?? advisory.scheme,
    level: content.level,
    levelName: level.name,
    levelDescription: level.description,
    ...(level.responseLevel !== undefined ? { responseLevel: level.responseLevel } : {}),
    status: advisoryStatus(advisory, now),
    version: version.version,
    title: content.title,
    summary: content.summary,
    details: content.details,
    regions: content.regions,
    sectors: content.sectors,
    ports: content.ports,
    routes: content.routes,
    channels: content.channels,
    governmentActions: content.governmentActions,
    publicActions: content.publicActions,
    stayInformed: content.stayInformed,
    scope: content.scope,
    ...(content.restriction !== undefined ? { restriction: content.restriction } : {}),
    ...(content.scope === 'private' ? { addresses: content.addresses } : {}),
    ...(content.web !== undefined ? { web: content.web } : {}),
    ...(issued !== undefined ? { issuedAt: issued } : {}),
    ...(version.publishedAt !== undefined ? { updatedAt: version.publishedAt } : {}),
    ...(content.expiresAt !== undefined ? { expiresAt: content.expiresAt } : {}),
    ...(advisory.cancelledAt !== undefined ? { cancelledAt: advisory.cancelledAt } : {}),
    ...(advisory.cancelReason !== undefined ? { cancelReason: advisory.cancelReason } : {}),
    ...(options.restrictedFields && canSeeRestricted(viewer) && content.justification !== '' ? { justification: content.justification } : {}),
    ...(showPending
      ? {
          pending: {
            version: pending.version,
            change: pending.change,
            state: versionState(advisory, pending),
            level: pending.content.level,
            authorId: pending.authorId,
            createdAt: pending.createdAt,
            ...(pending.approvedBy !== undefined ? { approvedBy: pending.approvedBy } : {}),
          },
        }
      : {}),
  };
}

function toVersionView(advisory: Advisory, version: AdvisoryVersion, scheme: AdvisoryScheme | undefined, manager: boolean): VersionView {
  const { content } = version;
  return {
    version: version.version,
    change: version.change,
    state: versionState(advisory, version),
    level: content.level,
    levelName: levelOf(scheme, content.level).name,
    title: content.title,
    summary: content.summary,
    ...(content.expiresAt !== undefined ? { expiresAt: content.expiresAt } : {}),
    createdAt: version.createdAt,
    ...(version.publishedAt !== undefined ? { publishedAt: version.publishedAt } : {}),
    ...(manager
      ? {
          authorId: version.authorId,
          ...(version.approvedBy !== undefined ? { approvedBy: version.approvedBy } : {}),
          ...(version.approvedAt !== undefined ? { approvedAt: version.approvedAt } : {}),
          ...(version.publishedBy !== undefined ? { publishedBy: version.publishedBy } : {}),
        }
      : {}),
  };
}

/**
 * The versions the viewer may see, oldest first: managers see every version, others the
 * published ones whose own scope admits them (a version once restricted stays so).
 */
export function toHistory(advisory: Advisory, viewer: Viewer | undefined, schemes: readonly AdvisoryScheme[]): VersionView[] {
  const scheme = schemes.find((s) => s.id === advisory.scheme);
  const manager = canManage(viewer, advisory);
  return advisory.versions
    .filter((v) => (manager ? true : v.publishedAt !== undefined && canSee(viewer, advisory, v)))
    .map((v) => toVersionView(advisory, v, scheme, manager));
}
