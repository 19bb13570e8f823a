import { toCountryCode, type Entity, type EntitySchema, type NameKind, type Subject } from '../domain/index.js';
import { explain, type MatchExplanation } from './explanation.js';
import {
  birthDateFeature,
  documentFeature,
  DOCUMENT_MATCH_SCORE,
  DOCUMENT_NAME_FLOOR,
  DOCUMENT_WEAK_NAME_SCORE,
  genderFeature,
  nationalityFeature,
  schemaFeature,
  subjectFacts,
  type FeatureContribution,
  type SubjectFacts,
} from './features.js';
import { KIND_FACTOR, NAME_KINDS, ROLES, type IndexData } from './index-data.js';
import type { MatchIndex } from './match-index.js';
import { analyseForMatching, subjectReadings, type AnalysedName, type TokenRole } from './name-analysis.js';
import { ALT_BASE, alignNames, letterMask, newNameSide, pushAlt, pushPart, type NameAlignment, type NameSide, type PairSimilarity } from './name-score.js';
import { expansionSimilarity, subjectPartWeight, type Expansion, type QueryName } from './query.js';
import { tokenSimilarity, type SimToken } from './token-similarity.js';

export interface ScoreOptions {
  /**
   * The index whose rarity weights to use (a rare surname counts more than "Mohammed"). Without
   * one, weights come from a small built-in prior; pass the index to score exactly as the
   * screener does.
   */
  index?: MatchIndex;
}

export interface ScoreResult {
  /** 0..1, calibrated so that DEFAULT_THRESHOLDS mean the same on every list. */
  score: number;
  /** The entity name that matched best, as listed. */
  matchedName: string;
  explanation: MatchExplanation;
}

const FEATURES = [schemaFeature, documentFeature, birthDateFeature, nationalityFeature, genderFeature] as const;

export function entityFeatures(facts: SubjectFacts, entity: Entity): FeatureContribution[] {
  const out: FeatureContribution[] = [];
  for (const f of FEATURES) {
    const c = f(facts, entity);
    if (c !== undefined) out.push(c);
  }
  return out;
}

/** Name score plus feature contributions, clamped to 0..1; a matching document decides. */
export function combine(nameScore: number, features: readonly FeatureContribution[]): number {
  let s = nameScore;
  let decisive = false;
  for (const f of features) {
    s += f.contribution;
    if (f.decisive === true) decisive = true;
  }
  s = s < 0 ? 0 : s > 1 ? 1 : s;
  if (decisive) s = Math.max(s, nameScore >= DOCUMENT_NAME_FLOOR ? DOCUMENT_MATCH_SCORE : DOCUMENT_WEAK_NAME_SCORE);
  return s;
}

function subjectNames(subject: Subject): string[] {
  return typeof subject.name === 'string' ? [subject.name] : subject.name;
}

function sideOf(analysed: AnalysedName, data: IndexData | undefined): NameSide {
  const side = newNameSide(Math.max(4, analysed.tokens.length));
  for (const t of analysed.tokens) pushPart(side, t, t.role, subjectPartWeight(data, t));
  for (const a of analysed.alternatives) pushAlt(side, a, a.start, a.end);
  return side;
}

/** A part or, from `ALT_BASE` on, an alternative of a side. */
function partOf(side: NameSide, i: number): SimToken {
  return (i >= ALT_BASE ? side.alts[i - ALT_BASE] : side.tokens[i]) as SimToken;
}

function directSimilarity(s: NameSide, e: NameSide): PairSimilarity {
  return (i, j) => tokenSimilarity(partOf(s, i), partOf(e, j));
}

/**
 * Step 2: scores a subject against one entity. Pure and exact: the same inputs (and index
 * weights) always give the same score, equal to what the screener reports for that entity.
 *
 * @example
 * const { score, explanation } = scoreSubject({ id: 's1', name: 'Bagdadi, Abu Bakr' }, entity, { index });
 */
export function scoreSubject(subject: Subject, entity: Entity, options: ScoreOptions = {}): ScoreResult {
  const data = options.index?.data;
  const sides = subjectNames(subject).flatMap((raw) => subjectReadings(raw, subject.schema).map((a) => ({ raw, side: sideOf(a, data) })));
  let best: { score: number; s: number; e: number; kind: NameKind } | undefined;
  const entitySides: NameSide[] = [];
  entity.names.forEach((name, e) => {
    const side = sideOf(analyseForMatching(name.full, { schema: entity.schema, script: name.script }), data);
    entitySides.push(side);
    if (side.length === 0) return;
    const factor = KIND_FACTOR[name.kind];
    sides.forEach(({ side: s }, si) => {
      if (s.length === 0) return;
      const score = alignNames(s, side, directSimilarity(s, side), false).score * factor;
      if (best === undefined || score > best.score) best = { score, s: si, e, kind: name.kind };
    });
  });
  const facts = subjectFacts(subject);
  const features = entityFeatures(facts, entity);
  if (best === undefined) {
    const score = combine(0, features);
    const alignment: NameAlignment = { score: 0, overlap: 0, information: 0, informationFactor: 1, aligned: [], unmatched: [] };
    const first = entity.names[0];
    const matchedName = { full: first?.full ?? entity.caption, kind: first?.kind ?? 'primary' };
    return {
      score,
      matchedName: matchedName.full,
      explanation: explain({ score, subjectName: sides[0]?.raw ?? '', matchedName, alignment, kindFactor: 1, features }),
    };
  }
  const b: { score: number; s: number; e: number; kind: NameKind } = best;
  const sSide = (sides[b.s] as { side: NameSide }).side;
  const eSide = entitySides[b.e] as NameSide;
  const alignment = alignNames(sSide, eSide, directSimilarity(sSide, eSide), true);
  const score = combine(b.score, features);
  const full = (entity.names[b.e] as { full: string }).full;
  return {
    score,
    matchedName: full,
    explanation: explain({
      score,
      subjectName: (sides[b.s] as { raw: string }).raw,
      matchedName: { full, kind: b.kind },
      alignment,
      kindFactor: KIND_FACTOR[b.kind],
      features,
    }),
  };
}

/**
 * Scores a subject against an indexed entity through the prepared query (the screener's path):
 * the same alignment as `scoreSubject`, with part similarities read from the query's cached
 * expansions instead of recomputed.
 */
export class IndexedScorer {
  private readonly entitySide: NameSide = newNameSide();
  private readonly entityTokenIds = new Int32Array(64);
  private readonly entityAltIds = new Int32Array(64);
  private current: QueryName | undefined;
  private readonly sim: PairSimilarity;
  /** Per vocabulary token its `letterMask`, 0 until first needed: entity sides are refilled per scored name. */
  private readonly tokenMasks: Int32Array;

  /**
   * @param direct compute every part similarity afresh instead of reading the expansions: the
   * brute-force reference that candidate recall is measured against.
   */
  constructor(
    private readonly data: IndexData,
    direct = false,
  ) {
    this.tokenMasks = new Int32Array(data.tokenCount);
    this.sim = (i, j) => {
      const q = this.current as QueryName;
      if (i >= ALT_BASE) {
        // A query alternative against an entity part (never an initial: see alignNames).
        if (direct) return tokenSimilarity(q.side.alts[i - ALT_BASE] as SimToken, this.entitySide.tokens[j] as SimToken);
        return expansionSimilarity(q.altExpansions[i - ALT_BASE] as Expansion, this.entityTokenIds[j] as number);
      }
      const qt = q.side.tokens[i] as SimToken;
      if (j >= ALT_BASE) {
        if (direct) return tokenSimilarity(qt, this.entitySide.alts[j - ALT_BASE] as SimToken);
        const ex = q.expansions[i];
        return ex === null || ex === undefined ? 0 : expansionSimilarity(ex, this.entityAltIds[j - ALT_BASE] as number);
      }
      const et = this.entitySide.tokens[j] as SimToken;
      if (direct || qt.text.length === 1 || et.text.length === 1) return tokenSimilarity(qt, et);
      const ex = q.expansions[i];
      if (ex === null || ex === undefined) return 0;
      return expansionSimilarity(ex, this.entityTokenIds[j] as number);
    };
  }

  private fillEntitySide(n: number): void {
    const d = this.data;
    const side = this.entitySide;
    side.length = 0;
    const start = d.nameTokenStarts[n] as number;
    const end = d.nameTokenStarts[n + 1] as number;
    for (let k = start; k < end && k - start < 64; k++) {
      const t = d.nameTokens[k] as number;
      const role = ROLES[d.nameRoles[k] as number] as TokenRole;
      this.entityTokenIds[k - start] = t;
      const token = d.tokens[t] as SimToken;
      let mask = this.tokenMasks[t] as number;
      if (mask === 0) {
        mask = letterMask(token.text);
        this.tokenMasks[t] = mask;
      }
      pushPart(side, token, role, (d.tokenWeight[t] as number) * (d.nameRoleWeights[k] as number), mask);
    }
    side.altCount = 0;
    const altEnd = d.nameAltStarts[n + 1] as number;
    for (let a = d.nameAltStarts[n] as number; a < altEnd; a++) {
      const t = d.altTokens[a] as number;
      this.entityAltIds[side.altCount] = t;
      pushAlt(side, d.tokens[t] as SimToken, d.altFrom[a] as number, d.altTo[a] as number);
    }
  }

  /**
   * Best name score of the entity over the query names, with the winning pair. `include`
   * skips names step 1 never reached (they share no part with the query, so they can only
   * score on initials).
   */
  bestName(queryNames: readonly QueryName[], entityIndex: number, include?: (nameId: number) => boolean): { score: number; query: number; name: number } {
    const d = this.data;
    let bestScore = -1;
    let bestQuery = 0;
    let bestName = -1;
    const end = d.entityNameStarts[entityIndex + 1] as number;
    for (let n = d.entityNameStarts[entityIndex] as number; n < end; n++) {
      if (include !== undefined && !include(n)) continue;
      this.fillEntitySide(n);
      const factor = KIND_FACTOR[NAME_KINDS[d.nameKind[n] as number] as NameKind];
      for (let qi = 0; qi < queryNames.length; qi++) {
        const q = queryNames[qi] as QueryName;
        if (q.side.length === 0) continue;
        this.current = q;
        const score = alignNames(q.side, this.entitySide, this.sim, false).score * factor;
        if (score > bestScore) {
          bestScore = score;
          bestQuery = qi;
          bestName = n;
        }
      }
    }
    return { score: bestScore < 0 ? 0 : bestScore, query: bestQuery, name: bestName };
  }

  /** The full result for a hit: re-aligns the winning pair with detail for the explanation. */
  result(queryNames: readonly QueryName[], entityIndex: number, best: { score: number; query: number; name: number }, features: FeatureContribution[]): ScoreResult {
    const d = this.data;
    const entity = d.entities.get(entityIndex);
    const score = combine(best.score, features);
    if (best.name < 0) {
      const first = entity.names[0];
      const matchedName = { full: first?.full ?? entity.caption, kind: first?.kind ?? 'primary' };
      const alignment: NameAlignment = { score: 0, overlap: 0, information: 0, informationFactor: 1, aligned: [], unmatched: [] };
      return { score, matchedName: matchedName.full, explanation: explain({ score, subjectName: queryNames[0]?.raw ?? '', matchedName, alignment, kindFactor: 1, features }) };
    }
    const q = queryNames[best.query] as QueryName;
    this.fillEntitySide(best.name);
    this.current = q;
    const alignment = alignNames(q.side, this.entitySide, this.sim, true);
    const kind = NAME_KINDS[d.nameKind[best.name] as number] as NameKind;
    const full = (entity.names[d.nameOrdinal[best.name] as number] as { full: string }).full;
    return {
      score,
      matchedName: full,
      explanation: explain({ score, subjectName: q.raw, matchedName: { full, kind }, alignment, kindFactor: KIND_FACTOR[kind], features }),
    };
  }
}

/** A subject seen as a listed entity, so two subjects compare with the same scorer. */
function subjectAsEntity(b: Subject, schema: EntitySchema): Entity {
  const names = typeof b.name === 'string' ? [b.name] : b.name;
  const nat = b.nationality === undefined ? undefined : toCountryCode(b.nationality);
  return {
    id: `subject:${b.id}`,
    source: 'subject',
    sourceId: b.id,
    schema,
    caption: names[0] as string,
    names: names.map((full, i) => ({ full, kind: i === 0 ? 'primary' : 'alias' })),
    birthDates: b.birthDate === undefined ? [] : [{ kind: 'exact', date: b.birthDate }],
    birthPlaces: [],
    nationalities: nat === undefined ? [] : [nat],
    citizenships: [],
    gender: b.gender,
    documents: (b.documents ?? []).map((d) => {
      const country = d.country === undefined ? undefined : toCountryCode(d.country);
      return country === undefined ? { type: d.type, number: d.number } : { type: d.type, number: d.number, country };
    }),
    addresses: [],
    listings: [],
    relations: [],
    remarks: [],
    properties: {},
  };
}

/**
 * Compares two subjects with the entity scorer (`vigil compare`): `b` is treated as if listed.
 * Without an index, name parts are weighed by the built-in prior only.
 */
export function compareSubjects(a: Subject, b: Subject, options: ScoreOptions = {}): { score: number; explanation: MatchExplanation } {
  const schema = b.schema ?? a.schema ?? 'Person';
  const { score, explanation } = scoreSubject(a, subjectAsEntity(b, schema), options);
  return { score, explanation };
}
