import type { ScreeningPosture } from '../domain/index.js';
import type { Advisory } from './advisory.js';
import { endedAt, publishedVersion } from './advisory-state.js';
import type { AdvisorySettings } from './advisory-settings.js';
import { deriveCurrent } from './current-levels.js';
import type { PostureRule } from './posture-rules.js';

const EPOCH = new Date(0).toISOString();

interface Candidate {
  posture: ScreeningPosture;
  rank: number;
}

function sortedUnion(...lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())].sort();
}

function ruleFor(settings: Pick<AdvisorySettings, 'baseline' | 'postures'>, key: string): PostureRule {
  return (
    settings.postures[key] ?? {
      ...settings.baseline,
      enhanced: { namedPorts: false, namedRoutes: false, namedChannels: false, ports: [], routes: [], channels: [] },
    }
  );
}

function candidate(advisory: Advisory, settings: AdvisorySettings): Candidate | undefined {
  const version = publishedVersion(advisory);
  const scheme = settings.schemes.find((s) => s.id === advisory.scheme);
  const level = scheme?.levels.find((l) => l.id === version?.content.level);
  if (version?.publishedAt === undefined || level === undefined) return undefined;
  const rule = ruleFor(settings, `${advisory.scheme}:${level.id}`);
  const { content } = version;
  return {
    rank: level.rank,
    posture: {
      id: `${advisory.scheme}:${level.id}`,
      scheme: advisory.scheme,
      level: level.id,
      advisoryId: advisory.id,
      reviewThreshold: rule.reviewThreshold,
      matchThreshold: rule.matchThreshold,
      enhanced: {
        ports: sortedUnion(rule.enhanced.ports, rule.enhanced.namedPorts ? content.ports : []),
        channels: sortedUnion(rule.enhanced.channels, rule.enhanced.namedChannels ? content.channels : []),
        routes: sortedUnion(rule.enhanced.routes, rule.enhanced.namedRoutes ? content.routes : []),
      },
      since: version.publishedAt,
    },
  };
}

function enhancedCount(p: ScreeningPosture): number {
  return p.enhanced.ports.length + p.enhanced.channels.length + p.enhanced.routes.length;
}

/** Strictest first: lower review threshold, lower match threshold, more enhanced, higher level, later. */
function stricter(a: Candidate, b: Candidate): number {
  return (
    a.posture.reviewThreshold - b.posture.reviewThreshold ||
    a.posture.matchThreshold - b.posture.matchThreshold ||
    enhancedCount(b.posture) - enhancedCount(a.posture) ||
    b.rank - a.rank ||
    b.posture.since.localeCompare(a.posture.since) ||
    (a.posture.advisoryId ?? '').localeCompare(b.posture.advisoryId ?? '')
  );
}

/**
 * The screening posture in force at `now`: the strictest among the advisories in force, named
 * after it, with each threshold the lowest any of them sets and enhanced screening wherever
 * any of them asks for it (so a second advisory never narrows the first's). The baseline when
 * none is in force.
 */
export function derivePosture(advisories: readonly Advisory[], settings: AdvisorySettings, now: Date): ScreeningPosture {
  const { advisories: current } = deriveCurrent(advisories, settings.schemes, now);
  const candidates = current.map((a) => candidate(a, settings)).filter((c): c is Candidate => c !== undefined).sort(stricter);
  const strictest = candidates[0];
  if (strictest === undefined) {
    const ends = advisories.map((a) => endedAt(a, now)).filter((t): t is string => t !== undefined).sort();
    return {
      id: 'baseline',
      scheme: 'baseline',
      level: 'baseline',
      reviewThreshold: settings.baseline.reviewThreshold,
      matchThreshold: settings.baseline.matchThreshold,
      enhanced: { ports: [], channels: [], routes: [] },
      since: ends[ends.length - 1] ?? EPOCH,
    };
  }
  const all = candidates.map((c) => c.posture);
  return {
    ...strictest.posture,
    reviewThreshold: Math.min(...all.map((p) => p.reviewThreshold)),
    matchThreshold: Math.min(...all.map((p) => p.matchThreshold)),
    enhanced: {
      ports: sortedUnion(...all.map((p) => p.enhanced.ports)),
      channels: sortedUnion(...all.map((p) => p.enhanced.channels)),
      routes: sortedUnion(...all.map((p) => p.enhanced.routes)),
    },
    since: all.map((p) => p.since).sort().at(-1) ?? strictest.posture.since,
  };
}

/** What makes two postures the same for screening: everything but `since`. */
export function postureKey(posture: ScreeningPosture): string {
  return JSON.stringify([posture.id, posture.advisoryId ?? null, posture.reviewThreshold, posture.matchThreshold, posture.enhanced.ports, posture.enhanced.channels, posture.enhanced.routes]);
}
