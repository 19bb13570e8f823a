import type { Advisory, AdvisoryStatus, AdvisoryVersion, VersionState } from './advisory.js';

/** The version in force (or last in force): the latest published one. */
export function publishedVersion(advisory: Advisory): AdvisoryVersion | undefined {
  for (let i = advisory.versions.length - 1; i >= 0; i -= 1) {
    const version = advisory.versions[i];
    if (version?.publishedAt !== undefined) return version;
  }
  return undefined;
}

export function latestVersion(advisory: Advisory): AdvisoryVersion {
  const latest = advisory.versions[advisory.versions.length - 1];
  if (latest === undefined) throw new Error(`advisory ${advisory.id} has no version`);
  return latest;
}

/** The version waiting for approval or publication, when the latest is not published. */
export function pendingVersion(advisory: Advisory): AdvisoryVersion | undefined {
  if (advisory.cancelledAt !== undefined) return undefined;
  const latest = latestVersion(advisory);
  return latest.publishedAt === undefined ? latest : undefined;
}

/** The version others see: the published one, else (for a draft) the latest. */
export function shownVersion(advisory: Advisory): AdvisoryVersion {
  return publishedVersion(advisory) ?? latestVersion(advisory);
}

/** When it was first published. */
export function issuedAt(advisory: Advisory): string | undefined {
  return advisory.versions.find((v) => v.publishedAt !== undefined)?.publishedAt;
}

export function advisoryStatus(advisory: Advisory, now: Date): AdvisoryStatus {
  if (advisory.cancelledAt !== undefined) return 'cancelled';
  const published = publishedVersion(advisory);
  if (published === undefined) return latestVersion(advisory).approvedAt !== undefined ? 'approved' : 'draft';
  const expires = published.content.expiresAt;
  return expires !== undefined && Date.parse(expires) <= now.getTime() ? 'expired' : 'published';
}

/** When it stopped being in force, if it has. */
export function endedAt(advisory: Advisory, now: Date): string | undefined {
  if (advisory.cancelledAt !== undefined) return advisory.cancelledAt;
  const expires = publishedVersion(advisory)?.content.expiresAt;
  return expires !== undefined && Date.parse(expires) <= now.getTime() ? expires : undefined;
}

export function versionState(advisory: Advisory, version: AdvisoryVersion): VersionState {
  const published = publishedVersion(advisory);
  if (version.publishedAt !== undefined) return version === published ? 'published' : 'replaced';
  const latest = latestVersion(advisory);
  if (version !== latest || advisory.cancelledAt !== undefined) return 'superseded';
  return version.approvedAt !== undefined ? 'approved' : 'draft';
}

/** Every published version, oldest first. */
export function publishedVersions(advisory: Advisory): AdvisoryVersion[] {
  return advisory.versions.filter((v) => v.publishedAt !== undefined);
}
