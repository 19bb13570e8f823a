import { createWriteStream } from 'node:fs';
import { basename, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { VigilError } from '../domain/index.js';

/**
 * A file name as the uploader gave it, reduced to something safe to create in our own temporary
 * directory. The name matters: the OFAC trio is grouped by it (sdn_X.csv, alt_X.csv, add_X.csv).
 */
export function safeFileName(name: string | undefined, fallback: string): string {
  const base = basename((name ?? '').replace(/\\/g, '/')).replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  return base === '' ? fallback : base.slice(0, 128);
}

function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) callback(new VigilError('PAYLOAD_TOO_LARGE', `the upload is larger than the import limit of ${limit} bytes`, { limit }));
      else callback(null, chunk);
    },
  });
}

async function saveStream(stream: Readable, path: string, limit: number): Promise<void> {
  await pipeline(stream, byteLimit(limit), createWriteStream(path, { flags: 'wx', mode: 0o600 }));
}

/**
 * Writes the uploaded list file(s) into `dir` and returns their paths, in upload order. A raw
 * body (`application/octet-stream`) is one file named by `fileName`; a multipart body may
 * carry several files (the OFAC trio), each under its own name. Nothing is held in memory.
 */
export async function saveUpload(request: FastifyRequest, dir: string, options: { fileName?: string; limit: number }): Promise<string[]> {
  const paths: string[] = [];
  if (request.isMultipart()) {
    let total = 0;
    for await (const part of request.parts({ limits: { fileSize: options.limit, files: 10, fields: 0 } })) {
      if (part.type !== 'file') {
        throw new VigilError('INVALID_INPUT', `unexpected form field "${part.fieldname}": send only files (options go in the query string)`, { field: part.fieldname });
      }
      const name = safeFileName(part.filename, `upload-${paths.length + 1}`);
      const path = join(dir, name);
      if (paths.includes(path)) throw new VigilError('INVALID_INPUT', `two uploaded files are named ${name}`, { file: name });
      await saveStream(part.file, path, options.limit - total);
      total += part.file.bytesRead;
      paths.push(path);
    }
  } else if (request.body !== undefined && request.body !== null && typeof (request.body as Readable).pipe === 'function') {
    const path = join(dir, safeFileName(options.fileName, 'upload'));
    await saveStream(request.body as Readable, path, options.limit);
    paths.push(path);
  }
  if (paths.length === 0) throw new VigilError('INVALID_INPUT', 'no file was uploaded: send the list as the body (application/octet-stream) or as multipart files', { field: 'body' });
  return paths;
}
