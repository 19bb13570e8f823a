import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying `sha256=<hex>` of HMAC-SHA256(secret, raw body). */
export const SIGNATURE_HEADER = 'x-vigil-signature';
/** The header carrying the send time in whole seconds since the epoch. */
export const TIMESTAMP_HEADER = 'x-vigil-timestamp';
export const EVENT_HEADER = 'x-vigil-event';
export const DELIVERY_HEADER = 'x-vigil-delivery';

/** `sha256=<hex>` of HMAC-SHA256 over the raw body bytes. */
export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Checks a received `X-Vigil-Signature` against the raw body, in constant time. Receivers
 * should also reject a body whose event id they have already handled: retries resend it.
 */
export function verifySignature(secret: string, body: string | Buffer, header: string | undefined): boolean {
  if (header === undefined || !/^sha256=[0-9a-f]{64}$/.test(header)) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
