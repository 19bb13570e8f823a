import { toCountryCode, type BirthDate, type EntitySchema, type Gender, type IdentityDocument } from '../../domain/index.js';

/** A field value that failed; the message says what was expected. */
export class FieldError extends Error {}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** YYYY, YYYY-MM or YYYY-MM-DD, checked against the calendar. */
export function parsePartialDate(value: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  const fail = (): never => {
    throw new FieldError(`${JSON.stringify(value)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  };
  if (match === null) return fail();
  const [, year, month, day] = match;
  if (month !== undefined) {
    const m = Number(month);
    if (m < 1 || m > 12) return fail();
    if (day !== undefined && (Number(day) < 1 || Number(day) > daysIn(Number(year), m))) return fail();
  }
  return value.trim();
}

const CIRCA = /^(?:circa|ca\.?|c\.|approx\.?|about)\s+(.+)$/i;
const RANGE = /^(.+?)\s+(?:to|-|–)\s+(.+)$/i;

/** `1970-05-01`, `circa 1970`, `1965 to 1969`. */
export function parseBirthDate(raw: string): BirthDate {
  const value = raw.trim();
  const circa = CIRCA.exec(value);
  if (circa !== null) return { kind: 'approximate', date: parsePartialDate(circa[1] ?? ''), raw: value };
  const range = RANGE.exec(value);
  if (range !== null) {
    const from = parsePartialDate(range[1] ?? '');
    const to = parsePartialDate(range[2] ?? '');
    if (from > to) throw new FieldError(`${JSON.stringify(value)}: the range ends before it starts`);
    return { kind: 'range', from, to, raw: value };
  }
  return { kind: 'exact', date: parsePartialDate(value) };
}

export function parseCountry(value: string): string {
  const code = toCountryCode(value);
  if (code === undefined) throw new FieldError(`${JSON.stringify(value)} is not a country (alpha-2 code or English name)`);
  return code;
}

const SCHEMATA: Readonly<Record<string, EntitySchema>> = {
  person: 'Person',
  individual: 'Person',
  organization: 'Organization',
  organisation: 'Organization',
  entity: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Aircraft',
};

export function parseSchema(value: string): EntitySchema {
  const schema = SCHEMATA[value.trim().toLowerCase()];
  if (schema === undefined) throw new FieldError(`${JSON.stringify(value)} is not Person, Organization, Vessel or Aircraft`);
  return schema;
}

const GENDERS: Readonly<Record<string, Gender>> = { male: 'male', m: 'male', female: 'female', f: 'female', other: 'other' };

export function parseGender(value: string): Gender {
  const gender = GENDERS[value.trim().toLowerCase()];
  if (gender === undefined) throw new FieldError(`${JSON.stringify(value)} is not male, female or other`);
  return gender;
}

/** `NUMBER:CC` or a bare `NUMBER`; the country after the last colon may also be a name. */
export function parseDocument(value: string, type: IdentityDocument['type']): IdentityDocument {
  const colon = value.lastIndexOf(':');
  if (colon === -1) return { type, number: value.trim() };
  const number = value.slice(0, colon).trim();
  if (number === '') throw new FieldError(`${JSON.stringify(value)} has no number before the colon`);
  return { type, number, country: parseCountry(value.slice(colon + 1)) };
}
