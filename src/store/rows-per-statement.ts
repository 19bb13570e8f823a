import type { StoreDialect } from './dialect/store-dialect.js';

/** Rows per multi-row statement with `columns` parameters each, within the dialect's limits. */
export function rowsPerStatement(dialect: StoreDialect, columns: number): number {
  return Math.max(1, Math.min(dialect.maxRowsPerInsert, Math.floor(dialect.maxBindParameters / columns)));
}

export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
