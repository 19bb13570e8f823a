import { Entity, type InvalidRecord, type ListAdapter, type ListRecord } from '../../domain/index.js';
import { buildOfacEntity, KIND_OF_ALT_TYPE } from './build-entity.js';
import { ADD_COLUMNS, ALT_COLUMNS, SDN_COLUMNS, type AddRow, type AltRow } from './ofac-columns.js';
import { createLinkResolver } from './link-resolver.js';
import { readOfacRows } from './ofac-rows.js';
import { emptySideFile, loadSideFile, type SideFile } from './side-file.js';

export interface OfacAdapterOptions {
  source: string;
  /** sdn.csv or cons_prim.csv. */
  primary: string;
  /** alt.csv or cons_alt.csv: strong aliases and former names. */
  aliases?: string;
  /** add.csv or cons_add.csv. */
  addresses?: string;
  /**
   * Resolve `Linked To:` names to entity ids of the same file (a quick first pass over the
   * primary file). Default true; when false relations carry `targetName` only.
   */
  resolveLinks?: boolean;
}

function checkAlias(values: AltRow): { field: keyof AltRow; message: string } | undefined {
  if (KIND_OF_ALT_TYPE[values.alt_type.toLowerCase()] === undefined) {
    return { field: 'alt_type', message: `unknown alt_type ${JSON.stringify(values.alt_type)} (aka, fka or nka)` };
  }
  if (values.alt_name === '') return { field: 'alt_name', message: 'alt_name is empty' };
  return undefined;
}

function orphanIssues<C extends string>(side: SideFile<C>, seen: ReadonlySet<string>): InvalidRecord[] {
  return [...side.rows]
    .filter(([id]) => !seen.has(id))
    .map(([id, rows]) => ({
      file: side.file,
      line: rows[0]?.line ?? 0,
      record: id,
      field: 'ent_num',
      message: `ent_num ${id} has no record in the primary file`,
    }));
}

async function* streamRecords(options: OfacAdapterOptions): AsyncGenerator<ListRecord> {
  const { source, primary: file } = options;
  const aliases =
    options.aliases === undefined
      ? emptySideFile<keyof AltRow>()
      : await loadSideFile(options.aliases, ALT_COLUMNS, checkAlias);
  const addresses =
    options.addresses === undefined
      ? emptySideFile<keyof AddRow>()
      : await loadSideFile(options.addresses, ADD_COLUMNS);
  for (const issue of [...aliases.issues, ...addresses.issues]) yield { kind: 'invalid', issue };
  const resolveLink = options.resolveLinks === false ? undefined : await createLinkResolver(file, source);
  const firstLine = new Map<string, number>();
  for await (const event of readOfacRows(file, SDN_COLUMNS)) {
    if (event.kind === 'invalid') {
      yield event;
      continue;
    }
    const { line, values: row } = event;
    const record = row.ent_num;
    const invalid = (field: string, message: string): ListRecord => ({
      kind: 'invalid',
      issue: { file, line, record, field, message },
    });
    const earlier = firstLine.get(record);
    if (earlier !== undefined) {
      yield invalid('ent_num', `ent_num ${record} repeats the record on line ${earlier}`);
      continue;
    }
    firstLine.set(record, line);
    const built = buildOfacEntity({
      source,
      row,
      aliases: aliases.rows.get(record)?.map((side) => side.values) ?? [],
      addresses: addresses.rows.get(record)?.map((side) => side.values) ?? [],
      ...(resolveLink === undefined ? {} : { resolveLink }),
    });
    if (!built.ok) {
      yield invalid(built.field, built.message);
      continue;
    }
    const parsed = Entity.safeParse(built.entity);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      yield invalid(issue?.path.join('.') || 'entity', issue?.message ?? 'the entity breaks its schema');
      continue;
    }
    yield { kind: 'entity', entity: parsed.data, at: { file, line, record } };
  }
  const seen = new Set(firstLine.keys());
  for (const issue of [...orphanIssues(aliases, seen), ...orphanIssues(addresses, seen)]) {
    yield { kind: 'invalid', issue };
  }
}

/**
 * An adapter for OFAC's legacy CSV lists: the SDN trio (sdn.csv, alt.csv, add.csv) or the
 * consolidated non-SDN trio (cons_prim.csv, cons_alt.csv, cons_add.csv). Each call of
 * `records()` reads the files again.
 *
 * @example
 * const adapter = createOfacAdapter({
 *   source: 'ofac-sdn', primary: 'sdn.csv', aliases: 'alt.csv', addresses: 'add.csv',
 * });
 * for await (const record of adapter.records()) if (record.kind === 'entity') console.log(record.entity.id);
 */
export function createOfacAdapter(options: OfacAdapterOptions): ListAdapter {
  return {
    source: options.source,
    mode: 'full',
    records: () => streamRecords(options),
  };
}
