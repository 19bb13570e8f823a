import type { Advisory, AdvisoryVersion } from './advisory.js';
import { advisoryStatus, publishedVersion } from './advisory-state.js';
import type { AdvisoryScheme, SchemeLevel } from './schemes.js';

/** The level in force for one region of one scheme, and the advisory that sets it. */
export interface CurrentLevel {
  scheme: string;
  schemeName: string;
  region: string;
  level: string;
  levelName: string;
  rank: number;
  responseLevel?: string;
  advisoryId: string;
  /** When the version that sets it was published. */
  since: string;
}

export interface CurrentState {
  /** The advisories in force, most severe first. */
  advisories: Advisory[];
  /** Per scheme and region, in scheme order then region order. */
  levels: CurrentLevel[];
}

interface Live {
  advisory: Advisory;
  version: AdvisoryVersion & { publishedAt: string };
  level: SchemeLevel;
}

function live(advisories: readonly Advisory[], scheme: AdvisoryScheme, now: Date): Live[] {
  const found: Live[] = [];
  for (const advisory of advisories) {
    if (advisory.scheme !== scheme.id || advisoryStatus(advisory, now) !== 'published') continue;
    const version = publishedVersion(advisory);
    const level = scheme.levels.find((l) => l.id === version?.content.level);
    if (version?.publishedAt === undefined || level === undefined) continue;
    found.push({ advisory, version: { ...version, publishedAt: version.publishedAt }, level });
  }
  return found;
}

/** Which of two advisories sets a region's level under the scheme's rule. */
function wins(rule: AdvisoryScheme['levelRule'], a: Live, b: Live): boolean {
  const later = a.version.publishedAt > b.version.publishedAt || (a.version.publishedAt === b.version.publishedAt && a.advisory.id > b.advisory.id);
  if (rule === 'latest') return later;
  return a.level.rank > b.level.rank || (a.level.rank === b.level.rank && later);
}

/**
 * Derives what is in force at `now` from the advisories alone; nothing of it is stored. An
 * expired or cancelled advisory is never current. Under a `latest` scheme an advisory whose
 * every region has a later one is no longer current either.
 */
export function deriveCurrent(advisories: readonly Advisory[], schemes: readonly AdvisoryScheme[], now: Date): CurrentState {
  const levels: CurrentLevel[] = [];
  const current = new Map<string, Live>();
  for (const scheme of schemes) {
    const inForce = live(advisories, scheme, now);
    const byRegion = new Map<string, Live>();
    for (const entry of inForce) {
      for (const region of entry.version.content.regions) {
        const held = byRegion.get(region);
        if (held === undefined || wins(scheme.levelRule, entry, held)) byRegion.set(region, entry);
      }
    }
    const order = scheme.regions ?? [...byRegion.keys()].sort();
    for (const region of order) {
      const entry = byRegion.get(region);
      if (entry === undefined) continue;
      levels.push({
        scheme: scheme.id,
        schemeName: scheme.name,
        region,
        level: entry.level.id,
        levelName: entry.level.name,
        rank: entry.level.rank,
        ...(entry.level.responseLevel !== undefined ? { responseLevel: entry.level.responseLevel } : {}),
        advisoryId: entry.advisory.id,
        since: entry.version.publishedAt,
      });
    }
    const kept = scheme.levelRule === 'latest' ? [...new Set(byRegion.values())] : inForce;
    for (const entry of kept) current.set(entry.advisory.id, entry);
  }
  const ordered = [...current.values()].sort(
    (a, b) => b.level.rank - a.level.rank || b.version.publishedAt.localeCompare(a.version.publishedAt) || a.advisory.id.localeCompare(b.advisory.id),
  );
  return { advisories: ordered.map((e) => e.advisory), levels };
}
