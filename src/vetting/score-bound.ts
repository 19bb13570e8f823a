import type { Entity, Subject } from '../domain/index.js';
import { informationFactor, SCORE_MODEL, scoreSubject, type MatchIndex } from '../matching/index.js';
import { analyseName } from '../names/index.js';
import type { CandidatePlan } from './candidate-plan.js';
import type { EntityProbes } from './entity-probes.js';
import type { ListedFrequencies } from './part-weights.js';
import type { StoredName } from './subject-keys.js';
import { joinable, typoRelated } from './tolerance.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * An upper bound of the score the screener can give a subject on a changed entity, from the
 * subject's stored terms alone (no analysis, no screening). The screener aligns name parts,
 * each used once, every pair worth `similarity x (both weights)`; the name score is that worth
 * over both names' total weight, damped by an information factor and a name-kind factor, both
 * at most 1; features add at most a small lift, except a matching document, which is handled
 * apart. So the score is at most
 *
 *   min(1, R / (W_subject + W_entity)) x informationFactor(R / 2) + lift
 *
 * where R sums each part that meets anything on the other side, weighed by the best similarity
 * it can have (1 for the same text, `initial` for an initial, `inexact` otherwise). Subjects
 * whose bound stays below the review threshold cannot raise an alert and are not screened.
 *
 * The constants are the scorer's own (`SCORE_MODEL` from src/matching); `confirmScoreModel`
 * still checks the formula against the scorer's explanations before a run relies on it.
 */

/** The alignment reads at most this many parts of a name. */
const MAX_PARTS = 30;

/** A part or an alternative spelling, over parts `start..end` of its name. */
interface Item {
  text: string;
  start: number;
  end: number;
  /** The subject term it is (subject side only). */
  termId: number;
}

interface WeightedName {
  /** Weights of the parts, in order. */
  weights: number[];
  /** Texts of the parts, in order. */
  texts: string[];
  /** Parts first (start = end = position), then alternatives. */
  items: Item[];
  total: number;
}

export class ScoreBound {
  private readonly entityNames: WeightedName[][];
  private readonly rarityOfTerm = new Map<number, number>();
  // Scratch for `bound`: the best similarity each part can have (names hold at most MAX_PARTS).
  private readonly bestS = new Float64Array(MAX_PARTS);
  private readonly bestE = new Float64Array(MAX_PARTS);

  constructor(
    private readonly probes: EntityProbes,
    private readonly plan: CandidatePlan,
    private readonly vocabulary: Vocabulary,
    private readonly threshold: number,
  ) {
    const rarity = (text: string): number => probes.frequencies.rarity(text);
    this.entityNames = probes.names.map((names) =>
      names.map((name) => {
        const parts = name.parts.slice(0, MAX_PARTS);
        const weights = parts.map((p) => rarity(p.text) * p.roleWeight);
        const items: Item[] = parts.map((p, k) => ({ text: p.text, start: k, end: k, termId: -1 }));
        for (const a of name.alternatives) if (a.end < parts.length) items.push({ text: a.text, start: a.start, end: a.end, termId: -1 });
        return { weights, texts: parts.map((p) => p.text), items, total: weights.reduce((sum, w) => sum + w, 0) };
      }),
    );
  }

  private rarity(termId: number, text: string): number {
    let r = this.rarityOfTerm.get(termId);
    if (r === undefined) {
      r = this.probes.frequencies.rarity(text);
      this.rarityOfTerm.set(termId, r);
    }
    return r;
  }

  /**
   * Whether the subject may reach the threshold on some changed entity. `joinTargets` are the
   * changed parts its adjacent parts, written together, were found to meet (through the joins
   * index, which holds every joinable pair).
   */
  mayHit(stored: readonly StoredName[], joinTargets: ReadonlySet<string> | undefined): boolean {
    const names: WeightedName[] = [];
    const entities = new Set<number>();
    for (const name of stored) {
      // Longer names are cut by the alignment: a bound over all parts would not hold.
      if (name.parts.length > MAX_PARTS) return true;
      const weighted: WeightedName = { weights: [], texts: [], items: [], total: 0 };
      for (const part of name.parts) {
        const text = this.vocabulary.text(part.termId);
        if (text === undefined) return true;
        this.reach(part.termId, entities);
        const weight = this.rarity(part.termId, text) * part.roleWeight;
        weighted.items.push({ text, start: weighted.weights.length, end: weighted.weights.length, termId: part.termId });
        weighted.weights.push(weight);
        weighted.texts.push(text);
        weighted.total += weight;
      }
      for (const alt of name.alternatives) {
        const text = this.vocabulary.text(alt.termId);
        if (text === undefined) return true;
        this.reach(alt.termId, entities);
        if (alt.end < name.parts.length) weighted.items.push({ text, start: alt.start, end: alt.end, termId: alt.termId });
      }
      names.push(weighted);
    }
    if (joinTargets !== undefined) for (const target of joinTargets) for (const e of this.probes.entitiesOfText.get(target) ?? []) entities.add(e);
    const needed = this.threshold - SCORE_MODEL.lift - 1e-9;
    for (const e of entities) {
      for (const entityName of this.entityNames[e] ?? []) {
        for (const name of names) if (this.bound(name, entityName, joinTargets) >= needed) return true;
      }
    }
    return false;
  }

  /** Adds the changed entities a term meets. */
  private reach(termId: number, entities: Set<number>): void {
    const related = this.plan.related.get(termId);
    if (related === undefined) return;
    for (const target of related) for (const e of this.probes.entitiesOfText.get(target) ?? []) entities.add(e);
  }

  private bound(subject: WeightedName, entity: WeightedName, joinTargets: ReadonlySet<string> | undefined): number {
    const total = subject.total + entity.total;
    if (total <= 0) return 0;
    const bestS = this.bestS;
    const bestE = this.bestE;
    bestS.fill(0, 0, subject.weights.length);
    bestE.fill(0, 0, entity.weights.length);
    for (const s of subject.items) {
      const related = this.plan.related.get(s.termId);
      const initial = s.text.length === 1;
      for (const e of entity.items) {
        let sim = 0;
        if (related !== undefined && related.has(e.text)) sim = s.text === e.text ? 1 : SCORE_MODEL.inexact;
        else if (initial !== (e.text.length === 1) && s.text.charCodeAt(0) === e.text.charCodeAt(0)) sim = SCORE_MODEL.initial;
        if (sim === 0) continue;
        for (let k = s.start; k <= s.end; k++) if (sim > (bestS[k] as number)) bestS[k] = sim;
        for (let k = e.start; k <= e.end; k++) if (sim > (bestE[k] as number)) bestE[k] = sim;
      }
    }
    if (joinTargets !== undefined) {
      const sim = SCORE_MODEL.inexact;
      for (let i = 0; i + 1 < subject.texts.length; i++) {
        const a = subject.texts[i] as string;
        const b = subject.texts[i + 1] as string;
        if (!joinable(a, b)) continue;
        const joined = a + b;
        for (const e of entity.items) {
          if (!joinTargets.has(e.text) || !typoRelated(joined, e.text)) continue;
          if (sim > (bestS[i] as number)) bestS[i] = sim;
          if (sim > (bestS[i + 1] as number)) bestS[i + 1] = sim;
          for (let k = e.start; k <= e.end; k++) if (sim > (bestE[k] as number)) bestE[k] = sim;
        }
      }
    }
    let worth = 0;
    for (let k = 0; k < subject.weights.length; k++) worth += (bestS[k] as number) * (subject.weights[k] as number);
    for (let k = 0; k < entity.weights.length; k++) worth += (bestE[k] as number) * (entity.weights[k] as number);
    return Math.min(1, worth / total) * informationFactor(worth / 2);
  }
}

function probeEntity(name: string, extra: Partial<Entity> = {}): Entity {
  return {
    id: 'vetting-probe:1',
    source: 'vetting-probe',
    sourceId: '1',
    schema: 'Person',
    caption: name,
    names: [{ full: name, kind: 'primary' }],
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    citizenships: [],
    documents: [],
    addresses: [],
    listings: [],
    relations: [],
    remarks: [],
    properties: {},
    ...extra,
  };
}

function probeSubject(name: string, extra: Partial<Subject> = {}): Subject {
  return { id: 'vetting-probe', name, schema: 'Person', ...extra };
}

/**
 * Whether `SCORE_MODEL` and the part weights still describe the screener behind `index`: each
 * of `texts` scored alone against itself must align one exact pair worth twice the restated
 * weight, with the restated information factor; an initial, a variant, a skeleton and a typo
 * must stay within their caps, and dates and nationality within the lift. A run whose model is
 * not confirmed screens every candidate instead of bounding.
 */
export function confirmScoreModel(index: MatchIndex, frequencies: ListedFrequencies, texts: Iterable<string>): { ok: boolean; reason?: string } {
  for (const text of texts) {
    const tokens = analyseName(text, { schema: 'Person' }).tokens;
    const token = tokens[0];
    if (tokens.length !== 1 || token === undefined || token.text !== text) continue;
    const { explanation } = scoreSubject(probeSubject(text), probeEntity(text), { index });
    const worth = explanation.aligned[0]?.weight;
    const expected = 2 * frequencies.rarity(text) * token.weight;
    if (worth === undefined || Math.abs(worth - expected) > 2e-4) return { ok: false, reason: `the weight of "${text}" is ${worth ?? 'absent'}, not ${expected}` };
    if (Math.abs(explanation.name.informationFactor - informationFactor(worth / 2)) > 2e-4) {
      return { ok: false, reason: `the information factor of "${text}" is ${explanation.name.informationFactor}` };
    }
  }
  const pairs: Array<[string, string, number]> = [
    ['k rahmanov', 'kamal rahmanov', SCORE_MODEL.initial],
    ['muhammad', 'mohammed', SCORE_MODEL.inexact],
    ['mukhammad', 'muhammad', SCORE_MODEL.inexact],
    ['petrov', 'petrof', SCORE_MODEL.inexact],
    ['albaghdadi', 'al baghdadi', SCORE_MODEL.inexact],
  ];
  for (const [subject, listed, cap] of pairs) {
    const { explanation } = scoreSubject(probeSubject(subject), probeEntity(listed), { index });
    for (const part of explanation.aligned) {
      if (part.subject !== part.entity && part.similarity > cap + 1e-9) return { ok: false, reason: `${part.subject} / ${part.entity} scores ${part.similarity}, above ${cap}` };
    }
  }
  const facts = { birthDate: '1970-01-02', nationality: 'FR', gender: 'male' as const };
  const { explanation } = scoreSubject(probeSubject('zyxwq vutsr', facts), probeEntity('zyxwq vutsr', { birthDates: [{ kind: 'exact', date: '1970-01-02' }], nationalities: ['FR'], gender: 'male' }), { index });
  const lift = explanation.features.reduce((sum, f) => sum + Math.max(0, f.contribution), 0);
  if (lift > SCORE_MODEL.lift + 1e-9) return { ok: false, reason: `features add ${lift}, above ${SCORE_MODEL.lift}` };
  return { ok: true };
}
