import type { HashMultimapData } from './hash-multimap.js';
import { packEntities, PackedEntityTable, type PackedEntities } from './entity-table.js';
import { deriveLookups, type IndexArrays, type IndexData, type IndexStrings } from './index-data.js';
import type { SimToken } from './token-similarity.js';

/**
 * An index in a form worker threads receive cheaply: every typed array is copied once onto a
 * SharedArrayBuffer (postMessage then shares it, no copy per worker), the vocabulary travels
 * as one JSON string, and the entities as packed typed arrays (`PackedEntities`) that a worker reads
 * one entity at a time, when it scores it: parsing a million entities up front cost a worker
 * more than screening thousands of subjects. A worker rebuilds only the small maps.
 *
 * Entities travel with what matching reads (names, dates of birth, nationalities,
 * citizenships, gender, documents, schema, caption): remarks, addresses, listings, relations and
 * properties stay behind, as empty arrays.
 */
export interface TransferableIndex {
  readonly format: 'vigil-match-index/3';
  readonly counts: { entityCount: number; nameCount: number; tokenCount: number; maxInitialWeight: number };
  readonly arrays: Readonly<Record<TypedArrayField, Uint32Array | Float32Array | Float64Array | Uint16Array | Uint8Array>>;
  readonly multimaps: Readonly<Record<'deletionKeys' | 'compoundKeys', HashMultimapData>>;
  /** `{ tokens: [text, skeleton, vowels, variantIds, abjad, syllabic][], documents: [number, entities][] }` */
  readonly json: string;
  readonly entities: PackedEntities;
}

const TYPED_FIELDS = [
  'tokenWeight',
  'tokenDf',
  'postingStarts',
  'postings',
  'postingWeights',
  'tokenMaxWeight',
  'initialPostingStarts',
  'initialPostings',
  'initialPostingWeights',
  'tokenFirstChar',
  'tokenLength',
  'tokenIsInitial',
  'nameEntity',
  'nameOrdinal',
  'nameKind',
  'nameTokenStarts',
  'nameTokens',
  'nameRoles',
  'nameRoleWeights',
  'nameAltStarts',
  'altTokens',
  'altFrom',
  'altTo',
  'altWeights',
  'nameHasInitial',
  'nameInfo',
  'entityNameStarts',
  'positionName',
  'compoundNeighbours',
] as const;
type TypedArrayField = (typeof TYPED_FIELDS)[number];

function share<T extends Uint32Array | Float32Array | Float64Array | Uint16Array | Uint8Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const sab = new SharedArrayBuffer(a.byteLength);
  const Ctor = a.constructor as new (b: SharedArrayBuffer) => T;
  const copy = new Ctor(sab);
  (copy as unknown as { set(x: T): void }).set(a);
  return copy;
}

function shareMultimap(m: HashMultimapData): HashMultimapData {
  return { table: share(m.table), values: share(m.values), filter: share(m.filter) };
}

/**
 * The same index data with every typed array on shared memory. `buildIndex` does this once, so
 * that handing the index to workers (`toTransferable`) copies none of them: for a million names
 * the copies took seconds of every batch and doubled the arrays' memory while it ran.
 */
export function shareArrays(data: IndexData): IndexData {
  const shared: IndexData = { ...data, deletionKeys: shareMultimap(data.deletionKeys), compoundKeys: shareMultimap(data.compoundKeys) };
  const fields = shared as unknown as Record<TypedArrayField, Uint32Array | Float32Array | Float64Array | Uint16Array | Uint8Array>;
  for (const f of TYPED_FIELDS) fields[f] = share(data[f]);
  return shared;
}

export function toTransferable(data: IndexData): TransferableIndex {
  const arrays = {} as Record<TypedArrayField, Uint32Array | Float32Array | Float64Array | Uint16Array | Uint8Array>;
  for (const f of TYPED_FIELDS) arrays[f] = share(data[f]);
  const tokens = data.tokens.map((t) => [t.text, t.skeleton, t.vowels, t.variantIds, t.abjad, t.syllabic]);
  const packed = packEntities(data.entities);
  return {
    format: 'vigil-match-index/3',
    counts: { entityCount: data.entityCount, nameCount: data.nameCount, tokenCount: data.tokenCount, maxInitialWeight: data.maxInitialWeight },
    arrays,
    multimaps: { deletionKeys: shareMultimap(data.deletionKeys), compoundKeys: shareMultimap(data.compoundKeys) },
    json: JSON.stringify({ tokens, documents: [...data.documentEntities] }),
    entities: packed,
  };
}

export function fromTransferable(t: TransferableIndex): IndexData {
  if (t.format !== 'vigil-match-index/3') throw new TypeError(`unknown index format ${String(t.format)}`);
  const parsed = JSON.parse(t.json) as { tokens: [string, string, string, number[], boolean, boolean][]; documents: [string, number[]][] };
  const tokens: SimToken[] = parsed.tokens.map(([text, skeleton, vowels, variantIds, abjad, syllabic]) => ({ text, skeleton, vowels, variantIds, abjad, syllabic }));
  const a = t.arrays;
  const arrays: IndexArrays = {
    ...t.counts,
    tokenWeight: a.tokenWeight as Float32Array,
    tokenDf: a.tokenDf as Uint32Array,
    postingStarts: a.postingStarts as Uint32Array,
    postings: a.postings as Uint32Array,
    postingWeights: a.postingWeights as Float64Array,
    tokenMaxWeight: a.tokenMaxWeight as Float64Array,
    initialPostingStarts: a.initialPostingStarts as Uint32Array,
    initialPostings: a.initialPostings as Uint32Array,
    initialPostingWeights: a.initialPostingWeights as Float64Array,
    tokenFirstChar: a.tokenFirstChar as Uint16Array,
    tokenLength: a.tokenLength as Uint16Array,
    tokenIsInitial: a.tokenIsInitial as Uint8Array,
    maxInitialWeight: t.counts.maxInitialWeight,
    nameEntity: a.nameEntity as Uint32Array,
    nameOrdinal: a.nameOrdinal as Uint32Array,
    nameKind: a.nameKind as Uint8Array,
    nameTokenStarts: a.nameTokenStarts as Uint32Array,
    nameTokens: a.nameTokens as Uint32Array,
    nameRoles: a.nameRoles as Uint8Array,
    nameRoleWeights: a.nameRoleWeights as Float64Array,
    nameAltStarts: a.nameAltStarts as Uint32Array,
    altTokens: a.altTokens as Uint32Array,
    altFrom: a.altFrom as Uint8Array,
    altTo: a.altTo as Uint8Array,
    altWeights: a.altWeights as Float64Array,
    nameHasInitial: a.nameHasInitial as Uint8Array,
    nameInfo: a.nameInfo as Float64Array,
    entityNameStarts: a.entityNameStarts as Uint32Array,
    positionName: a.positionName as Uint32Array,
    compoundNeighbours: a.compoundNeighbours as Uint32Array,
    deletionKeys: t.multimaps.deletionKeys,
    compoundKeys: t.multimaps.compoundKeys,
  };
  const strings: IndexStrings = { tokens, entities: new PackedEntityTable(t.entities) };
  return { ...arrays, ...strings, ...deriveLookups(arrays, strings, new Map(parsed.documents)) };
}
