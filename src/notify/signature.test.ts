import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from './signature.js';

describe('webhook signatures', () => {
  const body = '{"id":"evt-1","type":"advisory.published"}';

  it('is HMAC-SHA256 of the raw body, as a receiver computes it', () => {
    const hex = createHmac('sha256', 's3cret').update(body).digest('hex');
    expect(signBody('s3cret', body)).toBe(`sha256=${hex}`);
    expect(verifySignature('s3cret', body, `sha256=${hex}`)).toBe(true);
  });

  it('fails for another secret, another body or a malformed header', () => {
    const header = signBody('s3cret', body);
    expect(verifySignature('other', body, header)).toBe(false);
    expect(verifySignature('s3cret', `${body} `, header)).toBe(false);
    expect(verifySignature('s3cret', body, undefined)).toBe(false);
    expect(verifySignature('s3cret', body, header.slice(0, -2))).toBe(false);
  });
});
