import type { Entity, NameKind } from '../domain/index.js';
import { forEachDeletionKey } from './deletion-keys.js';
import { ArrayEntityTable, PackedEntityWriter, type EntityTable } from './entity-table.js';
import { normaliseDocumentNumber } from './features.js';
import { buildHashMultimap, buildKeyFilter, hashString, PairBuffer, type HashMultimapData } from './hash-multimap.js';
import { analyseForMatching, type TokenRole } from './name-analysis.js';
import { MAX_ALTS, MAX_PARTS, spanWeight } from './name-score.js';
import { joinable, vowelKeyOf, type SimToken } from './token-similarity.js';
import { rarityWeight } from './token-weights.js';

export const ROLES: readonly TokenRole[] = ['given', 'family', 'particle', 'title', 'initial', 'legal_form', 'patronymic', 'unknown'];
export const NAME_KINDS: readonly NameKind[] = ['primary', 'alias', 'weak_alias', 'former', 'original_script'];

/** How much a match on a name of each kind counts: weak aliases are low-quality by definition. */
export const KIND_FACTOR: Readonly<Record<NameKind, number>> = {
  primary: 1,
  alias: 1,
  original_script: 1,
  former: 0.95,
  weak_alias: 0.85,
};

/**
 * The index as flat arrays. Names are numbered 0..nameCount-1, grouped by entity; tokens
 * (the vocabulary) 0..tokenCount-1. Everything large is a typed array, so the whole structure
 * can be shared with worker threads; the maps in `IndexLookups` are rebuilt from it.
 */
/**
 * Largest index that gets a `compoundNeighbours` filter: on the real lists it saves about half
 * of the split look-ups' time for a few milliseconds of build; on a million names it took
 * seconds of build and 67 MB for look-ups that cost little there.
 */
export const COMPOUND_FILTER_MAX_NAMES = 250_000;

export interface IndexArrays {
  entityCount: number;
  nameCount: number;
  tokenCount: number;
  /** Per token: rarity weight (role multiplier not applied) and entity frequency. */
  tokenWeight: Float32Array;
  tokenDf: Uint32Array;
  /** Per token: the names carrying it (CSR). */
  postingStarts: Uint32Array;
  postings: Uint32Array;
  /** Per posting: the part's weight in that name (rarity x role; the larger if it recurs). */
  postingWeights: Float64Array;
  /** Per token: its first character code (clamped to 0..65535) and whether it is one letter long. */
  tokenFirstChar: Uint16Array;
  /** Per token: its length in letters (at most 65535). */
  tokenLength: Uint16Array;
  tokenIsInitial: Uint8Array;
  /**
   * Per token: the postings of names that have a single-letter part (a small subset), so that
   * step 1 can still reach those names when it stops admitting others (see `accumulate`).
   */
  initialPostingStarts: Uint32Array;
  initialPostings: Uint32Array;
  initialPostingWeights: Float64Array;
  /** Per token: its largest posting weight. */
  tokenMaxWeight: Float64Array;
  /** Largest posting weight of any single-letter token. */
  maxInitialWeight: number;
  /** Per name. `nameOrdinal` is its position in `entity.names`. */
  nameEntity: Uint32Array;
  nameOrdinal: Uint32Array;
  nameKind: Uint8Array;
  nameTokenStarts: Uint32Array;
  nameTokens: Uint32Array;
  nameRoles: Uint8Array;
  /** Per name part: the role's prior weight (multiplied by the token's rarity weight). */
  nameRoleWeights: Float64Array;
  /**
   * Per name, its alternatives (joined or stripped spellings, see `AnalysedAlternative`) are
   * `nameAltStarts[n] .. nameAltStarts[n + 1] - 1`; each is a vocabulary token (`altTokens`,
   * posted to the name like a part) over parts `altFrom..altTo` (relative to the name), worth
   * `altWeights` (the sum of those parts' weights).
   */
  nameAltStarts: Uint32Array;
  altTokens: Uint32Array;
  altFrom: Uint8Array;
  altTo: Uint8Array;
  altWeights: Float64Array;
  /** 1 when the name has a single-letter part: step 1 then bounds what initials can add. */
  nameHasInitial: Uint8Array;
  /**
   * Per name, what step 1 reads for every name it reaches, side by side (one cache line):
   * `[4n]` the sum of part weights (the entity side of the Dice denominator), `[4n+1]` the
   * `KIND_FACTOR` of its kind, `[4n+2]` `letterBit`s of its parts' first letters, `[4n+3]` those
   * of its single-letter parts.
   */
  nameInfo: Float64Array;
  /** Per entity: its names are `entityNameStarts[e] .. entityNameStarts[e + 1] - 1`. */
  entityNameStarts: Uint32Array;
  /** Deletion-neighbourhood key -> tokens. */
  deletionKeys: HashMultimapData;
  /**
   * Hash of two adjacent parts written together -> position of the first part in `nameTokens`
   * ("al baghdadi" -> "albaghdadi").
   */
  compoundKeys: HashMultimapData;
  /**
   * Bloom filter (`buildKeyFilter`) of the deletion keys, one letter at most, of every compound
   * in `compoundKeys`: a query word that meets none of them is not within one edit of any
   * compound, and its split look-ups (see `compoundsOf`) are skipped. Empty (no filtering) above
   * `COMPOUND_FILTER_MAX_NAMES` names.
   */
  compoundNeighbours: Uint32Array;
  /** Per position in `nameTokens`: the name it belongs to. */
  positionName: Uint32Array;
}

/** Strings and objects: the vocabulary and the entities. */
export interface IndexStrings {
  tokens: SimToken[];
  entities: EntityTable;
}

/** Maps derived from arrays and strings; cheap to rebuild in a worker. */
export interface IndexLookups {
  vocabulary: Map<string, number>;
  skeletonTokens: Map<string, number[]>;
  /** Tokens with a two-letter skeleton, by skeleton and `vowelKey` (see `shortKey`). */
  shortTokens: Map<string, number[]>;
  variantTokens: Map<number, number[]>;
  /** Normalised document number -> entities listing it. */
  documentEntities: Map<string, number[]>;
}

export interface IndexData extends IndexArrays, IndexStrings, IndexLookups {}

/** A bit for a token's first character (letters a-z; everything else shares bit 26). */
export function letterBit(text: string): number {
  const c = text.charCodeAt(0) - 97;
  return c >= 0 && c < 26 ? 1 << c : 1 << 26;
}

/** Key of a token with a two-letter skeleton: the skeleton and the vowels (see tokenSimilarity). */
export function shortKey(t: SimToken): string {
  return `${t.skeleton}\u0001${vowelKeyOf(t.text)}`;
}

function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** Normalised document numbers of the entities, for `IndexLookups.documentEntities`. */
export function documentIndex(entities: EntityTable): Map<string, number[]> {
  const documentEntities = new Map<string, number[]>();
  for (let i = 0; i < entities.length; i++) {
    for (const d of entities.get(i).documents) {
      const n = normaliseDocumentNumber(d.number);
      if (n.length >= 4) pushTo(documentEntities, n, i);
    }
  }
  return documentEntities;
}

/** The maps of an index; `documents` when already known (a worker receives them). */
export function deriveLookups(arrays: IndexArrays, strings: IndexStrings, documents?: Map<string, number[]>): IndexLookups {
  const vocabulary = new Map<string, number>();
  const skeletonTokens = new Map<string, number[]>();
  const variantTokens = new Map<number, number[]>();
  const shortTokens = new Map<string, number[]>();
  strings.tokens.forEach((t, id) => {
    vocabulary.set(t.text, id);
    if (t.skeleton.length >= 2) pushTo(skeletonTokens, t.skeleton, id);
    if (t.skeleton.length === 2) pushTo(shortTokens, shortKey(t), id);
    for (const v of t.variantIds) pushTo(variantTokens, v, id);
  });
  const documentEntities = documents ?? documentIndex(strings.entities);
  void arrays;
  return { vocabulary, skeletonTokens, shortTokens, variantTokens, documentEntities };
}

class U32 {
  a = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }
  done(): Uint32Array {
    return this.a.slice(0, this.length);
  }
}

/** Builds the flat index. Names with the same parts within one entity are kept once, strongest kind first. */
export function buildIndexData(input: Iterable<Entity>): IndexData {
  const entities: Entity[] = [];
  const packed = new PackedEntityWriter();
  // Mutable while building: a text is abjad (syllabic) if any of its occurrences was romanised
  // from such a script.
  const tokens: { -readonly [K in keyof SimToken]: SimToken[K] }[] = [];
  const vocabulary = new Map<string, number>();
  const tokenDfList: number[] = [];
  const tokenLastEntity: number[] = [];

  const nameEntity = new U32();
  const nameOrdinal = new U32();
  const nameKindList: number[] = [];
  const nameTokenStarts = new U32();
  const nameTokens = new U32();
  const nameRolesList: number[] = [];
  const nameRoleWeightList: number[] = [];
  const entityNameStarts = new U32();
  const nameAltStarts = new U32();
  const altTokens = new U32();
  const altFromList: number[] = [];
  const altToList: number[] = [];

  /** 1 for tokens some query may meet with a typo: parts, and one-part alternatives. */
  const typoKeyed: number[] = [];
  const tokenId = (t: SimToken, e: number): number => {
    let id = vocabulary.get(t.text);
    if (id === undefined) {
      id = tokens.length;
      vocabulary.set(t.text, id);
      tokens.push({ text: t.text, skeleton: t.skeleton, vowels: t.vowels, variantIds: t.variantIds, abjad: t.abjad, syllabic: t.syllabic });
      tokenDfList.push(0);
      tokenLastEntity.push(-1);
    } else {
      if (t.abjad) (tokens[id] as { abjad: boolean }).abjad = true;
      if (t.syllabic) (tokens[id] as { syllabic: boolean }).syllabic = true;
    }
    if (tokenLastEntity[id] !== e) {
      tokenLastEntity[id] = e;
      tokenDfList[id] = (tokenDfList[id] as number) + 1;
    }
    return id;
  };

  for (const entity of input) {
    const e = entities.length;
    entities.push(entity);
    packed.add(entity);
    entityNameStarts.push(nameEntity.length);
    const seen = new Map<string, number>();
    entity.names.forEach((name, ordinal) => {
      const analysed = analyseForMatching(name.full, { schema: entity.schema, script: name.script });
      if (analysed.tokens.length === 0) return;
      const key = analysed.tokens.map((t) => t.text).join(' ');
      const previous = seen.get(key);
      if (previous !== undefined) {
        const prevKind = NAME_KINDS[nameKindList[previous] as number] as NameKind;
        if (KIND_FACTOR[name.kind] > KIND_FACTOR[prevKind]) {
          nameKindList[previous] = NAME_KINDS.indexOf(name.kind);
          nameOrdinal.a[previous] = ordinal;
        }
        return;
      }
      const n = nameEntity.length;
      seen.set(key, n);
      nameEntity.push(e);
      nameOrdinal.push(ordinal);
      nameKindList.push(NAME_KINDS.indexOf(name.kind));
      nameTokenStarts.push(nameTokens.length);
      nameAltStarts.push(altTokens.length);
      for (const t of analysed.tokens) {
        const id = tokenId(t, e);
        typoKeyed[id] = 1;
        nameTokens.push(id);
        nameRolesList.push(ROLES.indexOf(t.role));
        nameRoleWeightList.push(t.roleWeight);
      }
      for (const alt of analysed.alternatives) {
        // The same limits as `pushAlt`, so that the scorer sees exactly what is posted.
        if (alt.end >= MAX_PARTS || alt.end >= analysed.tokens.length || altTokens.length - (nameAltStarts.a[n] as number) >= MAX_ALTS) continue;
        const id = tokenId(alt, e);
        // Several parts as one word meet only by spelling (see alignNames): no typo keys needed.
        if (alt.end === alt.start) typoKeyed[id] = 1;
        altTokens.push(id);
        altFromList.push(alt.start);
        altToList.push(alt.end);
      }
    });
  }
  const entityCount = entities.length;
  const nameCount = nameEntity.length;
  const tokenCount = tokens.length;
  entityNameStarts.push(nameCount);
  nameTokenStarts.push(nameTokens.length);
  nameAltStarts.push(altTokens.length);
  const altStarts = nameAltStarts.done();
  const alts = altTokens.done();
  const altFrom = Uint8Array.from(altFromList);
  const altTo = Uint8Array.from(altToList);

  const tokenDf = Uint32Array.from(tokenDfList);
  const tokenWeight = new Float32Array(tokenCount);
  for (let t = 0; t < tokenCount; t++) tokenWeight[t] = rarityWeight((tokens[t] as SimToken).text, tokenDf[t] as number, entityCount);

  const starts = nameTokenStarts.done();
  const toks = nameTokens.done();
  const roles = Uint8Array.from(nameRolesList);
  const roleWeights = Float64Array.from(nameRoleWeightList);
  const nameWeight = new Float64Array(nameCount);
  const nameHasInitial = new Uint8Array(nameCount);
  const nameFirstLetters = new Uint32Array(nameCount);
  const nameInitialLetters = new Uint32Array(nameCount);
  const partWeights = new Float64Array(MAX_PARTS);
  const altWeights = new Float64Array(alts.length);
  for (let n = 0; n < nameCount; n++) {
    const start = starts[n] as number;
    const count = Math.min(MAX_PARTS, (starts[n + 1] as number) - start);
    for (let k = 0; k < count; k++) partWeights[k] = (tokenWeight[toks[start + k] as number] as number) * (roleWeights[start + k] as number);
    for (let a = altStarts[n] as number; a < (altStarts[n + 1] as number); a++) altWeights[a] = spanWeight(partWeights, altFrom[a] as number, altTo[a] as number);
  }
  // Postings: count, then fill; a token repeated within a name is posted once.
  const postingCounts = new Uint32Array(tokenCount + 1);
  const lastName = new Int32Array(tokenCount).fill(-1);
  for (let n = 0; n < nameCount; n++) {
    let w = 0;
    for (let k = starts[n] as number; k < (starts[n + 1] as number); k++) {
      const t = toks[k] as number;
      const pw = (tokenWeight[t] as number) * (roleWeights[k] as number);
      // The alignment reads at most MAX_PARTS parts; the bound's denominator must not count more.
      if (k - (starts[n] as number) < MAX_PARTS) w += pw;
      const text = (tokens[t] as SimToken).text;
      nameFirstLetters[n] = (nameFirstLetters[n] as number) | letterBit(text);
      if (text.length === 1) {
        nameHasInitial[n] = 1;
        nameInitialLetters[n] = (nameInitialLetters[n] as number) | letterBit(text);
      }
      if (lastName[t] !== n) {
        lastName[t] = n;
        postingCounts[t + 1] = (postingCounts[t + 1] as number) + 1;
      }
    }
    for (let a = altStarts[n] as number; a < (altStarts[n + 1] as number); a++) {
      const t = alts[a] as number;
      if (lastName[t] !== n) {
        lastName[t] = n;
        postingCounts[t + 1] = (postingCounts[t + 1] as number) + 1;
      }
    }
    nameWeight[n] = w;
  }
  for (let t = 0; t < tokenCount; t++) postingCounts[t + 1] = (postingCounts[t + 1] as number) + (postingCounts[t] as number);
  const postingStarts = postingCounts.slice();
  const fill = postingCounts.slice(0, tokenCount);
  const postings = new Uint32Array(postingStarts[tokenCount] as number);
  const postingWeights = new Float64Array(postings.length);
  lastName.fill(-1);
  const post = (n: number, t: number, pw: number): void => {
    if (lastName[t] === n) {
      const at = (fill[t] as number) - 1;
      if (pw > (postingWeights[at] as number)) postingWeights[at] = pw;
      return;
    }
    lastName[t] = n;
    const at = fill[t] as number;
    postings[at] = n;
    postingWeights[at] = pw;
    fill[t] = at + 1;
  };
  for (let n = 0; n < nameCount; n++) {
    for (let k = starts[n] as number; k < (starts[n + 1] as number); k++) {
      const t = toks[k] as number;
      post(n, t, (tokenWeight[t] as number) * (roleWeights[k] as number));
    }
    for (let a = altStarts[n] as number; a < (altStarts[n + 1] as number); a++) post(n, alts[a] as number, altWeights[a] as number);
  }

  const deletionPairs = new PairBuffer();
  for (let t = 0; t < tokenCount; t++) {
    const text = (tokens[t] as SimToken).text;
    if (text.length < 2) continue;
    if (typoKeyed[t] !== 1) continue;
    forEachDeletionKey(text, (h) => deletionPairs.push(h, t));
  }
  const compoundPairs = new PairBuffer();
  for (let n = 0; n < nameCount; n++) {
    for (let k = starts[n] as number; k + 1 < (starts[n + 1] as number); k++) {
      const a = (tokens[toks[k] as number] as SimToken).text;
      const b = (tokens[toks[k + 1] as number] as SimToken).text;
      if (joinable(a, b)) compoundPairs.push(hashString(a + b), k);
    }
  }
  const neighbourKeys = new PairBuffer();
  for (let n = 0; nameCount <= COMPOUND_FILTER_MAX_NAMES && n < nameCount; n++) {
    for (let k = starts[n] as number; k + 1 < (starts[n + 1] as number); k++) {
      const a = (tokens[toks[k] as number] as SimToken).text;
      const b = (tokens[toks[k + 1] as number] as SimToken).text;
      if (joinable(a, b)) forEachDeletionKey(a + b, (h) => neighbourKeys.push(h, 0), 1);
    }
  }

  const nameInfo = new Float64Array(nameCount * 4);
  for (let n = 0; n < nameCount; n++) {
    nameInfo[4 * n] = nameWeight[n] as number;
    nameInfo[4 * n + 1] = KIND_FACTOR[NAME_KINDS[nameKindList[n] as number] as NameKind];
    nameInfo[4 * n + 2] = nameFirstLetters[n] as number;
    nameInfo[4 * n + 3] = nameInitialLetters[n] as number;
  }
  const positionName = new Uint32Array(toks.length);
  for (let n = 0; n < nameCount; n++) positionName.fill(n, starts[n] as number, starts[n + 1] as number);

  const initialPostingStarts = new Uint32Array(tokenCount + 1);
  for (let t = 0; t < tokenCount; t++) {
    let c = 0;
    for (let k = postingStarts[t] as number; k < (postingStarts[t + 1] as number); k++) c += nameHasInitial[postings[k] as number] as number;
    initialPostingStarts[t + 1] = (initialPostingStarts[t] as number) + c;
  }
  const initialPostings = new Uint32Array(initialPostingStarts[tokenCount] as number);
  const initialPostingWeights = new Float64Array(initialPostings.length);
  for (let t = 0, w = 0; t < tokenCount; t++) {
    for (let k = postingStarts[t] as number; k < (postingStarts[t + 1] as number); k++) {
      if (nameHasInitial[postings[k] as number] !== 1) continue;
      initialPostings[w] = postings[k] as number;
      initialPostingWeights[w] = postingWeights[k] as number;
      w++;
    }
  }
  const tokenFirstChar = new Uint16Array(tokenCount);
  const tokenIsInitial = new Uint8Array(tokenCount);
  const tokenLength = new Uint16Array(tokenCount);
  for (let t = 0; t < tokenCount; t++) {
    const text = (tokens[t] as SimToken).text;
    tokenFirstChar[t] = text.charCodeAt(0);
    tokenLength[t] = Math.min(65535, text.length);
    tokenIsInitial[t] = text.length === 1 ? 1 : 0;
  }
  const tokenMaxWeight = new Float64Array(tokenCount);
  let maxInitialWeight = 0;
  for (let t = 0; t < tokenCount; t++) {
    let max = 0;
    for (let k = postingStarts[t] as number; k < (postingStarts[t + 1] as number); k++) if ((postingWeights[k] as number) > max) max = postingWeights[k] as number;
    tokenMaxWeight[t] = max;
    if ((tokens[t] as SimToken).text.length === 1 && max > maxInitialWeight) maxInitialWeight = max;
  }

  const arrays: IndexArrays = {
    tokenMaxWeight,
    maxInitialWeight,
    tokenFirstChar,
    tokenLength,
    tokenIsInitial,
    initialPostingStarts,
    initialPostings,
    initialPostingWeights,
    positionName,
    entityCount,
    nameCount,
    tokenCount,
    tokenWeight,
    tokenDf,
    postingStarts,
    postings,
    postingWeights,
    nameEntity: nameEntity.done(),
    nameOrdinal: nameOrdinal.done(),
    nameKind: Uint8Array.from(nameKindList),
    nameTokenStarts: starts,
    nameTokens: toks,
    nameRoles: roles,
    nameRoleWeights: roleWeights,
    nameAltStarts: altStarts,
    altTokens: alts,
    altFrom,
    altTo,
    altWeights,
    nameHasInitial,
    nameInfo,
    entityNameStarts: entityNameStarts.done(),
    deletionKeys: buildHashMultimap(deletionPairs),
    compoundKeys: buildHashMultimap(compoundPairs),
    compoundNeighbours: nameCount <= COMPOUND_FILTER_MAX_NAMES ? buildKeyFilter(neighbourKeys.keys, neighbourKeys.length) : new Uint32Array(0),
  };
  const strings: IndexStrings = { tokens, entities: new ArrayEntityTable(entities, packed.finish()) };
  return { ...arrays, ...strings, ...deriveLookups(arrays, strings) };
}
