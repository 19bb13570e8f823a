import { CompiledQuery, sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Store } from '../store/index.js';
import type { VettingDb } from './vetting-tables.js';

/**
 * Multi-row statements for the reverse index, which writes millions of narrow rows. PostgreSQL
 * takes each column as one array parameter (`unnest`), so a batch is one statement whatever its
 * size; SQLite takes rows of placeholders, cut to stay under its parameter limit. Rows that
 * already exist are skipped unless the caller asks for a conflict to fail.
 */
export type Dialect = Store['dialect'];
export type ColumnType = 'int' | 'text';

const SQLITE_PARAMETERS = 30_000;
const POSTGRES_ROWS = 50_000;

export async function insertRows(
  db: VettingDb,
  dialect: Dialect,
  table: string,
  columns: ReadonlyArray<readonly [name: string, type: ColumnType]>,
  rows: ReadonlyArray<readonly unknown[]>,
  onConflict: 'ignore' | 'fail' = 'ignore',
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = sql.join(columns.map(([name]) => sql.ref(name)));
  const conflict = onConflict === 'ignore' ? sql` on conflict do nothing` : sql``;
  let inserted = 0;
  if (dialect === 'postgres') {
    for (let start = 0; start < rows.length; start += POSTGRES_ROWS) {
      const batch = rows.slice(start, start + POSTGRES_ROWS);
      const arrays = columns.map(([, type], c) => {
        const values = batch.map((row) => row[c]);
        return type === 'int' ? sql`${values}::int[]` : sql`${values}::text[]`;
      });
      const result = await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays)})${conflict}`.execute(db);
      inserted += Number(result.numAffectedRows ?? 0n);
    }
    return inserted;
  }
  // Built as text with one placeholder a value: building thousands of query nodes per
  // statement would cost more than running it.
  const perStatement = Math.max(1, Math.floor(SQLITE_PARAMETERS / columns.length));
  const head = `insert into "${table}" (${columns.map(([name]) => `"${name}"`).join(', ')}) values `;
  const row = `(${columns.map(() => '?').join(', ')})`;
  const tail = onConflict === 'ignore' ? ' on conflict do nothing' : '';
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    for (const values of batch) for (const value of values) parameters.push(value);
    const text = head + new Array<string>(batch.length).fill(row).join(', ') + tail;
    const result = await db.executeQuery(CompiledQuery.raw(text, parameters));
    inserted += Number(result.numAffectedRows ?? 0n);
  }
  return inserted;
}

/** Runs `query` over `keys` in slices small enough for one statement's parameters. */
export async function inSlices<K, R>(keys: readonly K[], query: (slice: K[]) => Promise<R[]>, size = 10_000): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < keys.length; start += size) {
    for (const row of await query(keys.slice(start, start + size))) out.push(row);
  }
  return out;
}

/** `column in (...)` as one parameter: a PostgreSQL array, or a JSON array SQLite unpacks. */
export function inList(dialect: Dialect, column: RawBuilder<unknown>, values: readonly (number | string)[], type: ColumnType): RawBuilder<SqlBool> {
  if (dialect === 'postgres') return type === 'int' ? sql<SqlBool>`${column} = any(${values as unknown[]}::int[])` : sql<SqlBool>`${column} = any(${values as unknown[]}::text[])`;
  // One JSON parameter rather than a placeholder a value.
  return sql<SqlBool>`${column} in (select value from json_each(${JSON.stringify(values)}))`;
}

/**
 * Reserves `count` consecutive ids of a counter and returns the first. Inside a transaction the
 * counter's row stays locked until commit, so ids commit in the order they were handed out.
 */
export async function reserveIds(db: VettingDb, name: string, count: number): Promise<number> {
  const result = await sql<{ value: number | string }>`update vetting_counters set value = value + ${count} where name = ${name} returning value`.execute(db);
  const last = Number(result.rows[0]?.value);
  if (!Number.isFinite(last)) throw new Error(`vetting counter ${name} is missing`);
  return last - count + 1;
}
