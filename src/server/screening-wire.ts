import type { z } from 'zod';
import type { Hit, ScreeningResult } from './schemas.js';

/**
 * The screening reply as `ScreeningResult` (schemas.ts) documents it, built by naming each field
 * rather than by parsing with zod: the route answers thousands of these a second and the zod
 * pass cost more than the rest of its serialization. Like the schema, it copies only the
 * documented fields, so an internal field added upstream never leaks out; a test holds it equal
 * to `ScreeningResult.parse`, so the two cannot drift apart unnoticed.
 */
type WireResult = z.output<typeof ScreeningResult>;
type WireHit = z.output<typeof Hit>;
type WireExplanation = WireHit['explanation'];
type WireSuppression = NonNullable<WireHit['suppressed']>;
type WirePosture = NonNullable<WireResult['posture']>;

function explanationWire(e: WireExplanation): WireExplanation {
  return {
    summary: e.summary,
    score: e.score,
    subjectName: e.subjectName,
    matchedName: { full: e.matchedName.full, kind: e.matchedName.kind },
    name: { score: e.name.score, overlap: e.name.overlap, informationFactor: e.name.informationFactor, kindFactor: e.name.kindFactor },
    aligned: e.aligned.map((a) => ({ subject: a.subject, entity: a.entity, how: a.how, similarity: a.similarity, weight: a.weight })),
    unmatched: e.unmatched.map((u) => ({ side: u.side, part: u.part, role: u.role, penalty: u.penalty })),
    features: e.features.map((f) =>
      f.decisive === undefined ? { feature: f.feature, contribution: f.contribution, detail: f.detail } : { feature: f.feature, contribution: f.contribution, detail: f.detail, decisive: f.decisive },
    ),
  };
}

function suppressionWire(s: WireSuppression): WireSuppression {
  const out: WireSuppression = { decisionId: s.decisionId, suppressionId: s.suppressionId, since: s.since, reason: s.reason, via: s.via };
  if (s.redressNumber !== undefined) out.redressNumber = s.redressNumber;
  return out;
}

function hitWire(h: WireHit): WireHit {
  const out: WireHit = { entityId: h.entityId, score: h.score, caption: h.caption, matchedName: h.matchedName, explanation: explanationWire(h.explanation) };
  if (h.suppressed !== undefined) out.suppressed = suppressionWire(h.suppressed);
  return out;
}

function postureWire(p: WirePosture): WirePosture {
  const out: WirePosture =
    p.advisoryId === undefined
      ? { id: p.id, scheme: p.scheme, level: p.level, reviewThreshold: p.reviewThreshold, matchThreshold: p.matchThreshold }
      : { id: p.id, scheme: p.scheme, level: p.level, advisoryId: p.advisoryId, reviewThreshold: p.reviewThreshold, matchThreshold: p.matchThreshold };
  if (p.enhanced !== undefined) out.enhanced = p.enhanced;
  return out;
}

/** One result with only its documented fields, in the schema's field order. */
export function screeningResultWire(r: WireResult): WireResult {
  const out: WireResult = { id: r.id, decision: r.decision, hits: r.hits.map(hitWire), listVersions: { ...r.listVersions } };
  if (r.caseId !== undefined) out.caseId = r.caseId;
  if (r.posture !== undefined) out.posture = postureWire(r.posture);
  return out;
}
