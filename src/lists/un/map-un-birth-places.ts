import { childText, childrenNamed, joinPresent, type UnNode } from './un-node.js';

export interface UnBirthPlaces {
  birthPlaces: string[];
  /** Place-of-birth notes ("possibly Sabratha", "now Tanganyika Province"). */
  remarks: string[];
}

/** INDIVIDUAL_PLACE_OF_BIRTH as "street, city, province, country", the country as written. */
export function mapUnBirthPlaces(record: UnNode): UnBirthPlaces {
  const birthPlaces: string[] = [];
  const remarks: string[] = [];
  for (const node of childrenNamed(record, 'INDIVIDUAL_PLACE_OF_BIRTH')) {
    const place = joinPresent(['STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY'].map((field) => childText(node, field)));
    const note = childText(node, 'NOTE');
    if (place !== '' && !birthPlaces.includes(place)) birthPlaces.push(place);
    if (note !== undefined) remarks.push(`Place of birth: ${joinPresent([place, note], '; ')}`);
  }
  return { birthPlaces, remarks };
}
