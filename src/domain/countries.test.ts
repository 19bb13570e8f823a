import { describe, expect, it } from 'vitest';
import { toCountryCode } from './countries.js';

describe('toCountryCode', () => {
  it.each([
    ['Iraq', 'IQ'],
    ['IRQ', 'IQ'],
    ['iq', 'IQ'],
    ['Democratic Republic of the Congo', 'CD'],
    ['Congo, Republic of the', 'CG'],
    ['Iran (Islamic Republic of)', 'IR'],
    ['Syrian Arab Republic', 'SY'],
    ['Korea, North', 'KP'],
    ["Democratic People's Republic of Korea", 'KP'],
    ['Russian Federation', 'RU'],
    ['Côte d\u2019Ivoire', 'CI'],
    ['Bahamas, The', 'BS'],
    ['China, Hong Kong Special Administrative Region', 'HK'],
    ['Soviet Union', 'SU'],
  ])('reads the list spelling %s as %s', (spelling, code) => {
    expect(toCountryCode(spelling)).toBe(code);
  });

  it('says nothing rather than guess', () => {
    expect(toCountryCode('Atlantis')).toBeUndefined();
    expect(toCountryCode('QQ')).toBeUndefined();
    expect(toCountryCode('')).toBeUndefined();
  });
});
