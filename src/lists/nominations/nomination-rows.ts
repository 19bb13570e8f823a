import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { VigilError } from '../../domain/index.js';
import { readUtf8Lines } from '../ftm/index.js';
import { isNominationColumn, REQUIRED_COLUMNS } from './columns.js';

export type NominationsFormat = 'csv' | 'jsonl';

/** A row before validation: its cells by column, or why it could not be read at all. */
export type RawRow =
  | { line: number; values: Record<string, unknown> }
  | { line: number; problem: { field: string; message: string; record?: string } };

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Extension first; otherwise a first line that opens a JSON object means JSON lines. */
export async function detectNominationsFormat(file: string): Promise<NominationsFormat> {
  const lower = file.toLowerCase();
  if (/\.(jsonl|ndjson|json)$/.test(lower)) return 'jsonl';
  if (lower.endsWith('.csv')) return 'csv';
  for await (const { text } of readUtf8Lines(file)) {
    if (text.trim() === '') continue;
    return text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
  }
  return 'csv';
}

async function* jsonRows(file: string): AsyncGenerator<RawRow> {
  for await (const { line, text } of readUtf8Lines(file)) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      yield { line, problem: { field: '', message: `not valid JSON: ${reason}` } };
      continue;
    }
    if (!isObject(value)) {
      yield { line, problem: { field: '', message: 'a nomination line must be a JSON object' } };
      continue;
    }
    yield { line, values: value };
  }
}

/**
 * Refuses a header the README does not document: a misspelt column would otherwise drop a whole
 * column of data without a word.
 */
function checkHeader(cells: string[], file: string): string[] {
  const header = cells.map((cell) => cell.trim().toLowerCase());
  const fail = (field: string, message: string): never => {
    throw new VigilError('LIST_PARSE_FAILED', `${file}: line 1: ${message}`, { file, line: 1, field });
  };
  header.forEach((column, index) => {
    if (column === '') fail(`column ${index + 1}`, `column ${index + 1} has no name`);
    if (!isNominationColumn(column)) fail(column, `unknown column "${cells[index]?.trim()}" (see the nominations README for the columns)`);
    if (header.indexOf(column) !== index) fail(column, `column "${column}" appears twice`);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!header.includes(column)) fail(column, `the required column "${column}" is missing`);
  }
  return header;
}

async function* textLines(file: string): AsyncGenerator<string> {
  for await (const { text } of readUtf8Lines(file)) yield `${text}\n`;
}

function countNewlines(cells: string[]): number {
  let count = 0;
  for (const cell of cells) for (const char of cell) if (char === '\n') count += 1;
  return count;
}

async function* csvRows(file: string): AsyncGenerator<RawRow> {
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, info: true });
  const source = Readable.from(textLines(file));
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let header: string[] | undefined;
  try {
    for await (const chunk of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = chunk;
      // `info.lines` is where the record ends; quoted line breaks say how far back it starts.
      const line = info.lines - countNewlines(record);
      if (header === undefined) {
        header = checkHeader(record, file);
        continue;
      }
      if (record.every((cell) => cell.trim() === '')) continue;
      if (record.length !== header.length) {
        const message = `expected ${header.length} columns, found ${record.length}`;
        const id = record[header.indexOf('id')]?.trim();
        yield { line, problem: id !== undefined && id !== '' ? { field: '', message, record: id } : { field: '', message } };
        continue;
      }
      const values: Record<string, unknown> = {};
      header.forEach((column, index) => {
        values[column] = record[index];
      });
      yield { line, values };
    }
  } catch (error) {
    if (error instanceof VigilError) throw error;
    const line = (error as { lines?: unknown }).lines;
    const details = typeof line === 'number' ? { file, line } : { file };
    const reason = error instanceof Error ? error.message : String(error);
    throw new VigilError('LIST_PARSE_FAILED', `${file}: not readable as CSV: ${reason}`, details, { cause: error });
  } finally {
    source.destroy();
  }
  if (header === undefined) {
    throw new VigilError('LIST_PARSE_FAILED', `${file}: the file is empty; a nominations CSV starts with a header`, { file });
  }
}

export function readRawRows(file: string, format: NominationsFormat): AsyncGenerator<RawRow> {
  return format === 'csv' ? csvRows(file) : jsonRows(file);
}
