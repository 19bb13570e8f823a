import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** 32 random bytes, base64url: a session token or an API key secret. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Key ids are hex so the first `_` after `vgl_` always ends the id (base64url may hold `_`). */
export function newKeyId(): string {
  return randomBytes(8).toString('hex');
}

const KEY_PATTERN = /^vgl_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function formatApiKey(id: string, secret: string): string {
  return `vgl_${id}_${secret}`;
}

export function parseApiKey(key: string): { id: string; secret: string } | undefined {
  const match = KEY_PATTERN.exec(key);
  if (match === null) return undefined;
  return { id: match[1] ?? '', secret: match[2] ?? '' };
}

/** Compares two sha256 hex digests in constant time. */
export function sameDigest(aHex: string, bHex: string): boolean {
  const a = Buffer.from(aHex, 'hex');
  const b = Buffer.from(bHex, 'hex');
  return a.length === 32 && b.length === 32 && timingSafeEqual(a, b);
}
