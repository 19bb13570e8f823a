import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { VigilError } from '../domain/index.js';

export type ListFormat = 'ofac-sdn' | 'ofac-cons' | 'un-sc' | 'ftm' | 'ftm-delta' | 'nominations';
export type OfacRole = 'primary' | 'aliases' | 'addresses';

export interface DetectedFile {
  path: string;
  format: ListFormat;
  /** For the OFAC CSV trio: which file of the three this is. */
  ofacRole?: OfacRole;
}

const HEAD_BYTES = 4096;

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw new VigilError('INVALID_INPUT', `cannot open ${path}`, { file: path }, { cause: error });
  });
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** OFAC publishes fixed file names; dated copies keep the stem (`sdn_2021-07.csv`). */
export function ofacRoleFromName(path: string): { format: 'ofac-sdn' | 'ofac-cons'; role: OfacRole } | undefined {
  const name = basename(path).toLowerCase();
  const cons = /^cons_(prim|add|alt)\b/.exec(name);
  if (cons !== null) {
    const roles: Record<string, OfacRole> = { prim: 'primary', add: 'addresses', alt: 'aliases' };
    return { format: 'ofac-cons', role: roles[cons[1] ?? 'prim'] ?? 'primary' };
  }
  const sdn = /^(sdn|add|alt)(?=[._\-\d]|$)/.exec(name);
  if (sdn !== null) {
    const roles: Record<string, OfacRole> = { sdn: 'primary', add: 'addresses', alt: 'aliases' };
    return { format: 'ofac-sdn', role: roles[sdn[1] ?? 'sdn'] ?? 'primary' };
  }
  return undefined;
}

function looksLikeOfacRow(firstLine: string): boolean {
  return /^\d+,/.test(firstLine);
}

function firstJsonLine(head: string): Record<string, unknown> | undefined {
  const line = head.split(/\r?\n/).find((candidate) => candidate.trim() !== '');
  if (line === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    // A first line longer than the head, or not JSON at all: the caller reports the format as unknown.
    return undefined;
  }
}

/** Detects a list file's format from its name and first bytes. */
export async function detectFormat(path: string): Promise<DetectedFile> {
  const head = (await readHead(path)).replace(/^\uFEFF/, '');
  const trimmed = head.trimStart();
  if (trimmed.startsWith('<')) {
    if (/<CONSOLIDATED_LIST[\s>]/.test(head)) return { path, format: 'un-sc' };
    throw new VigilError('LIST_FORMAT_UNKNOWN', `${path}: XML, but not the UN Security Council consolidated list`, { file: path });
  }
  if (trimmed.startsWith('{')) {
    const record = firstJsonLine(trimmed);
    if (record !== undefined) {
      if (typeof record.op === 'string' && 'entity' in record) return { path, format: 'ftm-delta' };
      if (typeof record.schema === 'string' && 'properties' in record) return { path, format: 'ftm' };
      return { path, format: 'nominations' };
    }
    throw new VigilError('LIST_FORMAT_UNKNOWN', `${path}: line 1 is not a JSON object`, { file: path, line: 1 });
  }
  const firstLine = head.split(/\r?\n/)[0] ?? '';
  const byName = ofacRoleFromName(path);
  if (byName !== undefined && looksLikeOfacRow(firstLine)) {
    return { path, format: byName.format, ofacRole: byName.role };
  }
  if (looksLikeOfacRow(firstLine)) return { path, format: 'ofac-sdn', ofacRole: 'primary' };
  if (/(^|,)"?name"?(,|$)/i.test(firstLine)) return { path, format: 'nominations' };
  throw new VigilError(
    'LIST_FORMAT_UNKNOWN',
    `${path}: cannot tell which list this is; pass --source (ofac-sdn, ofac-cons, un-sc, ftm, nominations)`,
    { file: path },
  );
}
