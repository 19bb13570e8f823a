import { VigilError, type InvalidRecord } from '../../domain/index.js';
import { splitCsvLine } from './csv-line.js';
import { ofacValue } from './ofac-columns.js';
import { readLines, type SourceLine } from './line-reader.js';

export type OfacRowEvent<C extends string> =
  | { kind: 'row'; line: number; values: Record<C, string> }
  | { kind: 'invalid'; issue: InvalidRecord };

/** DOS end-of-file mark that OFAC appends on a line of its own; it is not a record. */
const END_OF_FILE_MARK = '\x1a';

function toRow<C extends string>(
  file: string,
  columns: readonly C[],
  source: SourceLine,
): OfacRowEvent<C> | undefined {
  const { line, text } = source;
  if (text === END_OF_FILE_MARK || text.trim() === '') return undefined;
  const record = /^\s*(\d+)\s*[,]/.exec(text)?.[1];
  const invalid = (field: string, message: string): OfacRowEvent<C> => ({
    kind: 'invalid',
    issue: { file, line, ...(record === undefined ? {} : { record }), field, message },
  });
  const split = splitCsvLine(text);
  if (!split.ok) return invalid(columns[split.fieldIndex] ?? `column ${split.fieldIndex + 1}`, split.message);
  const { fields } = split;
  if (fields.length < columns.length) {
    return invalid(
      columns[fields.length] ?? 'row',
      `expected ${columns.length} columns, found ${fields.length}`,
    );
  }
  if (fields.length > columns.length) {
    return invalid(`column ${columns.length + 1}`, `expected ${columns.length} columns, found ${fields.length}`);
  }
  const values = {} as Record<C, string>;
  columns.forEach((column, index) => {
    values[column] = ofacValue(fields[index] ?? '');
  });
  const id = columns[0];
  if (id !== undefined && !/^\d+$/.test(values[id])) {
    return invalid(id, `${id} must be a number, found ${JSON.stringify(fields[0] ?? '')}`);
  }
  return { kind: 'row', line, values };
}

/**
 * Streams the records of one OFAC legacy CSV file (no header) as named, `-0-`-cleared values.
 * A malformed line is yielded as `invalid` and reading goes on; a last line the file ends
 * inside that does not parse is a truncated file and throws LIST_PARSE_FAILED.
 */
export async function* readOfacRows<C extends string>(
  file: string,
  columns: readonly C[],
): AsyncGenerator<OfacRowEvent<C>> {
  for await (const source of readLines(file)) {
    const event = toRow(file, columns, source);
    if (event === undefined) continue;
    if (event.kind === 'invalid' && !source.terminated) {
      throw new VigilError(
        'LIST_PARSE_FAILED',
        `${file}: line ${source.line}: the file ends inside a record (truncated?): ${event.issue.message}`,
        { file, line: source.line, field: event.issue.field, record: event.issue.record },
      );
    }
    yield event;
  }
}
