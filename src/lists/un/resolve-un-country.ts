import { toCountryCode } from '../../domain/index.js';

/**
 * UN spellings `toCountryCode` does not know yet (keys lower-cased). Candidates for
 * src/domain/countries.ts; kept here until they move there.
 */
const UN_SPELLINGS: Record<string, string> = {
  'china, hong kong special administrative region': 'HK',
  'china, macao special administrative region': 'MO',
  'british virgin islands': 'VG',
  'former soviet union': 'SU',
};

/** Values the UN writes where it has no country ("na": not available, never Namibia here). */
const NO_COUNTRY = new Set(['na', 'n/a', 'n.a.', 'unknown', 'not known']);

export type UnCountry =
  | { kind: 'code'; code: string }
  | { kind: 'none' }
  | { kind: 'unresolved'; text: string };

/** Resolves a UN country name to alpha-2, or says that it is a placeholder or unknown. */
export function resolveUnCountry(value: string): UnCountry {
  const lower = value.trim().toLowerCase();
  if (lower === '' || NO_COUNTRY.has(lower)) return { kind: 'none' };
  const code = UN_SPELLINGS[lower] ?? toCountryCode(value);
  return code === undefined ? { kind: 'unresolved', text: value.trim() } : { kind: 'code', code };
}

/** The alpha-2 code of a country name, or undefined (placeholders and unknown names alike). */
export function unCountryCode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const country = resolveUnCountry(value);
  return country.kind === 'code' ? country.code : undefined;
}
