import {
  countryName,
  entityId,
  type Address,
  type DocumentType,
  type IdentityDocument,
  type Listing,
} from '../../domain/index.js';
import type { FoldIndex, FoldOrigin } from './fold-index.js';
import type { FtmEntity } from './ftm-record.js';
import { RELATION_SCHEMATA } from './ftm-schemata.js';
import { firstValue, ftmCountry, nonEmpty, partialDate } from './values.js';

export interface FoldIssue {
  field: string;
  message: string;
}

function missing(property: string, schema: string): FoldIssue {
  return { field: `properties.${property}`, message: `a ${schema} needs ${property}` };
}

function earliestDate(values: readonly string[]): string | undefined {
  const dates = values.map(partialDate).filter((date): date is string => date !== undefined);
  return dates.sort()[0];
}

function foldSanction(entity: FtmEntity, index: FoldIndex, origin: FoldOrigin): FoldIssue | undefined {
  const p = entity.properties;
  const targets = nonEmpty(p.entity);
  if (targets.length === 0) return missing('entity', 'Sanction');
  const country = firstValue(p.country);
  const countryCode = country === undefined ? undefined : ftmCountry(country);
  const authority =
    firstValue(p.authority) ?? (countryCode !== undefined ? countryName(countryCode) : undefined) ?? 'unknown authority';
  const programs = nonEmpty(p.program);
  if (programs.length === 0) programs.push(firstValue(p.programId) ?? 'unspecified program');
  const listedOn = earliestDate([...(p.listingDate ?? []), ...(p.startDate ?? [])]);
  const reference = firstValue(p.unscId) ?? firstValue(p.authorityId);
  const reasons = nonEmpty(p.reason);
  for (const target of targets) {
    for (const program of programs) {
      const listing: Listing = { authority: index.intern(authority), program: index.intern(program) };
      if (listedOn !== undefined) listing.listedOn = listedOn;
      if (reference !== undefined) listing.reference = reference;
      index.addListing(target, listing, origin);
    }
    for (const reason of reasons) index.addRemark(target, `${authority}: ${reason}`, origin);
  }
  return undefined;
}

/** FtM leaves an Identification's `type` free text; these cover what sanctions lists write. */
function documentType(schema: string, label: string | undefined): DocumentType {
  if (schema === 'Passport') return 'passport';
  const text = (label ?? '').toLowerCase();
  // A Russian or Soviet internal passport is the national identity document.
  if (/internal passport/.test(text)) return 'national_id';
  if (text.includes('passport')) return 'passport';
  if (/driv|licen[cs]e/.test(text)) return 'driving_licence';
  if (/\btax\b|\btin\b|\binn\b|\bvat\b/.test(text)) return 'tax_id';
  if (/registr/.test(text)) return 'registration';
  if (/national|identity|\bid\b|card|citizen/.test(text) || text === '') return 'national_id';
  return 'other';
}

function foldIdentification(entity: FtmEntity, index: FoldIndex, origin: FoldOrigin): FoldIssue | undefined {
  const p = entity.properties;
  const holders = nonEmpty(p.holder);
  if (holders.length === 0) return missing('holder', entity.schema);
  const number = firstValue(p.number) ?? firstValue(p.passportNumber);
  if (number === undefined) return missing('number', entity.schema);
  const label = firstValue(p.type);
  const document: IdentityDocument = { type: documentType(entity.schema, label), number };
  const country = firstValue(p.country);
  const code = country === undefined ? undefined : ftmCountry(country);
  if (code !== undefined) document.country = code;
  const note = [
    label,
    firstValue(p.authority) !== undefined ? `issued by ${firstValue(p.authority)}` : undefined,
    firstValue(p.startDate) !== undefined ? `issued ${firstValue(p.startDate)}` : undefined,
    firstValue(p.endDate) !== undefined ? `expires ${firstValue(p.endDate)}` : undefined,
    country !== undefined && code === undefined ? `country ${country}` : undefined,
  ].filter((part): part is string => part !== undefined);
  if (note.length > 0) document.note = note.join('; ');
  for (const holder of holders) index.addDocument(holder, { ...document }, origin);
  return undefined;
}

function foldAddress(entity: FtmEntity, index: FoldIndex): undefined {
  const p = entity.properties;
  const address: Address = {};
  const street = [firstValue(p.street), firstValue(p.street2)].filter((s) => s !== undefined).join(', ');
  const city = firstValue(p.city);
  const region = firstValue(p.region) ?? firstValue(p.state);
  const postalCode = firstValue(p.postalCode);
  const country = firstValue(p.country);
  const code = country === undefined ? undefined : ftmCountry(country);
  const full =
    firstValue(p.full) ??
    ([street, postalCode, city, region, code !== undefined ? countryName(code) : country]
      .filter((part) => part !== undefined && part !== '')
      .join(', ') ||
      entity.caption);
  if (full !== undefined && full !== '') address.full = full;
  if (street !== '') address.street = street;
  if (city !== undefined) address.city = city;
  if (region !== undefined) address.region = region;
  if (postalCode !== undefined) address.postalCode = postalCode;
  if (code !== undefined) address.country = code;
  const remarks = firstValue(p.remarks);
  if (remarks !== undefined) address.note = remarks;
  index.addAddress(entity.id, address);
  return undefined;
}

function foldRelation(entity: FtmEntity, index: FoldIndex, source: string, origin: FoldOrigin): FoldIssue | undefined {
  const sides = RELATION_SCHEMATA[entity.schema] ?? [];
  const p = entity.properties;
  for (const side of sides) {
    if (nonEmpty(p[side.from]).length === 0) return missing(side.from, entity.schema);
  }
  const qualifier = [
    ...nonEmpty(p.relationship),
    ...nonEmpty(p.role),
    ...nonEmpty(p.percentage).map((value) => `${value}%`),
  ].join(', ');
  for (const side of sides) {
    const note = index.intern(qualifier === '' ? side.label : `${side.label} (${qualifier})`);
    for (const from of nonEmpty(p[side.from])) {
      for (const to of nonEmpty(p[side.to])) {
        index.addRelation(from, { type: side.type, targetId: entityId(source, to), note }, origin);
      }
    }
  }
  return undefined;
}

/**
 * Adds one folded FtM record (Sanction, Identification, Passport, Address or a relation) to the
 * index. Returns what is wrong with it when it cannot be attached to anything.
 */
export function foldRecord(entity: FtmEntity, index: FoldIndex, source: string, line: number): FoldIssue | undefined {
  const origin: FoldOrigin = { line, id: entity.id, schema: entity.schema };
  const issue = foldBySchema(entity, index, source, origin);
  if (issue === undefined) index.countFolded();
  return issue;
}

function foldBySchema(entity: FtmEntity, index: FoldIndex, source: string, origin: FoldOrigin): FoldIssue | undefined {
  switch (entity.schema) {
    case 'Sanction':
      return foldSanction(entity, index, origin);
    case 'Identification':
    case 'Passport':
      return foldIdentification(entity, index, origin);
    case 'Address':
      return foldAddress(entity, index);
    default:
      return foldRelation(entity, index, source, origin);
  }
}
