import { toCountryCode } from '../../domain/index.js';

const MAX_ENTRIES = 5000;
const memo = new Map<string, string | undefined>();

/**
 * `toCountryCode` remembered: a list names the same hundred-odd countries tens of thousands of
 * times, and each miss of the spelling table scans every ISO name.
 */
export function countryCode(name: string): string | undefined {
  if (memo.has(name)) return memo.get(name);
  const code = toCountryCode(name);
  if (memo.size < MAX_ENTRIES) memo.set(name, code);
  return code;
}
