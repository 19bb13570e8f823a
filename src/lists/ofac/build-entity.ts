import {
  entityId,
  type EntityInput,
  type EntityName,
  type EntitySchema,
  type NameKind,
  type Relation,
} from '../../domain/index.js';
import type { AddRow, AltRow, SdnRow } from './ofac-columns.js';
import { toAddress } from './ofac-address.js';
import { parseRemarks } from './parse-remarks.js';
import { splitPersonName } from './person-name.js';
import { parsePrograms } from './programs.js';
import { addProperty } from './remark-facts.js';

const SCHEMA_OF_TYPE: Record<string, EntitySchema> = {
  '': 'Organization',
  individual: 'Person',
  vessel: 'Vessel',
  aircraft: 'Aircraft',
};

/** alt.csv types. `nka` (now known as) is the current name under another spelling: a strong alias. */
export const KIND_OF_ALT_TYPE: Record<string, NameKind> = { aka: 'alias', fka: 'former', nka: 'alias' };

/** The legacy CSV cuts Remarks at this many characters. */
const REMARKS_LIMIT = 1000;

const COLUMN_PROPERTIES: [keyof SdnRow, string][] = [
  ['Call_Sign', 'callSign'],
  ['Vess_type', 'vesselType'],
  ['Tonnage', 'tonnage'],
  ['GRT', 'grossRegisteredTonnage'],
  ['Vess_flag', 'vesselFlag'],
  ['Vess_owner', 'vesselOwner'],
];

export interface OfacEntitySources {
  source: string;
  row: SdnRow;
  aliases?: readonly AltRow[];
  addresses?: readonly AddRow[];
  /** Maps a `Linked To:` name to an entity id of the same list, when it names one entity. */
  resolveLink?: (name: string) => string | undefined;
}

export type BuildResult = { ok: true; entity: EntityInput } | { ok: false; field: string; message: string };

/** The same spelling listed twice (a weak alias repeating a strong one) keeps its first, stronger kind. */
function uniqueNames(names: EntityName[]): EntityName[] {
  const seen = new Set<string>();
  const unique: EntityName[] = [];
  for (const name of names) {
    if (seen.has(name.full)) continue;
    seen.add(name.full);
    unique.push(name);
  }
  return unique;
}

/** Builds the entity of one sdn.csv / cons_prim.csv row with its alt and add rows. */
export function buildOfacEntity(sources: OfacEntitySources): BuildResult {
  const { source, row, aliases = [], addresses = [], resolveLink } = sources;
  const schema = SCHEMA_OF_TYPE[row.SDN_Type.toLowerCase()];
  if (schema === undefined) {
    return { ok: false, field: 'SDN_Type', message: `unknown SDN_Type ${JSON.stringify(row.SDN_Type)}` };
  }
  if (row.SDN_Name === '') return { ok: false, field: 'SDN_Name', message: 'SDN_Name is empty' };
  const name = (full: string, kind: NameKind): EntityName => {
    const parts = schema === 'Person' ? splitPersonName(full) : undefined;
    return parts === undefined ? { full, kind } : { full, kind, parts };
  };
  const titles = row.Title === '' ? [] : row.Title.split(/\s*;\s*/).filter((title) => title !== '');
  const truncated = row.Remarks.length >= REMARKS_LIMIT && !row.Remarks.endsWith('.');
  const facts = parseRemarks(row.Remarks, { titles, truncated });
  const properties = facts.properties;
  for (const title of titles) addProperty(properties, 'title', title);
  for (const [column, key] of COLUMN_PROPERTIES) {
    if (row[column] !== '') addProperty(properties, key, row[column]);
  }
  if (truncated) addProperty(properties, 'remarksTruncated', 'true');
  const relations: Relation[] = facts.links.map((targetName) => {
    const targetId = resolveLink?.(targetName);
    return targetId === undefined ? { type: 'linked_to', targetName } : { type: 'linked_to', targetId, targetName };
  });
  // EntityName has no note: an alias remark is kept with the alias it belongs to.
  const aliasRemarks = aliases
    .filter((alt) => alt.alt_remarks !== '')
    .map((alt) => `${alt.alt_name}: ${alt.alt_remarks}`);
  const entityAddresses = addresses.flatMap((row) => toAddress(row) ?? []);
  return {
    ok: true,
    entity: {
      id: entityId(source, row.ent_num),
      source,
      sourceId: row.ent_num,
      schema,
      caption: row.SDN_Name,
      names: uniqueNames([
        name(row.SDN_Name, 'primary'),
        ...aliases.map((alt) => name(alt.alt_name, KIND_OF_ALT_TYPE[alt.alt_type.toLowerCase()] ?? 'alias')),
        ...facts.names.map((weak) => name(weak.full, weak.kind)),
      ]),
      birthDates: facts.birthDates,
      birthPlaces: facts.birthPlaces,
      nationalities: facts.nationalities,
      citizenships: facts.citizenships,
      ...(facts.gender === undefined ? {} : { gender: facts.gender }),
      documents: facts.documents,
      addresses: entityAddresses,
      listings: parsePrograms(row.Program),
      relations,
      remarks: [...facts.remarks, ...aliasRemarks],
      properties,
    },
  };
}
