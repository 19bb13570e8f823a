import { describe, expect, it } from 'vitest';
import { resolveUnCountry } from './resolve-un-country.js';

describe('resolveUnCountry', () => {
  it('resolves the spellings the UN list uses', () => {
    expect(resolveUnCountry('Democratic Republic of the Congo')).toEqual({ kind: 'code', code: 'CD' });
    expect(resolveUnCountry('Iran (Islamic Republic of)')).toEqual({ kind: 'code', code: 'IR' });
    expect(resolveUnCountry("Democratic People's Republic of Korea")).toEqual({ kind: 'code', code: 'KP' });
    expect(resolveUnCountry('Türkiye')).toEqual({ kind: 'code', code: 'TR' });
    expect(resolveUnCountry('China, Hong Kong Special Administrative Region')).toEqual({ kind: 'code', code: 'HK' });
    expect(resolveUnCountry('British Virgin Islands')).toEqual({ kind: 'code', code: 'VG' });
    expect(resolveUnCountry('former Soviet Union')).toEqual({ kind: 'code', code: 'SU' });
  });

  it('reads "na" as no country, not Namibia, and keeps unknown names', () => {
    expect(resolveUnCountry('na')).toEqual({ kind: 'none' });
    expect(resolveUnCountry('Atlantis')).toEqual({ kind: 'unresolved', text: 'Atlantis' });
  });
});
