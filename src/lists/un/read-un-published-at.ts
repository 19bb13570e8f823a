import { closeSync, openSync, readSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { VigilError } from '../../domain/index.js';
import { UN_ROOT } from './read-un-records.js';

/** The root start tag sits in the first few hundred bytes; this bounds the read generously. */
const HEAD_BYTES = 64 * 1024;

/**
 * The `dateGenerated` attribute of the root, read from the head of the file without streaming
 * the rest. Undefined when the head holds no well-formed CONSOLIDATED_LIST start tag or declares
 * entities; reading the records then reports why.
 */
export function readUnPublishedAt(file: string): string | undefined {
  const buffer = Buffer.alloc(HEAD_BYTES);
  let length: number;
  try {
    const descriptor = openSync(file, 'r');
    try {
      length = readSync(descriptor, buffer, 0, HEAD_BYTES, 0);
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    throw new VigilError('LIST_PARSE_FAILED', `${file}: the file could not be read`, { file }, { cause: error });
  }
  const parser = new SaxesParser<{ position: false; xmlns: false }>({ position: false, xmlns: false });
  let published: string | undefined;
  let failed = false;
  let done = false;
  // An error handler makes saxes continue; only a problem before the root start tag matters here.
  parser.on('error', () => {
    if (!done) failed = true;
  });
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) failed = true;
  });
  parser.on('opentag', (tag) => {
    if (done || failed) return;
    done = true;
    if (tag.name === UN_ROOT) published = tag.attributes['dateGenerated'];
  });
  parser.write(buffer.toString('utf8', 0, length));
  return failed ? undefined : published;
}
