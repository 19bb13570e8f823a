import { Entity, type InvalidRecord, type ListRecord, type RecordLocation } from '../../domain/index.js';
import { canonicalJson, sha256Hex } from '../../domain/index.js';

/** A record the importer can apply, or the reason it cannot. */
export type CheckedRecord =
  | { kind: 'entity'; entity: Entity; json: string; hash: string; at: RecordLocation }
  | { kind: 'delete'; id: string; at: RecordLocation }
  | { kind: 'invalid'; issue: InvalidRecord };

function recordName(input: unknown, at: RecordLocation): string | undefined {
  if (typeof input === 'object' && input !== null) {
    const { id, sourceId } = input as { id?: unknown; sourceId?: unknown };
    if (typeof id === 'string' && id !== '') return id;
    if (typeof sourceId === 'string' && sourceId !== '') return sourceId;
  }
  return at.record;
}

function invalid(at: RecordLocation, record: string | undefined, message: string, field?: string): CheckedRecord {
  const issue: InvalidRecord = { file: at.file, line: at.line, message };
  if (record !== undefined) issue.record = record;
  if (field !== undefined) issue.field = field;
  return { kind: 'invalid', issue };
}

/**
 * Validates the records of one file in order: the Entity schema, that each entity belongs to
 * the source being imported, that deletes only come in deltas, and that no id appears twice.
 */
export class RecordChecker {
  /** Line of every id met so far, to name both lines of a duplicate. */
  private readonly lines = new Map<string, number>();

  constructor(
    private readonly source: string,
    private readonly mode: 'full' | 'delta',
  ) {}

  check(record: ListRecord): CheckedRecord {
    switch (record.kind) {
      case 'invalid':
        return record;
      case 'delete':
        return this.checkDelete(record.id, record.at);
      case 'entity':
        return this.checkEntity(record.entity, record.at);
    }
  }

  private checkDelete(id: string, at: RecordLocation): CheckedRecord {
    if (this.mode === 'full') return invalid(at, id, 'a full list cannot delete entities; import it as a delta');
    const wrong = this.wrongSource(id, at);
    if (wrong !== undefined) return wrong;
    return this.firstOccurrence(id, at) ?? { kind: 'delete', id, at };
  }

  private checkEntity(input: unknown, at: RecordLocation): CheckedRecord {
    const parsed = Entity.safeParse(input);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const field = first !== undefined && first.path.length > 0 ? first.path.map(String).join('.') : undefined;
      return invalid(at, recordName(input, at), first?.message ?? 'not an entity', field);
    }
    const entity = parsed.data;
    if (entity.source !== this.source) {
      return invalid(at, entity.id, `belongs to source ${entity.source}, not ${this.source}`, 'source');
    }
    const wrong = this.wrongSource(entity.id, at);
    if (wrong !== undefined) return wrong;
    const duplicate = this.firstOccurrence(entity.id, at);
    if (duplicate !== undefined) return duplicate;
    const json = canonicalJson(entity);
    return { kind: 'entity', entity, json, hash: sha256Hex(json), at };
  }

  private wrongSource(id: string, at: RecordLocation): CheckedRecord | undefined {
    if (id.startsWith(`${this.source}:`)) return undefined;
    return invalid(at, id, `an entity id of source ${this.source} starts with "${this.source}:"`, 'id');
  }

  /** Undefined the first time an id is met; the duplicate error naming both lines after that. */
  private firstOccurrence(id: string, at: RecordLocation): CheckedRecord | undefined {
    const earlier = this.lines.get(id);
    if (earlier === undefined) {
      this.lines.set(id, at.line);
      return undefined;
    }
    return invalid(at, id, `duplicate id ${id}: first at line ${earlier}, again at line ${at.line}`, 'id');
  }
}
