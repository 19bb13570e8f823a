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
  /** The entities packed for worker threads, when the table was built with them. */
  readonly packed?: PackedEntities;
}

export class ArrayEntityTable implements EntityTable {
  private byId: Map<string, number> | undefined;
  constructor(
    private readonly entities: readonly Entity[],
    readonly packed?: PackedEntities,
  ) {}

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

/** Per-entity flags: which strings are written out rather than derived. */
const OWN_ID = 1;
const OWN_CAPTION = 2;
const HAS_FACTS = 4;

/**
 * What matching reads of the entities, as typed arrays (shared with workers, never copied) and
 * the few distinct source names: per entity, as UTF-16 code units one after the other, its
 * id (only when it is not `<source>:<sourceId>`), source id, caption (only when it is not its
 * first name), a small JSON of its facts (only when it has dates of birth, nationalities,
 * citizenships, a gender or documents) and its names. Leaving out what can be derived halves
 * the text of a large list, and the time to pack it.
 */
export interface PackedEntities {
  readonly text: Uint16Array;
  /** End offset in `text` of every string, in order. */
  readonly cuts: Uint32Array;
  /** Per entity, the position in `cuts` of its first string (length entities + 1). */
  readonly firstPiece: Uint32Array;
  /** Per entity, the position of its first name among all names (length entities + 1). */
  readonly firstName: Uint32Array;
  readonly schemas: Uint8Array;
  /** Per entity, `OWN_ID | OWN_CAPTION | HAS_FACTS`. */
  readonly flags: Uint8Array;
  /** Per entity, its source's position in `sources`. */
  readonly sourceOf: Uint16Array;
  readonly sources: readonly string[];
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

function flagsOf(e: Entity, facts: string): number {
  let flags = 0;
  if (e.id !== `${e.source}:${e.sourceId}`) flags |= OWN_ID;
  if (e.caption !== e.names[0]?.full) flags |= OWN_CAPTION;
  if (facts !== '') flags |= HAS_FACTS;
  return flags;
}

/** Code units per chunk of packed text: chunks spare the copies of one doubling array. */
const CHUNK = 1 << 20;

/** A growable list of unsigned integers, copied once onto shared memory at the end. */
class Column<T extends Uint8Array | Uint16Array | Uint32Array> {
  private chunks: T[] = [];
  private current: T;
  private used = 0;
  length = 0;
  constructor(private readonly make: (n: number | SharedArrayBuffer) => T) {
    this.current = make(CHUNK);
  }

  push(value: number): void {
    if (this.used === CHUNK) {
      this.chunks.push(this.current);
      this.current = this.make(CHUNK);
      this.used = 0;
    }
    this.current[this.used++] = value;
    this.length += 1;
  }

  /** The values on a SharedArrayBuffer (at least `minimum` bytes). */
  share(bytesPerValue: number, minimum = 4): T {
    const out = this.make(new SharedArrayBuffer(Math.max(minimum, this.length * bytesPerValue)));
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk as never, at);
      at += chunk.length;
    }
    out.set(this.current.subarray(0, this.used) as never, at);
    return out;
  }
}

/**
 * Packs entities one at a time, as the index build reads them (see `PackedEntities`): the
 * entity is still in the processor's caches then, and handing the index to workers later
 * costs nothing. A separate pass over a million entities took most of a second.
 */
export class PackedEntityWriter {
  private readonly text = new Column((n) => new Uint16Array(n as number));
  private readonly cuts = new Column((n) => new Uint32Array(n as number));
  private readonly firstPiece = new Column((n) => new Uint32Array(n as number));
  private readonly firstName = new Column((n) => new Uint32Array(n as number));
  private readonly schemas = new Column((n) => new Uint8Array(n as number));
  private readonly flags = new Column((n) => new Uint8Array(n as number));
  private readonly sourceOf = new Column((n) => new Uint16Array(n as number));
  private readonly nameKinds = new Column((n) => new Uint8Array(n as number));
  private readonly sources = new Map<string, number>();

  private push(s: string): void {
    for (let k = 0; k < s.length; k++) this.text.push(s.charCodeAt(k));
    this.cuts.push(this.text.length);
  }

  add(e: Entity): void {
    const facts = factsOf(e);
    const own = flagsOf(e, facts);
    let source = this.sources.get(e.source);
    if (source === undefined) {
      source = this.sources.size;
      if (source > 0xffff) throw new RangeError('more than 65,536 sources in one index');
      this.sources.set(e.source, source);
    }
    this.firstPiece.push(this.cuts.length);
    this.firstName.push(this.nameKinds.length);
    this.schemas.push(SCHEMAS.indexOf(e.schema));
    this.flags.push(own);
    this.sourceOf.push(source);
    if ((own & OWN_ID) !== 0) this.push(e.id);
    this.push(e.sourceId);
    if ((own & OWN_CAPTION) !== 0) this.push(e.caption);
    if ((own & HAS_FACTS) !== 0) this.push(facts);
    for (const name of e.names) {
      this.push(name.full);
      this.nameKinds.push(KINDS.indexOf(name.kind));
    }
  }

  finish(): PackedEntities {
    this.firstPiece.push(this.cuts.length);
    this.firstName.push(this.nameKinds.length);
    return {
      text: this.text.share(2),
      cuts: this.cuts.share(4),
      firstPiece: this.firstPiece.share(4),
      firstName: this.firstName.share(4),
      schemas: this.schemas.share(1),
      flags: this.flags.share(1),
      sourceOf: this.sourceOf.share(2),
      sources: [...this.sources.keys()],
      nameKinds: this.nameKinds.share(1),
    };
  }
}

/** Packs the entities of a table built without them (see `PackedEntityWriter`). */
export function packEntities(table: EntityTable): PackedEntities {
  if (table.packed !== undefined) return table.packed;
  const writer = new PackedEntityWriter();
  for (let i = 0; i < table.length; i++) writer.add(table.get(i));
  return writer.finish();
}

/** Entities read from `PackedEntities` when first asked for (in a worker thread). */
export class PackedEntityTable implements EntityTable {
  private readonly made: (Entity | undefined)[] = [];
  private byId: Map<string, number> | undefined;
  constructor(readonly packed: PackedEntities) {}

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

  private sourceName(i: number): string {
    return this.packed.sources[this.packed.sourceOf[i] as number] as string;
  }

  id(i: number): string {
    if (i < 0 || i >= this.length) throw new RangeError(`no entity at ${i}`);
    const p = this.packed.firstPiece[i] as number;
    return (this.packed.flags[i] as number) & OWN_ID ? this.piece(p) : `${this.sourceName(i)}:${this.piece(p)}`;
  }

  get(i: number): Entity {
    const made = this.made[i];
    if (made !== undefined) return made;
    if (i < 0 || i >= this.length) throw new RangeError(`no entity at ${i}`);
    const { firstPiece, firstName, flags, nameKinds } = this.packed;
    const own = flags[i] as number;
    let p = firstPiece[i] as number;
    const end = firstPiece[i + 1] as number;
    const source = this.sourceName(i);
    const ownId = (own & OWN_ID) !== 0 ? this.piece(p++) : undefined;
    const sourceId = this.piece(p++);
    const caption = (own & OWN_CAPTION) !== 0 ? this.piece(p++) : undefined;
    const facts = ((own & HAS_FACTS) !== 0 ? JSON.parse(this.piece(p++)) : {}) as Facts;
    const names: Entity['names'] = [];
    for (let k = firstName[i] as number; p < end; p++, k++) names.push({ full: this.piece(p), kind: KINDS[nameKinds[k] as number] as NameKind });
    const entity: Entity = {
      id: ownId ?? `${source}:${sourceId}`,
      source,
      sourceId,
      schema: SCHEMAS[this.packed.schemas[i] as number] as EntitySchema,
      caption: caption ?? names[0]?.full ?? '',
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
