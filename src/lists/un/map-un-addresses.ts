import type { Address } from '../../domain/index.js';
import { resolveUnCountry } from './resolve-un-country.js';
import { childText, childrenNamed, joinPresent, type UnNode } from './un-node.js';

/**
 * Maps INDIVIDUAL_ADDRESS / ENTITY_ADDRESS. `full` keeps the country as the list writes it, so a
 * country no code resolves is still there to read.
 */
export function mapUnAddresses(record: UnNode): Address[] {
  const addresses: Address[] = [];
  for (const node of [...childrenNamed(record, 'INDIVIDUAL_ADDRESS'), ...childrenNamed(record, 'ENTITY_ADDRESS')]) {
    const street = childText(node, 'STREET');
    const city = childText(node, 'CITY');
    const region = childText(node, 'STATE_PROVINCE');
    const postalCode = childText(node, 'ZIP_CODE');
    const countryText = childText(node, 'COUNTRY');
    const note = childText(node, 'NOTE');
    const country = countryText === undefined ? undefined : resolveUnCountry(countryText);
    const full = joinPresent([street, city, region, postalCode, country?.kind === 'none' ? undefined : countryText]);
    if (full === '' && note === undefined) continue;
    addresses.push({
      ...(full === '' ? {} : { full }),
      ...(street === undefined ? {} : { street }),
      ...(city === undefined ? {} : { city }),
      ...(region === undefined ? {} : { region }),
      ...(postalCode === undefined ? {} : { postalCode }),
      ...(country?.kind === 'code' ? { country: country.code } : {}),
      ...(note === undefined ? {} : { note }),
    });
  }
  return addresses;
}
