import type { Decision, ScreeningContext, ScreeningPosture } from '../domain/index.js';

/** What a result records of the posture it was screened under. */
export interface AppliedPosture {
  id: string;
  scheme: string;
  level: string;
  advisoryId?: string;
  reviewThreshold: number;
  matchThreshold: number;
  /** Set when enhanced screening applied, saying where: the port, channel or route named. */
  enhanced?: string;
}

function routeMatches(routes: string[], context: ScreeningContext): string | undefined {
  if (context.origin === undefined) return undefined;
  const origin = context.origin.toUpperCase();
  const port = context.port?.toUpperCase();
  return routes.find((route) => {
    const [from, to] = route.toUpperCase().split('-');
    return from === origin && (to === undefined || to === port);
  });
}

/** Says whether enhanced screening applies to this context, and why. */
export function enhancedReason(posture: ScreeningPosture, context: ScreeningContext): string | undefined {
  const port = context.port?.toUpperCase();
  if (port !== undefined && posture.enhanced.ports.some((p) => p.toUpperCase() === port)) return `port ${context.port}`;
  if (context.channel !== undefined && posture.enhanced.channels.includes(context.channel)) return `channel ${context.channel}`;
  const route = routeMatches(posture.enhanced.routes, context);
  return route !== undefined ? `route ${route}` : undefined;
}

/** Enhanced screening never auto-clears: a clear becomes a review, whatever the score. */
export function applyEnhanced(decision: Decision, enhanced: string | undefined): Decision {
  return enhanced !== undefined && decision === 'clear' ? 'review' : decision;
}

export function describePosture(posture: ScreeningPosture, enhanced: string | undefined): AppliedPosture {
  return {
    id: posture.id,
    scheme: posture.scheme,
    level: posture.level,
    ...(posture.advisoryId !== undefined ? { advisoryId: posture.advisoryId } : {}),
    reviewThreshold: posture.reviewThreshold,
    matchThreshold: posture.matchThreshold,
    ...(enhanced !== undefined ? { enhanced } : {}),
  };
}
