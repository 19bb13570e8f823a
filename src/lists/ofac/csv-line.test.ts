import { describe, expect, it } from 'vitest';
import { splitCsvLine } from './csv-line.js';

describe('splitCsvLine', () => {
  it('reads quoted and unquoted OFAC fields, keeping commas and apostrophes inside quotes', () => {
    const line = `12926,"AL-BADRI, Dr. Ibrahim 'Awwad Ibrahim 'Ali","individual","SDGT",-0- ,"x ""y"""`;
    expect(splitCsvLine(line)).toEqual({
      ok: true,
      fields: ['12926', "AL-BADRI, Dr. Ibrahim 'Awwad Ibrahim 'Ali", 'individual', 'SDGT', '-0- ', 'x "y"'],
    });
  });

  it('keeps empty fields, quoted or not', () => {
    expect(splitCsvLine('1,,"",x')).toEqual({ ok: true, fields: ['1', '', '', 'x'] });
  });

  it('names the field where an unterminated quote opens', () => {
    expect(splitCsvLine('103,"UNCLOSED QUOTE CO.,-0- ,SDGT')).toEqual({
      ok: false,
      message: 'unterminated quoted field',
      fieldIndex: 1,
    });
  });

  it('rejects text after a closing quote and a quote inside an unquoted field', () => {
    expect(splitCsvLine('104,"JUNK"AFTER,x')).toMatchObject({ ok: false, fieldIndex: 1 });
    expect(splitCsvLine('104,JU"NK,x')).toMatchObject({ ok: false, fieldIndex: 1, message: 'quote inside an unquoted field' });
  });
});
