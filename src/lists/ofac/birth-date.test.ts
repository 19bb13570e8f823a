import { describe, expect, it } from 'vitest';
import { parseBirthDate } from './birth-date.js';

// Every value below is copied from a DOB clause of the published SDN files (ent_num noted).
describe('parseBirthDate', () => {
  it('reads a year alone as exact to the year (12926: DOB 1971)', () => {
    expect(parseBirthDate('1971')).toEqual({ kind: 'exact', date: '1971', raw: '1971' });
  });

  it('reads day month year (30219: DOB 05 Oct 1961)', () => {
    expect(parseBirthDate('05 Oct 1961')).toMatchObject({ kind: 'exact', date: '1961-10-05' });
  });

  it('reads month and year to the month (6862: DOB Sep 1938)', () => {
    expect(parseBirthDate('Sep 1938')).toMatchObject({ kind: 'exact', date: '1938-09' });
  });

  it('reads circa as approximate (7782: DOB circa 1951; 7929: DOB circa 07 Jul 1966)', () => {
    expect(parseBirthDate('circa 1951')).toMatchObject({ kind: 'approximate', date: '1951' });
    expect(parseBirthDate('circa 07 Jul 1966')).toMatchObject({ kind: 'approximate', date: '1966-07-07' });
  });

  it('reads ranges of years, days and months (12057, 15962, 23470)', () => {
    expect(parseBirthDate('1951 to 1953')).toMatchObject({ kind: 'range', from: '1951', to: '1953' });
    expect(parseBirthDate('01 Jan 1961 to 31 Dec 1962')).toMatchObject({
      kind: 'range',
      from: '1961-01-01',
      to: '1962-12-31',
    });
    expect(parseBirthDate('Mar 1962 to Feb 1963')).toMatchObject({ kind: 'range', from: '1962-03', to: '1963-02' });
  });

  it('reads circa with a span of years as a range (11748: DOB circa 1979-1982)', () => {
    expect(parseBirthDate('circa 1979-1982')).toEqual({ kind: 'range', from: '1979', to: '1982', raw: 'circa 1979-1982' });
  });

  it('refuses impossible and unknown forms so the clause stays in remarks', () => {
    expect(parseBirthDate('31 Feb 1970')).toBeUndefined();
    expect(parseBirthDate('1970 to 1965')).toBeUndefined();
    expect(parseBirthDate('unknown')).toBeUndefined();
    expect(parseBirthDate('1970s')).toBeUndefined();
  });
});
