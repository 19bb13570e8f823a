import { describe, expect, it } from 'vitest';
import { splitPersonName } from './person-name.js';

describe('splitPersonName', () => {
  it('splits FAMILY, Given and keeps a leading honorific as a title (12926)', () => {
    expect(splitPersonName("AL-BADRI, Dr. Ibrahim 'Awwad Ibrahim 'Ali")).toEqual([
      { role: 'family', value: 'AL-BADRI' },
      { role: 'title', value: 'Dr.' },
      { role: 'given', value: "Ibrahim 'Awwad Ibrahim 'Ali" },
    ]);
  });

  it('reads a suffix after a second comma (LAVILLA, Ruben Pestano, Jr.)', () => {
    expect(splitPersonName('LAVILLA, Ruben Pestano, Jr.')).toEqual([
      { role: 'family', value: 'LAVILLA' },
      { role: 'given', value: 'Ruben Pestano' },
      { role: 'suffix', value: 'Jr.' },
    ]);
  });

  it('gives no parts to a name without the FAMILY, Given shape', () => {
    expect(splitPersonName("ABU DU'A")).toBeUndefined();
    expect(splitPersonName('A, B, C')).toBeUndefined();
  });
});
