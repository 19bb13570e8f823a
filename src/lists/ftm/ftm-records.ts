import { Entity, entityId, type InvalidRecord, type ListRecord } from '../../domain/index.js';
import { FoldIndex } from './fold-index.js';
import { foldRecord } from './fold-record.js';
import { mapFtmEntity } from './entity-mapping.js';
import { classifySchema } from './ftm-schemata.js';
import {
  parseJson,
  peekSchema,
  readDeltaLine,
  readFtmEntity,
  readFullLine,
  type Checked,
  type FtmEntity,
  type FtmLine,
} from './ftm-record.js';
import { readUtf8Lines } from './utf8-lines.js';

/** What one read of a file did, beyond the records it yielded. */
export interface FtmStats {
  entities: number;
  deletes: number;
  invalid: number;
  /** Sanction, Passport, Address and relation records folded into entities. */
  folded: number;
  /** Folded records whose target was not streamed (absent, invalid or of a skipped schema). */
  unattached: number;
  /** Lines of FtM schemata Vigil does not screen (Position, Occupancy, ...), per schema. */
  skipped: Record<string, number>;
}

export function emptyStats(): FtmStats {
  return { entities: 0, deletes: 0, invalid: 0, folded: 0, unattached: 0, skipped: {} };
}

export interface FtmReadOptions {
  file: string;
  source: string;
  mode: 'full' | 'delta';
}

type LineOutcome =
  | { kind: 'line'; op: FtmLine['op']; entity: FtmEntity }
  | { kind: 'delete'; id: string }
  | { kind: 'invalid'; field: string; message: string; record?: string };

function readLine(text: string, mode: 'full' | 'delta'): LineOutcome {
  const json = parseJson(text);
  if (!json.ok) return { kind: 'invalid', field: json.field, message: json.message };
  const framed: Checked<FtmLine> = mode === 'full' ? readFullLine(json.value) : readDeltaLine(json.value);
  if (!framed.ok) return { kind: 'invalid', field: framed.field, message: framed.message };
  const prefix = mode === 'delta' ? 'entity.' : '';
  if (framed.value.op === 'DEL') {
    const raw = framed.value.entity as { id?: unknown };
    return typeof raw.id === 'string' && raw.id.trim() !== ''
      ? { kind: 'delete', id: raw.id.trim() }
      : { kind: 'invalid', field: `${prefix}id`, message: 'a DEL line needs the entity id' };
  }
  const checked = readFtmEntity(framed.value.entity);
  if (!checked.ok) {
    const field = checked.field === '' ? prefix.replace(/\.$/, '') : `${prefix}${checked.field}`;
    const outcome: LineOutcome = { kind: 'invalid', field, message: checked.message };
    if (checked.record !== undefined) outcome.record = checked.record;
    return outcome;
  }
  return { kind: 'line', op: framed.value.op, entity: checked.value };
}

function invalid(file: string, line: number, field: string, message: string, record?: string): InvalidRecord {
  const issue: InvalidRecord = { file, line, message };
  if (field !== '') issue.field = field;
  if (record !== undefined) issue.record = record;
  return issue;
}

/**
 * Pass 1: fold Sanction, Passport, Address and relation records into an index keyed by the entity
 * they attach to. Lines whose schema is visibly top-level are not even parsed. Returns the
 * problems met in folded records, in line order, and the lines it looked at but left to pass 2.
 */
async function foldPass(
  { file, source, mode }: FtmReadOptions,
  index: FoldIndex,
): Promise<{ issues: InvalidRecord[]; handoff: Set<number> }> {
  const issues: InvalidRecord[] = [];
  const handoff = new Set<number>();
  for await (const { line, text } of readUtf8Lines(file)) {
    if (text.trim() === '') continue;
    const peeked = peekSchema(text);
    if (peeked !== undefined && classifySchema(peeked) !== 'folded') continue;
    const outcome = readLine(text, mode);
    const isFolded = outcome.kind === 'line' && classifySchema(outcome.entity.schema) === 'folded';
    if (!isFolded) {
      // Pass 2 skips lines that look folded; this one is not, so it must not be skipped.
      if (peeked !== undefined) handoff.add(line);
      continue;
    }
    const entity = outcome.entity;
    const issue = foldRecord(entity, index, source, line);
    if (issue !== undefined) issues.push(invalid(file, line, issue.field, issue.message, entity.id));
  }
  return { issues, handoff };
}

/**
 * Streams an FtM file as list records in two passes over the file. A full OpenSanctions export
 * is several gigabytes and a Sanction or Passport may sit anywhere relative to its holder, so the
 * first pass keeps only the folded records (a small share of the file) and the second streams
 * each top-level entity out as it is read, with its folds attached. Memory stays proportional to
 * the folded records; no top-level entity is ever buffered.
 */
export async function* ftmRecords(options: FtmReadOptions, stats: FtmStats): AsyncGenerator<ListRecord> {
  const { file, source, mode } = options;
  const index = new FoldIndex(mode === 'delta');
  const { issues: early, handoff } = await foldPass(options, index);
  stats.folded = index.foldedCount;
  let nextEarly = 0;
  function* flushEarly(before: number): Generator<ListRecord> {
    while (nextEarly < early.length && (early[nextEarly]?.line ?? Infinity) < before) {
      const issue = early[nextEarly++];
      if (issue === undefined) continue;
      stats.invalid += 1;
      yield { kind: 'invalid', issue };
    }
  }

  for await (const { line, text } of readUtf8Lines(file)) {
    yield* flushEarly(line);
    if (text.trim() === '') continue;
    const peeked = peekSchema(text);
    if (peeked !== undefined && classifySchema(peeked) === 'folded' && !handoff.has(line)) continue;
    const outcome = readLine(text, mode);
    if (outcome.kind === 'invalid') {
      stats.invalid += 1;
      yield { kind: 'invalid', issue: invalid(file, line, outcome.field, outcome.message, outcome.record) };
      continue;
    }
    if (outcome.kind === 'delete') {
      stats.deletes += 1;
      yield { kind: 'delete', id: entityId(source, outcome.id), at: { file, line, record: outcome.id } };
      continue;
    }
    const ftm = outcome.entity;
    const schemaClass = classifySchema(ftm.schema);
    if (schemaClass === 'folded') {
      if (peeked === undefined) continue; // folded in pass 1
      stats.invalid += 1;
      const message = `a ${ftm.schema} record could not be folded: its schema key is not the first one on the line`;
      yield { kind: 'invalid', issue: invalid(file, line, 'schema', message, ftm.id) };
      continue;
    }
    if (schemaClass === 'skipped') {
      stats.skipped[ftm.schema] = (stats.skipped[ftm.schema] ?? 0) + 1;
      continue;
    }
    if (schemaClass === 'unknown') {
      stats.invalid += 1;
      const message = `unknown FtM schema ${JSON.stringify(ftm.schema)}`;
      yield { kind: 'invalid', issue: invalid(file, line, mode === 'delta' ? 'entity.schema' : 'schema', message, ftm.id) };
      continue;
    }
    const fold = index.take(ftm.id);
    const parsed = Entity.safeParse(mapFtmEntity(ftm, fold, (id) => index.address(id), source));
    if (!parsed.success) {
      stats.invalid += 1;
      const first = parsed.error.issues[0];
      const field = first?.path.join('.') ?? '';
      yield { kind: 'invalid', issue: invalid(file, line, field, first?.message ?? 'not a valid entity', ftm.id) };
      continue;
    }
    stats.entities += 1;
    yield { kind: 'entity', entity: parsed.data, at: { file, line, record: ftm.id } };
  }
  yield* flushEarly(Infinity);
  yield* leftoverRecords(options, index, stats);
}

/**
 * Folds left in the index attach to nothing that was streamed. In a full export that is normal
 * (a Sanction on a Security) and only counted. In a delta it means a change to a Sanction or
 * Passport of an entity the delta does not carry, which cannot be applied to the stored entity:
 * each such record is reported once, so the import can refuse the delta or skip it knowingly.
 */
function* leftoverRecords({ file, mode }: FtmReadOptions, index: FoldIndex, stats: FtmStats): Generator<ListRecord> {
  const reported = new Map<number, InvalidRecord>();
  for (const [targetId, fold] of index.leftovers()) {
    stats.unattached += fold.count;
    if (mode !== 'delta') continue;
    for (const origin of fold.origins) {
      if (reported.has(origin.line)) continue;
      const message =
        `a ${origin.schema} change for ${targetId}, which this delta does not carry: ` +
        'import the full list to apply it';
      reported.set(origin.line, invalid(file, origin.line, 'entity', message, origin.id));
    }
  }
  const issues = [...reported.values()].sort((a, b) => a.line - b.line);
  for (const issue of issues) {
    stats.invalid += 1;
    yield { kind: 'invalid', issue };
  }
}
