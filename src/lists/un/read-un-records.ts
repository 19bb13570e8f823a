import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import { VigilError, isVigilError } from '../../domain/index.js';
import type { UnNode } from './un-node.js';

export const UN_ROOT = 'CONSOLIDATED_LIST';
const RECORD_ELEMENTS = new Set(['INDIVIDUAL', 'ENTITY']);
/** A real record is a few kilobytes; far more is a hostile or broken file, not a record. */
const MAX_RECORD_CHARS = 1_000_000;

type UnParserOptions = { position: true; xmlns: false };

export interface UnRawRecord {
  node: UnNode;
  /** 1-based line of the record's start tag. */
  line: number;
}

export interface ReadUnRecordsOptions {
  /** Called once with the root element's attributes (dateGenerated). */
  onRoot?: (attributes: Readonly<Record<string, string>>) => void;
}

/**
 * Streams the INDIVIDUAL and ENTITY elements of a UN consolidated list as small trees, one at a
 * time, from file chunks. Entities are never expanded: a DOCTYPE that declares any, or a
 * reference to an entity XML does not predefine, stops the file with LIST_PARSE_FAILED, as does
 * XML that is not well-formed (a truncated file), naming the file, line and column.
 */
export async function* readUnRecords(file: string, options: ReadUnRecordsOptions = {}): AsyncGenerator<UnRawRecord> {
  const parser = new SaxesParser<UnParserOptions>({ position: true, xmlns: false });
  const ready: UnRawRecord[] = [];
  const open: UnNode[] = [];
  let depth = 0;
  let recordLine = 0;
  let recordChars = 0;
  const fail = (message: string): VigilError =>
    new VigilError('LIST_PARSE_FAILED', `${file}, line ${parser.line}: ${message}`, { file, line: parser.line });

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) throw fail('the DOCTYPE declares entities; a UN list has none, and they are not expanded');
  });
  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth === 1) {
      if (tag.name !== UN_ROOT) {
        throw new VigilError('LIST_FORMAT_UNKNOWN', `${file}: the root element is <${tag.name}>, not <${UN_ROOT}>`, { file, line: parser.line });
      }
      options.onRoot?.(tag.attributes);
      return;
    }
    const parent = open.at(-1);
    if (parent === undefined && !RECORD_ELEMENTS.has(tag.name)) return;
    const node: UnNode = { name: tag.name, text: '', children: [] };
    if (parent === undefined) {
      recordLine = parser.line;
      recordChars = 0;
    } else {
      parent.children.push(node);
    }
    open.push(node);
  });
  const onText = (text: string): void => {
    const node = open.at(-1);
    if (node === undefined) return;
    recordChars += text.length;
    if (recordChars > MAX_RECORD_CHARS) throw fail(`a record starting at line ${recordLine} is larger than ${MAX_RECORD_CHARS} characters`);
    node.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    depth -= 1;
    const node = open.pop();
    if (node !== undefined && open.length === 0) ready.push({ node, line: recordLine });
  });

  const stream = createReadStream(file, { encoding: 'utf8' });
  try {
    for await (const chunk of stream) {
      write(parser, chunk as string, file);
      yield* ready.splice(0);
    }
  } catch (error) {
    if (isVigilError(error)) throw error;
    throw new VigilError('LIST_PARSE_FAILED', `${file}: the file could not be read`, { file }, { cause: error });
  } finally {
    stream.destroy();
  }
  write(parser, null, file);
  yield* ready.splice(0);
}

function write(parser: SaxesParser<UnParserOptions>, chunk: string | null, file: string): void {
  try {
    if (chunk === null) parser.close();
    else parser.write(chunk);
  } catch (error) {
    if (isVigilError(error)) throw error;
    const reason = error instanceof Error ? error.message.replace(/^\d+:\d+: /, '') : String(error);
    throw new VigilError(
      'LIST_PARSE_FAILED',
      `${file}, line ${parser.line}, column ${parser.column}: not well-formed XML (${reason})`,
      { file, line: parser.line, column: parser.column },
      { cause: error },
    );
  }
}
