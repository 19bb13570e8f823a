import { describe, expect, it } from 'vitest';
import { newRedressNumber, normaliseRedressNumber, RedressNumber } from './redress-number.js';

describe('redress numbers', () => {
  it('are RN-dddd-dddd-dddd with a check digit, and read back however they are typed', () => {
    const number = newRedressNumber();
    expect(number).toMatch(/^RN-\d{4}-\d{4}-\d{4}$/);
    expect(normaliseRedressNumber(number.toLowerCase().replace(/-/g, ' '))).toBe(number);
    expect(RedressNumber.parse(` ${number.replace(/-/g, '')} `.trim())).toBe(number);
  });

  it('refuses a mistyped digit rather than looking it up', () => {
    const number = newRedressNumber();
    const last = Number(number.at(-1));
    expect(normaliseRedressNumber(`${number.slice(0, -1)}${(last + 1) % 10}`)).toBeUndefined();
    expect(RedressNumber.safeParse('RN-1234').success).toBe(false);
  });
});
