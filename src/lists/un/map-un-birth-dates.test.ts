import { describe, expect, it } from 'vitest';
import { mapUnBirthDates } from './map-un-birth-dates.js';
import { UnFieldError } from './un-field-error.js';
import type { UnNode } from './un-node.js';

/** Builds a record tree: `node('DOB', [node('YEAR', '1970')])`. */
function node(name: string, content: string | UnNode[] = ''): UnNode {
  return typeof content === 'string' ? { name, text: content, children: [] } : { name, text: '', children: content };
}

const dob = (fields: Record<string, string>) =>
  node('INDIVIDUAL_DATE_OF_BIRTH', Object.entries(fields).map(([name, text]) => node(name, text)));
const map = (...dates: Record<string, string>[]) => mapUnBirthDates(node('INDIVIDUAL', dates.map(dob)));

describe('mapUnBirthDates', () => {
  it('reads EXACT dates and years, APPROXIMATELY years and BETWEEN ranges', () => {
    expect(map({ TYPE_OF_DATE: 'EXACT', DATE: '1978-04-28' }).birthDates).toEqual([{ kind: 'exact', date: '1978-04-28' }]);
    expect(map({ TYPE_OF_DATE: 'EXACT', YEAR: '1971' }).birthDates).toEqual([{ kind: 'exact', date: '1971' }]);
    expect(map({ TYPE_OF_DATE: 'APPROXIMATELY', YEAR: '1966' }).birthDates).toEqual([{ kind: 'approximate', date: '1966' }]);
    expect(map({ TYPE_OF_DATE: 'BETWEEN', FROM_YEAR: '1973', TO_YEAR: '1974' }).birthDates).toEqual([{ kind: 'range', from: '1973', to: '1974' }]);
  });

  it('reads a bare YEAR without a type as exact', () => {
    expect(map({ YEAR: '1960' }).birthDates).toEqual([{ kind: 'exact', date: '1960' }]);
  });

  it('reads 1 January as the year alone and merges it with the same year', () => {
    expect(map({ TYPE_OF_DATE: 'EXACT', DATE: '1964-01-01' }).birthDates).toEqual([{ kind: 'exact', date: '1964', raw: '1964-01-01' }]);
    expect(map({ TYPE_OF_DATE: 'EXACT', YEAR: '1967' }, { TYPE_OF_DATE: 'EXACT', DATE: '1967-01-01' }).birthDates).toEqual([
      { kind: 'exact', date: '1967' },
    ]);
  });

  it('reads a month from a note, alone or with a YEAR', () => {
    expect(map({ TYPE_OF_DATE: 'EXACT', NOTE: 'August 1961 ' }).birthDates).toEqual([{ kind: 'exact', date: '1961-08', raw: 'August 1961' }]);
    expect(map({ TYPE_OF_DATE: 'EXACT', YEAR: '1958', NOTE: 'Sep.' }).birthDates).toEqual([{ kind: 'exact', date: '1958-09', raw: 'Sep. 1958' }]);
  });

  it('keeps a note that is no date as a remark and skips an empty entry', () => {
    expect(map({ TYPE_OF_DATE: 'APPROXIMATELY', NOTE: '30-35 years old' })).toEqual({
      birthDates: [],
      remarks: ['Date of birth (approximately): 30-35 years old'],
    });
    expect(map({ TYPE_OF_DATE: '' })).toEqual({ birthDates: [], remarks: [] });
  });

  it('names the field of a value that is no date', () => {
    expect(() => map({ TYPE_OF_DATE: 'EXACT', DATE: '28/04/1978' })).toThrow(UnFieldError);
    expect(() => map({ TYPE_OF_DATE: 'EXACT', YEAR: '19xx' })).toThrow(expect.objectContaining({ field: 'INDIVIDUAL_DATE_OF_BIRTH/YEAR' }));
    expect(() => map({ TYPE_OF_DATE: 'BETWEEN', FROM_YEAR: '1970' })).toThrow(expect.objectContaining({ field: 'INDIVIDUAL_DATE_OF_BIRTH/TO_YEAR' }));
  });
});
