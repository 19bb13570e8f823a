import { Entity, type EntityInput, type Gender } from '../../domain/index.js';
import { extractUnRelations } from './extract-un-relations.js';
import { mapUnAddresses } from './map-un-addresses.js';
import { mapUnBirthDates } from './map-un-birth-dates.js';
import { mapUnBirthPlaces } from './map-un-birth-places.js';
import { mapUnDocuments } from './map-un-documents.js';
import { mapUnNames } from './map-un-names.js';
import { resolveUnCountry } from './resolve-un-country.js';
import { UnFieldError } from './un-field-error.js';
import { childText, childValues, type UnNode } from './un-node.js';

export const UN_AUTHORITY = 'UN Security Council';

export type MappedUnRecord =
  | { kind: 'entity'; entity: Entity; reference: string }
  | { kind: 'invalid'; reference?: string; field: string; message: string };

/**
 * Maps one INDIVIDUAL (Person) or ENTITY (Organization) element to an Entity that has passed
 * `Entity.parse`, or says which field stops it.
 */
export function mapUnRecord(node: UnNode, source: string): MappedUnRecord {
  const reference = childText(node, 'REFERENCE_NUMBER');
  if (reference === undefined) {
    const dataId = childText(node, 'DATAID');
    const where = dataId === undefined ? '' : ` (DATAID ${dataId})`;
    return { kind: 'invalid', field: 'REFERENCE_NUMBER', message: `the ${node.name} has no REFERENCE_NUMBER${where}` };
  }
  let input: EntityInput;
  try {
    input = buildEntity(node, source, reference);
  } catch (error) {
    if (!(error instanceof UnFieldError)) throw error;
    return { kind: 'invalid', reference, field: error.field, message: error.message };
  }
  const parsed = Entity.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: 'invalid',
      reference,
      field: issue === undefined ? 'entity' : issue.path.map(String).join('.'),
      message: issue?.message ?? parsed.error.message,
    };
  }
  return { kind: 'entity', entity: parsed.data, reference };
}

function buildEntity(node: UnNode, source: string, reference: string): EntityInput {
  const person = node.name === 'INDIVIDUAL';
  const names = mapUnNames(node, person);
  const dates = mapUnBirthDates(node);
  const places = mapUnBirthPlaces(node);
  const documents = mapUnDocuments(node);
  const nationality = mapNationalities(node);
  const comments = childText(node, 'COMMENTS1');
  const designation = childValues(node, 'DESIGNATION');
  const gender = childText(node, 'GENDER');
  const program = childText(node, 'UN_LIST_TYPE');
  if (program === undefined) throw new UnFieldError('UN_LIST_TYPE', 'the record names no sanctions programme');
  const listedOn = listedDate(childText(node, 'LISTED_ON'));
  const primary = names.names[0]?.full ?? reference;
  return {
    id: `${source}:${reference}`,
    source,
    sourceId: reference,
    schema: person ? 'Person' : 'Organization',
    caption: primary,
    names: names.names,
    birthDates: dates.birthDates,
    birthPlaces: places.birthPlaces,
    nationalities: nationality.codes,
    ...(gender === undefined ? {} : { gender: mapGender(gender) }),
    documents: documents.documents,
    addresses: mapUnAddresses(node),
    listings: [{ authority: UN_AUTHORITY, program, reference, ...(listedOn === undefined ? {} : { listedOn }) }],
    relations: extractUnRelations(comments === undefined ? designation : [comments, ...designation], source, reference),
    remarks: [
      ...(comments === undefined ? [] : [comments]),
      ...nationality.remarks,
      ...dates.remarks,
      ...places.remarks,
      ...documents.remarks,
      ...names.remarks,
    ],
    properties: properties(node, designation),
  };
}

function mapNationalities(node: UnNode): { codes: string[]; remarks: string[] } {
  const codes: string[] = [];
  const remarks: string[] = [];
  for (const value of childValues(node, 'NATIONALITY')) {
    const country = resolveUnCountry(value);
    if (country.kind === 'unresolved') remarks.push(`Nationality: ${country.text}`);
    if (country.kind === 'code' && !codes.includes(country.code)) codes.push(country.code);
  }
  return { codes, remarks };
}

function mapGender(value: string): Gender {
  const folded = value.toLowerCase();
  if (folded === 'male') return 'male';
  if (folded === 'female') return 'female';
  throw new UnFieldError('GENDER', `"${value}" is not a gender the UN list uses (Male, Female)`);
}

/** LISTED_ON is YYYY-MM-DD, sometimes with a zone offset ("2015-04-07-04:00"); the date is kept. */
function listedDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (match?.[1] === undefined) throw new UnFieldError('LISTED_ON', `"${value}" is not a date (YYYY-MM-DD)`);
  return match[1];
}

function properties(node: UnNode, designation: string[]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const title = childValues(node, 'TITLE');
  const lastUpdated = childValues(node, 'LAST_DAY_UPDATED');
  const dataId = childText(node, 'DATAID');
  if (designation.length > 0) result['designation'] = designation;
  if (title.length > 0) result['title'] = title;
  if (lastUpdated.length > 0) result['lastUpdated'] = lastUpdated;
  if (dataId !== undefined) result['dataId'] = [dataId];
  return result;
}
