import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitUnAlias } from './split-un-alias.js';

describe('splitUnAlias', () => {
  it('splits spellings separated by semicolons or an enumeration marker', () => {
    expect(splitUnAlias('Qasim Soleimani; Qasem Sulaimani')).toEqual(['Qasim Soleimani', 'Qasem Sulaimani']);
    expect(splitUnAlias('Mohammed Sabet; Mohammad Sabet b) M. Javad Sabet')).toEqual(['Mohammed Sabet', 'Mohammad Sabet', 'M. Javad Sabet']);
  });

  it('splits a name followed by the same name in another script', () => {
    expect(splitUnAlias('Jin Tiesan (金铁三)')).toEqual(['Jin Tiesan', '金铁三']);
    expect(splitUnAlias('Abubakar (original script: Абубакар)')).toEqual(['Abubakar', 'Абубакар']);
    expect(splitUnAlias('حسن غول (Hassan Ghul; Hasan Gul)')).toEqual(['حسن غول', 'Hassan Ghul', 'Hasan Gul']);
    expect(splitUnAlias('Akhter Mohmad (اختر محمد ),')).toEqual(['Akhter Mohmad', 'اختر محمد']);
  });

  it('keeps a parenthesis in the same script, and anything nested, as written', () => {
    expect(splitUnAlias('Lord’s Resistance Movement (LRM)')).toEqual(['Lord’s Resistance Movement (LRM)']);
    expect(splitUnAlias('(Sheikh) Musa Hilal')).toEqual(['(Sheikh) Musa Hilal']);
    expect(splitUnAlias('أنصار الشريعة بليبيا (Ansar al Charia in Libya (ASL))')).toEqual(['أنصار الشريعة بليبيا (Ansar al Charia in Libya (ASL))']);
  });

  it('never yields an empty name, nor text the alias does not hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', ';', '(', ')', ',', 'ж', 'ع') }), (value) => {
        for (const name of splitUnAlias(value)) {
          expect(name).not.toBe('');
          expect(value).toContain(name);
        }
      }),
    );
  });
});
