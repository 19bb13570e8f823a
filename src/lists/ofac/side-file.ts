import type { InvalidRecord } from '../../domain/index.js';
import { readOfacRows } from './ofac-rows.js';

export interface SideRow<C extends string> {
  line: number;
  values: Record<C, string>;
}

export interface SideFile<C extends string> {
  file: string;
  /** Rows by ent_num, in file order. */
  rows: Map<string, SideRow<C>[]>;
  issues: InvalidRecord[];
}

/**
 * Reads a small companion file (alt.csv, add.csv) whole into rows keyed by ent_num. `check`
 * names the field of a row that cannot be used; such rows become issues.
 */
export async function loadSideFile<C extends string>(
  file: string,
  columns: readonly C[],
  check: (values: Record<C, string>) => { field: C; message: string } | undefined = () => undefined,
): Promise<SideFile<C>> {
  const rows = new Map<string, SideRow<C>[]>();
  const issues: InvalidRecord[] = [];
  const key = columns[0];
  for await (const event of readOfacRows(file, columns)) {
    if (event.kind === 'invalid') {
      issues.push(event.issue);
      continue;
    }
    const record = key === undefined ? '' : event.values[key];
    const problem = check(event.values);
    if (problem !== undefined) {
      issues.push({ file, line: event.line, record, ...problem });
      continue;
    }
    const list = rows.get(record);
    if (list === undefined) rows.set(record, [{ line: event.line, values: event.values }]);
    else list.push({ line: event.line, values: event.values });
  }
  return { file, rows, issues };
}

export function emptySideFile<C extends string>(): SideFile<C> {
  return { file: '', rows: new Map(), issues: [] };
}
