import { entityId, type EntityInput, type EntityName, type Listing, type NameKind, type Relation } from '../../domain/index.js';
import { detectScript } from '../ftm/index.js';
import type { NominationRow } from './nomination-row.js';

/** The ids and names of a file, so `linked_to` can name either. */
export class LinkIndex {
  private readonly names = new Map<string, string>();
  private readonly byName = new Map<string, string[]>();

  static fold(name: string): string {
    return name.normalize('NFC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
  }

  add(id: string, name: string): void {
    this.names.set(id, name);
    const key = LinkIndex.fold(name);
    this.byName.set(key, [...(this.byName.get(key) ?? []), id]);
  }

  /** An id of this file wins; a name resolves when exactly one nomination has it. */
  resolve(value: string): { id?: string; name: string } {
    const named = this.names.get(value);
    if (named !== undefined) return { id: value, name: named };
    const ids = this.byName.get(LinkIndex.fold(value));
    return ids?.length === 1 && ids[0] !== undefined ? { id: ids[0], name: value } : { name: value };
  }
}

function name(full: string, kind: NameKind): EntityName {
  const script = detectScript(full);
  return script === undefined ? { full, kind } : { full, kind, script };
}

export interface NominationContext {
  source: string;
  authority: string;
  links: LinkIndex;
}

export function mapNomination(row: NominationRow, { source, authority, links }: NominationContext): EntityInput {
  const names: EntityName[] = [name(row.name, 'primary')];
  const seen = new Set([row.name]);
  const addNames = (values: string[], kind: NameKind): void => {
    for (const value of values) {
      if (seen.has(value)) continue;
      seen.add(value);
      names.push(name(value, kind));
    }
  };
  addNames(row.original_script_name, 'original_script');
  addNames(row.aliases, 'alias');
  addNames(row.weak_aliases, 'weak_alias');

  const programs = row.program.length > 0 ? row.program : ['nomination'];
  const listings: Listing[] = programs.map((program) =>
    row.listed_on === undefined ? { authority, program } : { authority, program, listedOn: row.listed_on },
  );

  const relations: Relation[] = [];
  for (const value of row.linked_to) {
    const target = links.resolve(value);
    if (target.id === row.id) continue;
    relations.push(
      target.id === undefined
        ? { type: 'linked_to', targetName: target.name }
        : { type: 'linked_to', targetId: entityId(source, target.id), targetName: target.name },
    );
  }

  const remarks: string[] = [];
  if (row.reason !== undefined) remarks.push(`Reason: ${row.reason}`);
  if (row.remarks !== undefined) remarks.push(row.remarks);

  const entity: EntityInput = {
    id: entityId(source, row.id),
    source,
    sourceId: row.id,
    schema: row.schema,
    caption: row.name,
    names,
    birthDates: row.birth_date,
    birthPlaces: row.birth_place,
    nationalities: row.nationality,
    documents: [...row.passport_numbers, ...row.national_ids],
    listings,
    relations,
    remarks,
  };
  if (row.gender !== undefined) entity.gender = row.gender;
  return entity;
}
