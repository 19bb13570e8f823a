import type { Address } from '../../domain/index.js';
import { countryCode } from './country-code.js';
import type { AddRow } from './ofac-columns.js';

/**
 * Turns an add.csv row into an address, or undefined when every field is empty (OFAC writes
 * such rows for entities with no known address). OFAC keeps city, state and postal code in one
 * column, so it is kept whole as `city`; a country that does not resolve (`Region: Crimea`,
 * `undetermined`) is kept in `note`.
 */
export function toAddress(row: AddRow): Address | undefined {
  const street = row.address;
  const city = row['city/state/postal'];
  const countryText = row.country;
  const remarks = row.add_remarks;
  if (street === '' && city === '' && countryText === '' && remarks === '') return undefined;
  const country = countryText === '' ? undefined : countryCode(countryText);
  const region = /^Region:\s*(.+)$/i.exec(countryText)?.[1];
  const notes = [remarks, country === undefined ? countryText : ''].filter((note) => note !== '');
  const full = [street, city, countryText].filter((part) => part !== '').join(', ');
  return {
    ...(full === '' ? {} : { full }),
    ...(street === '' ? {} : { street }),
    ...(city === '' ? {} : { city }),
    ...(region === undefined ? {} : { region }),
    ...(country === undefined ? {} : { country }),
    ...(notes.length === 0 ? {} : { note: notes.join('; ') }),
  };
}
