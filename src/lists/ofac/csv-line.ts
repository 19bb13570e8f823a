export type CsvLineResult =
  | { ok: true; fields: string[] }
  | { ok: false; message: string; /** 0-based index of the field where reading failed. */ fieldIndex: number };

/**
 * Splits one line of RFC 4180 CSV (comma, `"` quotes, `""` escapes). OFAC's legacy files hold one
 * record per line (checked over every published file in ../shared/data), so a record that breaks
 * here is reported alone and the next line starts clean: a stream parser that let an unclosed
 * quote run across lines would swallow the records after it.
 */
export function splitCsvLine(text: string): CsvLineResult {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    const fieldIndex = fields.length;
    if (text[i] === '"') {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return { ok: false, message: 'unterminated quoted field', fieldIndex };
        value += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      fields.push(value);
      if (i === text.length) return { ok: true, fields };
      if (text[i] !== ',') {
        return { ok: false, message: `unexpected ${JSON.stringify(text[i])} after a closing quote`, fieldIndex };
      }
      i += 1;
    } else {
      const comma = text.indexOf(',', i);
      const end = comma === -1 ? text.length : comma;
      const value = text.slice(i, end);
      if (value.includes('"')) return { ok: false, message: 'quote inside an unquoted field', fieldIndex };
      fields.push(value);
      if (comma === -1) return { ok: true, fields };
      i = comma + 1;
    }
  }
}
