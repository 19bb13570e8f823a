import type { NameKind } from '../domain/index.js';
import type { FeatureContribution } from './features.js';
import type { AlignedPart, NameAlignment, UnmatchedPart } from './name-score.js';
import { round } from './name-score.js';

/**
 * Why a subject scored what it did against one entity: structured for programs, with a
 * `summary` and per-feature `detail` sentences for the officer. Plain JSON.
 */
export type MatchExplanation = {
  summary: string;
  score: number;
  /** The subject name that matched best, as given. */
  subjectName: string;
  /** The entity's name that matched best, as listed, and its kind. */
  matchedName: { full: string; kind: NameKind };
  name: {
    /** Name score after the kind factor: what the features are added to. */
    score: number;
    /** Weighted overlap of the aligned parts (0..1). */
    overlap: number;
    /** Below 1 when the matched parts are common ("Mohammed Ali"). */
    informationFactor: number;
    /** 1 for strong names, less for weak aliases and former names. */
    kindFactor: number;
  };
  aligned: AlignedPart[];
  unmatched: UnmatchedPart[];
  features: FeatureContribution[];
};

const KIND_LABEL: Record<NameKind, string> = {
  primary: 'primary name',
  alias: 'alias',
  weak_alias: 'weak alias',
  former: 'former name',
  original_script: 'name in original script',
};

function signed(x: number): string {
  return `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(2)}`;
}

export function explain(args: {
  score: number;
  subjectName: string;
  matchedName: { full: string; kind: NameKind };
  alignment: NameAlignment;
  kindFactor: number;
  features: FeatureContribution[];
}): MatchExplanation {
  const { alignment, features, matchedName } = args;
  const nameScore = alignment.score * args.kindFactor;
  const hows = new Map<string, number>();
  for (const a of alignment.aligned) hows.set(a.how, (hows.get(a.how) ?? 0) + 1);
  const howText = [...hows].map(([h, c]) => `${c} ${h}`).join(', ');
  const parts: string[] = [];
  parts.push(
    `"${args.subjectName}" vs ${KIND_LABEL[matchedName.kind]} "${matchedName.full}": ` +
      `${alignment.aligned.length} part${alignment.aligned.length === 1 ? '' : 's'} aligned` +
      (howText === '' ? '' : ` (${howText})`) +
      `, name score ${nameScore.toFixed(2)}`,
  );
  const missing = alignment.unmatched.filter((u) => u.penalty >= 0.05);
  if (missing.length > 0) {
    parts.push(`unmatched: ${missing.map((u) => `${u.part} (${u.side === 'subject' ? 'subject' : 'listed'})`).join(', ')}`);
  }
  if (alignment.informationFactor < 1) parts.push('common name parts, damped');
  for (const f of features) {
    parts.push(f.decisive === true ? `${f.detail} (decisive)` : `${f.detail} (${signed(f.contribution)})`);
  }
  return {
    summary: `${parts.join('; ')}. Score ${args.score.toFixed(2)}.`,
    score: round(args.score),
    subjectName: args.subjectName,
    matchedName,
    name: {
      score: round(nameScore),
      overlap: round(alignment.overlap),
      informationFactor: round(alignment.informationFactor),
      kindFactor: args.kindFactor,
    },
    aligned: alignment.aligned,
    unmatched: alignment.unmatched,
    features,
  };
}
