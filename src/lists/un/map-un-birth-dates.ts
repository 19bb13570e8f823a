import type { BirthDate } from '../../domain/index.js';
import { UnFieldError } from './un-field-error.js';
import { childText, childrenNamed, type UnNode } from './un-node.js';

const FIELD = 'INDIVIDUAL_DATE_OF_BIRTH';
const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

export interface UnBirthDates {
  birthDates: BirthDate[];
  /** Dates only a note states ("30-35 years old"), kept for people to read. */
  remarks: string[];
}

/**
 * Maps every INDIVIDUAL_DATE_OF_BIRTH: EXACT (DATE or YEAR), APPROXIMATELY, BETWEEN
 * (FROM_YEAR/TO_YEAR), a bare YEAR without a type, and a NOTE that is only a month and year.
 *
 * A DATE on 1 January is read as the year alone (the source text stays in `raw`): the UN writes
 * YYYY-01-01 where only the year is known, about thirty times more often than chance, and often
 * beside a YEAR entry of the same year. Keeping the day would make a true match look like a
 * mismatch on the day.
 */
export function mapUnBirthDates(record: UnNode): UnBirthDates {
  const birthDates: BirthDate[] = [];
  const remarks: string[] = [];
  const seen = new Set<string>();
  for (const node of childrenNamed(record, FIELD)) {
    const mapped = mapOne(node);
    if (mapped === undefined) continue;
    if (typeof mapped === 'string') {
      remarks.push(mapped);
      continue;
    }
    const key = mapped.kind === 'range' ? `range:${mapped.from}:${mapped.to}` : `${mapped.kind}:${mapped.date}`;
    if (seen.has(key)) continue;
    seen.add(key);
    birthDates.push(mapped);
  }
  return { birthDates, remarks };
}

function mapOne(node: UnNode): BirthDate | string | undefined {
  const type = (childText(node, 'TYPE_OF_DATE') ?? '').toUpperCase();
  const note = childText(node, 'NOTE');
  const kind = type === 'APPROXIMATELY' ? 'approximate' : 'exact';
  const from = childText(node, 'FROM_YEAR');
  const to = childText(node, 'TO_YEAR');
  if (from !== undefined || to !== undefined) {
    if (from === undefined || to === undefined) {
      throw new UnFieldError(`${FIELD}/${from === undefined ? 'FROM_YEAR' : 'TO_YEAR'}`, 'a range needs FROM_YEAR and TO_YEAR');
    }
    return withRaw({ kind: 'range', from: year(from, 'FROM_YEAR'), to: year(to, 'TO_YEAR') }, note);
  }
  const date = childText(node, 'DATE');
  if (date !== undefined) {
    const day = fullDate(date);
    if (day.endsWith('-01-01')) return { kind, date: day.slice(0, 4), raw: joinRaw(day, note) };
    return withRaw({ kind, date: day }, note);
  }
  const yearText = childText(node, 'YEAR');
  if (yearText !== undefined) {
    const month = note === undefined ? undefined : monthOf(note);
    const value = year(yearText, 'YEAR');
    if (month !== undefined && month.year === undefined) return { kind, date: `${value}-${month.month}`, raw: `${note} ${value}` };
    return withRaw({ kind, date: value }, note);
  }
  if (note === undefined) return undefined;
  const month = monthOf(note);
  if (month?.year !== undefined) return { kind, date: `${month.year}-${month.month}`, raw: note };
  return kind === 'approximate' ? `Date of birth (approximately): ${note}` : `Date of birth: ${note}`;
}

function withRaw(date: BirthDate, note: string | undefined): BirthDate {
  return note === undefined ? date : { ...date, raw: note };
}

function joinRaw(date: string, note: string | undefined): string {
  return note === undefined ? date : `${date} (${note})`;
}

function year(value: string, field: string): string {
  if (!/^\d{4}$/.test(value)) throw new UnFieldError(`${FIELD}/${field}`, `"${value}" is not a year (YYYY)`);
  return value;
}

function fullDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (match === null || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new UnFieldError(`${FIELD}/DATE`, `"${value}" is not a date (YYYY-MM-DD)`);
  }
  return value;
}

/** "Nov. 1973", "August 1961", "Sep." -> month (and year when given). */
function monthOf(note: string): { month: string; year?: string } | undefined {
  const match = /^([a-z]+)\.?(?:\s+(\d{4}))?$/i.exec(note);
  const token = (match?.[1] ?? '').toLowerCase();
  const index = MONTHS.findIndex((name) => name === token || name.slice(0, 3) === token || (token === 'sept' && name === 'september'));
  if (match === null || index < 0) return undefined;
  const month = String(index + 1).padStart(2, '0');
  return match[2] === undefined ? { month } : { month, year: match[2] };
}
