import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash.js';
import { formatApiKey, newKeyId, newSecret, parseApiKey } from './secrets.js';

describe('API key format', () => {
  it('parses what it formats, even when the secret holds underscores', () => {
    for (let i = 0; i < 50; i += 1) {
      const id = newKeyId();
      const secret = newSecret();
      expect(parseApiKey(formatApiKey(id, secret))).toEqual({ id, secret });
    }
    expect(parseApiKey(`vgl_0123456789abcdef_${'_'.repeat(43)}`)).toEqual({ id: '0123456789abcdef', secret: '_'.repeat(43) });
  });

  it('rejects anything else', () => {
    expect(parseApiKey('')).toBeUndefined();
    expect(parseApiKey(`vgl_0123456789abcdef_${'a'.repeat(42)}`)).toBeUndefined();
    expect(parseApiKey(`xyz_0123456789abcdef_${'a'.repeat(43)}`)).toBeUndefined();
  });
});

describe('password hashes', () => {
  it('carry their parameters and salt, and verify only the right password', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterY', first)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'not a hash')).toBe(false);
  });
});
