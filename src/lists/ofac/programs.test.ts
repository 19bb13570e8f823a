import { describe, expect, it } from 'vitest';
import { parsePrograms } from './programs.js';

describe('parsePrograms', () => {
  it('reads one program and the bracketed list the CSV keeps (12057)', () => {
    expect(parsePrograms('SDGT')).toEqual([{ authority: 'OFAC', program: 'SDGT' }]);
    expect(parsePrograms('SDGT] [NPWMD] [IRGC').map((listing) => listing.program)).toEqual(['SDGT', 'NPWMD', 'IRGC']);
    expect(parsePrograms('[SDGT] [IRGC]').map((listing) => listing.program)).toEqual(['SDGT', 'IRGC']);
    expect(parsePrograms('')).toEqual([]);
  });
});
