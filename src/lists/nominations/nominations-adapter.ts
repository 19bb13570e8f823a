import type { z } from 'zod';
import { Entity, SourceId, VigilError, type InvalidRecord, type ListAdapter, type ListRecord } from '../../domain/index.js';
import { LinkIndex, mapNomination } from './nomination-mapping.js';
import { NominationRow } from './nomination-row.js';
import { detectNominationsFormat, readRawRows, type NominationsFormat } from './nomination-rows.js';

export interface NominationsAdapterOptions {
  /** A CSV file with a header, or JSON lines (one object per line) with the same keys. */
  file: string;
  /** The source id entities get; `nominations` unless several agencies' lists are kept apart. */
  source?: string;
  /** Who nominates, as each listing names it; the source id unless given. */
  authority?: string;
  /** Forces the format; otherwise from the extension, then from the first line. */
  format?: NominationsFormat;
}

function describeIssues(error: z.ZodError): { field: string; message: string } {
  const parts = error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { field: issue.keys[0] ?? '', message: `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}` };
    }
    const field = issue.path.map(String).join('.');
    return { field, message: `${field}: ${issue.message}` };
  });
  return { field: parts[0]?.field ?? '', message: parts.map((part) => part.message).join('; ') };
}

function idOf(values: Record<string, unknown>): string | undefined {
  const id = values.id;
  if (typeof id === 'number') return String(id);
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

async function* nominationRecords(
  file: string,
  source: string,
  authority: string,
  forced: NominationsFormat | undefined,
): AsyncGenerator<ListRecord> {
  const format = forced ?? (await detectNominationsFormat(file));
  // Pass 1 learns every id and name, so `linked_to` can point forwards as well as back.
  const links = new LinkIndex();
  for await (const row of readRawRows(file, format)) {
    if (!('values' in row)) continue;
    const id = idOf(row.values);
    const name = row.values.name;
    if (id !== undefined && typeof name === 'string' && name.trim() !== '') links.add(id, name.trim());
  }

  const seen = new Set<string>();
  for await (const row of readRawRows(file, format)) {
    const record = 'values' in row ? idOf(row.values) : row.problem.record;
    const invalid = (field: string, message: string): ListRecord => {
      const issue: InvalidRecord = { file, line: row.line, message };
      if (field !== '') issue.field = field;
      if (record !== undefined) issue.record = record;
      return { kind: 'invalid', issue };
    };
    if (!('values' in row)) {
      yield invalid(row.problem.field, row.problem.message);
      continue;
    }
    const parsed = NominationRow.safeParse(row.values);
    if (!parsed.success) {
      const { field, message } = describeIssues(parsed.error);
      yield invalid(field, message);
      continue;
    }
    if (seen.has(parsed.data.id)) {
      yield invalid('id', `id "${parsed.data.id}" is used by an earlier nomination`);
      continue;
    }
    seen.add(parsed.data.id);
    const entity = Entity.safeParse(mapNomination(parsed.data, { source, authority, links }));
    if (!entity.success) {
      const { field, message } = describeIssues(entity.error);
      yield invalid(field, message);
      continue;
    }
    yield { kind: 'entity', entity: entity.data, at: { file, line: row.line, record: parsed.data.id } };
  }
}

/**
 * Reads an agency's own nominations (CSV with a header, or JSON lines); the columns are documented
 * in this folder's README. An unknown CSV column rejects the file (VigilError LIST_PARSE_FAILED
 * naming it); a bad row is yielded as `invalid` naming its line and field.
 *
 * @example
 * const adapter = createNominationsAdapter({ file: 'nominations.csv', authority: 'Border Agency' });
 */
export function createNominationsAdapter(options: NominationsAdapterOptions): ListAdapter {
  const source = options.source ?? 'nominations';
  const checked = SourceId.safeParse(source);
  if (!checked.success) {
    throw new VigilError('INVALID_INPUT', `${JSON.stringify(source)} is not a source id`, { field: 'source' });
  }
  const authority = options.authority ?? source;
  return {
    source,
    mode: 'full',
    records: () => nominationRecords(options.file, source, authority, options.format),
  };
}
