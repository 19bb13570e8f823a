import type { BirthDate } from '../../domain/index.js';
import { parseOfacDate } from './ofac-date.js';

function range(fromText: string, toText: string, raw: string): BirthDate | undefined {
  const from = parseOfacDate(fromText);
  const to = parseOfacDate(toText);
  if (from === undefined || to === undefined || from > to) return undefined;
  return { kind: 'range', from, to, raw };
}

/**
 * Reads the value of a `DOB` clause: `1971`, `05 Oct 1961`, `Oct 1961` (exact, at the precision
 * written), `circa 1970` (approximate), `1965 to 1969` or `01 Jan 1960 to 31 Dec 1962` (range),
 * `circa 1960-1962` (a range). Returns undefined when the text is none of these.
 */
export function parseBirthDate(value: string): BirthDate | undefined {
  const raw = value.trim();
  const circa = /^circa\s+(.+)$/i.exec(raw);
  if (circa?.[1] !== undefined) {
    const years = /^(\d{4})\s*-\s*(\d{4})$/.exec(circa[1]);
    if (years?.[1] !== undefined && years[2] !== undefined) return range(years[1], years[2], raw);
    const date = parseOfacDate(circa[1]);
    return date === undefined ? undefined : { kind: 'approximate', date, raw };
  }
  const span = /^(.+?)\s+to\s+(.+)$/.exec(raw);
  if (span?.[1] !== undefined && span[2] !== undefined) return range(span[1], span[2], raw);
  const date = parseOfacDate(raw);
  return date === undefined ? undefined : { kind: 'exact', date, raw };
}
