/** A weak alias clause opens with its quote: `a.k.a. 'ABU DU'A'`. */
const QUOTED_ALIAS_START = /^[afn]\.k\.a\.,?\s*'/;
/**
 * OFAC ends Remarks with one period and does not double it after an abbreviation, so a final
 * `S.A.` or `Jr.` keeps its period and `1971.` loses it.
 */
const ENDS_WITH_ABBREVIATION =
  /(?:[\s,(](?:[A-Za-z]\.){2,}|\b(?:Co|Ltd|Inc|Corp|Jr|Sr|Bhd|Pte|Pty|Cia|Est|Dr|St)\.)$/;
/** Longer than any abbreviation the pattern accepts; testing only the tail keeps the scan short. */
const TAIL = 32;

export function stripFinalPeriod(text: string): string {
  if (!text.endsWith('.')) return text;
  const tail = text.length > TAIL ? text.slice(-TAIL) : ` ${text}`;
  return ENDS_WITH_ABBREVIATION.test(tail) ? text : text.slice(0, -1);
}

/** Where a quoted alias starting at `open` (its opening quote) ends: a quote before `;` or the end. */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf("'", open + 1);
  while (at !== -1) {
    const next = text.slice(at + 1).trimStart();
    if (next === '' || next.startsWith(';')) return at;
    at = text.indexOf("'", at + 1);
  }
  return -1;
}

/** True when the text after `from` closes `depth` open parentheses. */
function closesLater(text: string, from: number, depth: number): boolean {
  let open = depth;
  for (let i = from; i < text.length && open > 0; i += 1) {
    if (text[i] === '(') open += 1;
    else if (text[i] === ')') open -= 1;
  }
  return open === 0;
}

/**
 * Where the plain clause starting at `from` ends: the next `;` outside parentheses. OFAC
 * sometimes wraps several `;`-separated statements about one document in a parenthesis (11313);
 * they stay one clause. A parenthesis never closed does not hold the split back.
 */
function plainClauseEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i += 1) {
    const c = text[i];
    if (c === '(') depth += 1;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && (depth === 0 || !closesLater(text, i, depth))) return i;
  }
  return text.length;
}

/**
 * Splits a Remarks value into clauses on `;` (OFAC usually writes `; `, a few records `;`). A
 * parenthesis holds its `;` in, and a quoted weak alias is read to its closing quote first, so
 * an apostrophe or a `;` inside it (`a.k.a. 'ABU DU'A'`) does not cut it.
 */
export function splitRemarks(remarks: string): string[] {
  const text = stripFinalPeriod(remarks.trim());
  const clauses: string[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    let end = -1;
    if (QUOTED_ALIAS_START.test(rest)) {
      const close = closingQuote(text, text.indexOf("'", i));
      if (close !== -1) end = close + 1;
    }
    if (end === -1) end = plainClauseEnd(text, i);
    const clause = text.slice(i, end).trim();
    if (clause !== '') clauses.push(clause);
    i = end;
    while (text[i] === ' ') i += 1;
    if (text[i] === ';') i += 1;
  }
  return clauses;
}
