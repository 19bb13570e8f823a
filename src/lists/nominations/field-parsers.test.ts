import { describe, expect, it } from 'vitest';
import { FieldError, parseBirthDate, parseDocument } from './field-parsers.js';

describe('parseBirthDate', () => {
  it('reads the documented forms at their precision', () => {
    expect(parseBirthDate('1970')).toEqual({ kind: 'exact', date: '1970' });
    expect(parseBirthDate('1970-05')).toEqual({ kind: 'exact', date: '1970-05' });
    expect(parseBirthDate('2000-02-29')).toEqual({ kind: 'exact', date: '2000-02-29' });
    expect(parseBirthDate('Circa 1970-05')).toEqual({ kind: 'approximate', date: '1970-05', raw: 'Circa 1970-05' });
    expect(parseBirthDate('1965 to 1969')).toEqual({ kind: 'range', from: '1965', to: '1969', raw: '1965 to 1969' });
  });

  it('refuses dates the calendar does not have and text it cannot read', () => {
    for (const bad of ['1970-02-29', '1970-00', '70', 'May 1970', '1969 to 1965', 'circa']) {
      expect(() => parseBirthDate(bad), bad).toThrow(FieldError);
    }
  });
});

describe('parseDocument', () => {
  it('splits the country after the last colon and accepts a bare number', () => {
    expect(parseDocument('AB:12:IQ', 'passport')).toEqual({ type: 'passport', number: 'AB:12', country: 'IQ' });
    expect(parseDocument('123456', 'national_id')).toEqual({ type: 'national_id', number: '123456' });
    expect(() => parseDocument('123:Narnia', 'passport')).toThrow(/Narnia/);
  });
});
