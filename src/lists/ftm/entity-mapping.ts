import {
  entityId,
  type Address,
  type BirthDate,
  type DocumentType,
  type EntityInput,
  type Gender,
  type IdentityDocument,
} from '../../domain/index.js';
import type { Fold } from './fold-index.js';
import type { FtmEntity } from './ftm-record.js';
import { TOP_LEVEL_SCHEMATA } from './ftm-schemata.js';
import { buildNames, NAME_PROPERTIES } from './names.js';
import { ftmCountry, nonEmpty, partialDate } from './values.js';

/** Identifier properties that become identity documents, with the note that says which one. */
const DOCUMENT_PROPERTIES: Readonly<Record<string, { type: DocumentType; note?: string }>> = {
  passportNumber: { type: 'passport' },
  idNumber: { type: 'national_id' },
  taxNumber: { type: 'tax_id' },
  innCode: { type: 'tax_id', note: 'INN' },
  vatCode: { type: 'tax_id', note: 'VAT' },
  registrationNumber: { type: 'registration' },
  ogrnCode: { type: 'registration', note: 'OGRN' },
  imoNumber: { type: 'other', note: 'IMO number' },
};

/** Properties read into typed fields; everything else is kept verbatim in `properties`. */
const CONSUMED = new Set<string>([
  ...NAME_PROPERTIES,
  ...Object.keys(DOCUMENT_PROPERTIES).filter((property) => property !== 'imoNumber'),
  'birthDate',
  'birthPlace',
  'nationality',
  'citizenship',
  'gender',
  'address',
  'addressEntity',
  'notes',
]);

function documentKey(document: IdentityDocument): string {
  return `${document.type}|${document.number.replace(/[\s-]/g, '').toUpperCase()}`;
}

/**
 * Folded Passport entities usually repeat the holder's `passportNumber`: one document per type
 * and number, and the one that names a country wins.
 */
function mergeDocuments(own: IdentityDocument[], folded: IdentityDocument[]): IdentityDocument[] {
  const out: IdentityDocument[] = [];
  for (const document of [...folded, ...own]) {
    const key = documentKey(document);
    const at = out.findIndex(
      (known) =>
        documentKey(known) === key &&
        (known.country === document.country || known.country === undefined || document.country === undefined),
    );
    if (at === -1) out.push(document);
    else if (out[at]?.country === undefined && document.country !== undefined) out[at] = document;
  }
  return out;
}

function countries(values: readonly string[], keep: (raw: string) => void): string[] {
  const out: string[] = [];
  for (const value of values) {
    const code = ftmCountry(value);
    if (code === undefined) keep(value);
    else if (!out.includes(code)) out.push(code);
  }
  return out;
}

function gender(values: readonly string[], keep: (raw: string) => void): Gender | undefined {
  for (const value of values) {
    const folded = value.toLowerCase();
    if (folded === 'male' || folded === 'female' || folded === 'other') return folded;
    keep(value);
  }
  return undefined;
}

/**
 * Maps one top-level FtM entity and what was folded into it to a Vigil entity. Values that do not
 * fit a typed field (a region code, an unreadable date) are kept under their FtM property name.
 */
export function mapFtmEntity(
  ftm: FtmEntity,
  fold: Fold | undefined,
  addressOf: (id: string) => Address | undefined,
  source: string,
): EntityInput {
  const p = ftm.properties;
  const properties: Record<string, string[]> = {};
  const keep =
    (property: string) =>
    (raw: string): void => {
      (properties[property] ??= []).push(raw);
    };

  const { names, unplacedParts } = buildNames(p, ftm.caption);
  Object.assign(properties, unplacedParts);

  const birthDates: BirthDate[] = [];
  for (const raw of nonEmpty(p.birthDate)) {
    const date = partialDate(raw);
    if (date === undefined) keep('birthDate')(raw);
    else if (!birthDates.some((known) => known.kind === 'exact' && known.date === date)) {
      birthDates.push({ kind: 'exact', date });
    }
  }

  const own: IdentityDocument[] = [];
  for (const [property, { type, note }] of Object.entries(DOCUMENT_PROPERTIES)) {
    for (const number of nonEmpty(p[property])) own.push(note === undefined ? { type, number } : { type, number, note });
  }

  const addresses: Address[] = nonEmpty(p.address).map((full) => ({ full }));
  for (const ref of nonEmpty(p.addressEntity)) {
    const address = addressOf(ref);
    if (address === undefined) keep('addressEntity')(ref);
    else if (!addresses.some((known) => known.full !== undefined && known.full === address.full)) addresses.push(address);
  }

  for (const [property, values] of Object.entries(p)) {
    if (!CONSUMED.has(property)) properties[property] = [...(properties[property] ?? []), ...values];
  }
  if (ftm.datasets.length > 0) properties.datasets = ftm.datasets;
  if (ftm.referents.length > 0) properties.referents = ftm.referents;
  for (const key of ['first_seen', 'last_seen', 'last_change'] as const) {
    const value = ftm[key];
    if (value !== undefined) properties[key] = [value];
  }
  if (ftm.target !== undefined) properties.target = [String(ftm.target)];

  const entity: EntityInput = {
    id: entityId(source, ftm.id),
    source,
    sourceId: ftm.id,
    schema: TOP_LEVEL_SCHEMATA[ftm.schema] ?? 'Organization',
    caption: ftm.caption ?? names[0]?.full ?? '',
    names,
    birthDates,
    birthPlaces: nonEmpty(p.birthPlace),
    nationalities: countries(nonEmpty(p.nationality), keep('nationality')),
    citizenships: countries(nonEmpty(p.citizenship), keep('citizenship')),
    documents: mergeDocuments(own, fold?.documents ?? []),
    addresses,
    listings: fold?.listings ?? [],
    relations: fold?.relations ?? [],
    remarks: [...nonEmpty(p.notes), ...(fold?.remarks ?? [])],
    properties,
  };
  const sex = gender(nonEmpty(p.gender), keep('gender'));
  if (sex !== undefined) entity.gender = sex;
  return entity;
}
