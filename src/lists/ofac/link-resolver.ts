import { entityId } from '../../domain/index.js';
import { SDN_COLUMNS } from './ofac-columns.js';
import { readOfacRows } from './ofac-rows.js';

/**
 * Reads the primary names of a file (a fast first pass; rows that do not parse are left to the
 * main pass to report) and returns a resolver from a `Linked To:` name to the id of the one
 * entity with exactly that primary name. Names carried by several entities resolve to nothing.
 */
export async function createLinkResolver(file: string, source: string): Promise<(name: string) => string | undefined> {
  const ids = new Map<string, string | null>();
  for await (const event of readOfacRows(file, SDN_COLUMNS)) {
    if (event.kind !== 'row') continue;
    const { SDN_Name: name, ent_num: id } = event.values;
    ids.set(name, ids.has(name) && ids.get(name) !== id ? null : id);
  }
  const lookup = (name: string): string | undefined => {
    const id = ids.get(name);
    return id === undefined || id === null ? undefined : entityId(source, id);
  };
  // Remarks lose their final period, which may have ended a name (`..., S.A.`): try both.
  return (name) => lookup(name) ?? (name.endsWith('.') ? lookup(name.slice(0, -1)) : lookup(`${name}.`));
}
