import type { BirthDate, Entity, EntitySchema, Gender, IdentityDocument, NameKind } from '../domain/index.js';

/**
 * The entities of an index, by position. The index that built them holds them as given; a
 * worker thread reads them from packed columns (`PackedEntities`) and makes an entity only when
 * it is scored, so that a worker does not parse a million entities to screen a few thousand
 * subjects.
 */
export interface EntityTable {
  readonly length: number;
  get(i: number): Entity;
  /** The entity's id, without making the entity. */
  id(i: number): string;
  indexOf(id: string): number | undefined;
}

export class ArrayEntityTable implements EntityTable {
  private byId: Map<string, number> | undefined;
  constructor(private readonly entities: readonly Entity[]) {}

  get length(): number {
    return this.entities.length;
  }

  get(i: number): Entity {
    const e = this.entities[i];
    if (e === undefined) throw new RangeError(`no entity at ${i}`);
    return e;
  }

  id(i: number): string {
    return this.get(i).id;
  }

  indexOf(id: string): number | undefined {
    if (this.byId === undefined) {
      this.byId = new Map();
      this.entities.forEach((e, i) => this.byId?.set(e.id, i));
    }
    return this.byId.get(id);
  }
}

const SCHEMAS: readonly EntitySchema[] = ['Person', 'Organization', 'Vessel', 'Aircraft'];
const KINDS: readonly NameKind[] = ['primary', 'alias', 'weak_alias', 'former', 'original_script'];
/** Strings each entity has before its names: id, source, sourceId, caption, facts. */
const FIELDS = 5;

/**
 * What matching reads of the entities, as typed arrays only (shared with workers, never copied):
 * per entity its id, source, source id, caption, a small JSON of its facts (dates of birth,
 * nationalities, citizenships, gender, documents; empty when it has none) and its names, as
 * UTF-16 code units one after the other.
 */
export interface PackedEntities {
  readonly text: Uint16Array;
  /** End offset in `text` of every string, in order. */
  readonly cuts: Uint32Array;
  /** Per entity, the position in `cuts` of its first string (length entities + 1). */
  readonly firstPiece: Uint32Array;
  readonly schemas: Uint8Array;
  /** Per name, in entity order, its kind. */
  readonly nameKinds: Uint8Array;
}

interface Facts {
  b?: BirthDate[];
  n?: string[];
  c?: string[];
  g?: Gender;
  d?: IdentityDocument[];
}

function factsOf(e: Entity): string {
  if (e.birthDates.length === 0 && e.nationalities.length === 0 && e.citizenships.length === 0 && e.gender === undefined && e.documents.length === 0) return '';
  const facts: Facts = {};
  if (e.birthDates.length > 0) facts.b = e.birthDates;
  if (e.nationalities.length > 0) facts.n = e.nationalities;
  if (e.citizenships.length > 0) facts.c = e.citizenships;
  if (e.gender !== undefined) facts.g = e.gender;
  if (e.documents.length > 0) facts.d = e.documents;
  return JSON.stringify(facts);
}

/**
 * Packs the entities into shared memory. Sizes are counted first so that each array is made
 * once: a large buffer made and dropped while a million entities are live costs a full
 * garbage collection each time.
 */
export function packEntities(table: EntityTable): PackedEntities {
  const n = table.length;
  const facts: string[] = new Array<string>(n);
  let units = 0;
  let pieceCount = 0;
  for (let i = 0; i < n; i++) {
    const e = table.get(i);
    const f = factsOf(e);
    facts[i] = f;
    units += e.id.length + e.source.length + e.sourceId.length + e.caption.length + f.length;
    for (const name of e.names) units += name.full.length;
    pieceCount += FIELDS + e.names.length;
  }
  const text = new Uint16Array(new SharedArrayBuffer(Math.max(2, units * 2)));
  const cuts = new Uint32Array(new SharedArrayBuffer(Math.max(4, pieceCount * 4)));
  const nameKinds = new Uint8Array(new SharedArrayBuffer(Math.max(1, pieceCount - FIELDS * n)));
  const firstPiece = new Uint32Array(new SharedArrayBuffer((n + 1) * 4));
  const schemas = new Uint8Array(new SharedArrayBuffer(Math.max(1, n)));
  let used = 0;
  let pieces = 0;
  let names = 0;
  const push = (s: string): void => {
    for (let k = 0; k < s.length; k++) text[used++] = s.charCodeAt(k);
    cuts[pieces++] = used;
  };
  for (let i = 0; i < n; i++) {
    const e = table.get(i);
    firstPiece[i] = pieces;
    schemas[i] = SCHEMAS.indexOf(e.schema);
    push(e.id);
    push(e.source);
    push(e.sourceId);
    push(e.caption);
    push(facts[i] as string);
    for (const name of e.names) {
      push(name.full);
      nameKinds[names++] = KINDS.indexOf(name.kind);
    }
  }
  firstPiece[n] = pieces;
  return { text, cuts, firstPiece, schemas, nameKinds };
}

/** Entities read from `PackedEntities` when first asked for (in a worker thread). */
export class PackedEntityTable implements EntityTable {
  private readonly made: (Entity | undefined)[] = [];
  private byId: Map<string, number> | undefined;
  constructor(private readonly packed: PackedEntities) {}

  get length(): number {
    return this.packed.schemas.length;
  }

  private piece(p: number): string {
    const cuts = this.packed.cuts;
    const text = this.packed.text;
    const end = cuts[p] as number;
    let out = '';
    // Pieces are short (names, ids, a few dates): char by char beats decoding a shared buffer.
    for (let k = p === 0 ? 0 : (cuts[p - 1] as number); k < end; k++) out += String.fromCharCode(text[k] as number);
    return out;
  }

  id(i: number): string {
    if (i < 0 || i >= this.length) throw new RangeError(`no entity at ${i}`);
    return this.piece(this.packed.firstPiece[i] as number);
  }

  get(i: number): Entity {
    const made = this.made[i];
    if (made !== undefined) return made;
    if (i < 0 || i >= this.length) throw new RangeError(`no entity at ${i}`);
    const p = this.packed.firstPiece[i] as number;
    const end = this.packed.firstPiece[i + 1] as number;
    const factsText = this.piece(p + 4);
    const facts = (factsText === '' ? {} : JSON.parse(factsText)) as Facts;
    // Names before this entity's: its pieces before, less FIELDS per earlier entity.
    const nameBase = p - FIELDS * i;
    const names: Entity['names'] = [];
    for (let q = p + FIELDS; q < end; q++) names.push({ full: this.piece(q), kind: KINDS[this.packed.nameKinds[nameBase + q - p - FIELDS] as number] as NameKind });
    const entity: Entity = {
      id: this.piece(p),
      source: this.piece(p + 1),
      sourceId: this.piece(p + 2),
      schema: SCHEMAS[this.packed.schemas[i] as number] as EntitySchema,
      caption: this.piece(p + 3),
      names,
      birthDates: facts.b ?? [],
      birthPlaces: [],
      nationalities: facts.n ?? [],
      citizenships: facts.c ?? [],
      documents: facts.d ?? [],
      addresses: [],
      listings: [],
      relations: [],
      remarks: [],
      properties: {},
      ...(facts.g === undefined ? {} : { gender: facts.g }),
    };
    this.made[i] = entity;
    return entity;
  }

  indexOf(id: string): number | undefined {
    if (this.byId === undefined) {
      this.byId = new Map();
      for (let i = 0; i < this.length; i++) this.byId.set(this.id(i), i);
    }
    return this.byId.get(id);
  }
}
