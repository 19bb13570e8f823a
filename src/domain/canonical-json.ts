import { createHash } from 'node:crypto';

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => (item === undefined ? null : sortedCopy(item)));
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member !== undefined) copy[key] = sortedCopy(member);
  }
  return copy;
}

/**
 * JSON with object keys sorted at every depth and undefined members left out, so equal values
 * always give equal text (and an equal content hash) whatever order an adapter built them in.
 * Entity content hashes and the audit hash chain both depend on it: never change its output.
 * Array order is kept: it is part of the value. (A sorted copy then one JSON.stringify is
 * faster than assembling the text piece by piece.)
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value)) ?? 'null';
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
