/** One FtM entity as OpenSanctions publishes it, one per line of `entities.ftm.json`. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  caption?: string;
  datasets: string[];
  referents: string[];
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
  target?: boolean;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string; record?: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const item of value) {
    if (typeof item === 'string') out.push(item);
    else if (typeof item === 'number') out.push(String(item));
    else return undefined;
  }
  return out;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Checks the shape of a parsed line; names the field that breaks it. */
export function readFtmEntity(value: unknown): Checked<FtmEntity> {
  if (!isObject(value)) return { ok: false, field: '', message: 'an FtM line must be a JSON object' };
  const id = typeof value.id === 'string' ? value.id.trim() : '';
  if (id === '') return { ok: false, field: 'id', message: 'the entity has no id' };
  if (typeof value.schema !== 'string' || value.schema === '') {
    return { ok: false, field: 'schema', message: 'the entity has no schema', record: id };
  }
  const rawProperties = value.properties ?? {};
  if (!isObject(rawProperties)) {
    return { ok: false, field: 'properties', message: 'properties must be an object', record: id };
  }
  const properties: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(rawProperties)) {
    const list = stringList(values);
    if (list === undefined) {
      return { ok: false, field: `properties.${name}`, message: 'a property is an array of strings', record: id };
    }
    if (list.length > 0) properties[name] = list;
  }
  const datasets = stringList(value.datasets) ?? [];
  const referents = stringList(value.referents) ?? [];
  const entity: FtmEntity = { id, schema: value.schema, properties, datasets, referents };
  const caption = optionalString(value.caption);
  if (caption !== undefined) entity.caption = caption;
  for (const key of ['first_seen', 'last_seen', 'last_change'] as const) {
    const text = optionalString(value[key]);
    if (text !== undefined) entity[key] = text;
  }
  if (typeof value.target === 'boolean') entity.target = value.target;
  return { ok: true, value: entity };
}

export type DeltaOp = 'ADD' | 'MOD' | 'DEL';

/** A line as the two formats frame it: a full export is all ADDs, a delta says its op. */
export interface FtmLine {
  op: DeltaOp;
  entity: unknown;
}

export function parseJson(text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, field: '', message: `not valid JSON: ${reason}` };
  }
}

export function readFullLine(value: unknown): Checked<FtmLine> {
  return { ok: true, value: { op: 'ADD', entity: value } };
}

/** `{"op": "ADD"|"MOD"|"DEL", "entity": {...}}`; a DEL carries only `{"id": ...}`. */
export function readDeltaLine(value: unknown): Checked<FtmLine> {
  if (!isObject(value)) return { ok: false, field: '', message: 'a delta line must be a JSON object' };
  const op = value.op;
  if (op !== 'ADD' && op !== 'MOD' && op !== 'DEL') {
    return { ok: false, field: 'op', message: `unknown delta operation ${JSON.stringify(op)}; expected ADD, MOD or DEL` };
  }
  if (!isObject(value.entity)) return { ok: false, field: 'entity', message: 'a delta line needs an entity object' };
  return { ok: true, value: { op, entity: value.entity } };
}

const SCHEMA_MARK = /"schema"\s*:\s*"([A-Za-z]+)"/;

/**
 * Reads the schema from a line's text without parsing it, so each pass parses only the lines it
 * needs. The first `"schema": "..."` pair is the entity's own: property values are strings in
 * arrays, and a quote inside a string is escaped, so none can look like this key.
 */
export function peekSchema(text: string): string | undefined {
  return SCHEMA_MARK.exec(text)?.[1];
}
