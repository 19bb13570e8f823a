import { toCountryCode } from '../../domain/index.js';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * An FtM date (YYYY, YYYY-MM, YYYY-MM-DD, or a timestamp) as a partial date at the precision the
 * source gives. Undefined when it is not a calendar date.
 */
export function partialDate(value: string): string | undefined {
  const match = DATE.exec(value.trim());
  if (match === null) return undefined;
  const [, year, month, day] = match;
  if (year === undefined) return undefined;
  if (month === undefined) return year;
  const m = Number(month);
  if (m < 1 || m > 12) return undefined;
  if (day === undefined) return `${year}-${month}`;
  const d = Number(day);
  if (d < 1 || d > daysIn(Number(year), m)) return undefined;
  return `${year}-${month}-${day}`;
}

/**
 * FtM writes countries as lower-case alpha-2 plus a few codes of its own for states that no
 * longer exist; those map to the historical codes the domain keeps.
 */
const FTM_HISTORICAL: Readonly<Record<string, string>> = {
  suhh: 'SU',
  yucs: 'YU',
  csxx: 'CS',
  ddde: 'DD',
  anhh: 'AN',
  xk: 'XK',
};

/** An FtM country code or a country name as ISO alpha-2; undefined for regions such as `ge-ab`. */
export function ftmCountry(value: string): string | undefined {
  const trimmed = value.trim();
  return FTM_HISTORICAL[trimmed.toLowerCase()] ?? toCountryCode(trimmed);
}

export function firstValue(values: readonly string[] | undefined): string | undefined {
  return values?.find((value) => value.trim() !== '')?.trim();
}

export function nonEmpty(values: readonly string[] | undefined): string[] {
  if (values === undefined) return [];
  const out: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed !== '' && !out.includes(trimmed)) out.push(trimmed);
  }
  return out;
}
