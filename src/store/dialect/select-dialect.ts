import { postgresDialectFactory } from './postgres/postgres-store-dialect.js';
import { sqliteDialectFactory } from './sqlite/sqlite-store-dialect.js';
import type { StoreDialect, StoreDialectFactory } from './store-dialect.js';

/** In order of preference; SQLite comes last because it takes any path. */
const FACTORIES: readonly StoreDialectFactory[] = [postgresDialectFactory, sqliteDialectFactory];

/** `postgres://...` selects PostgreSQL; anything else is a SQLite file path (or `:memory:`). */
export function selectDialect(url: string): StoreDialect {
  const factory = FACTORIES.find((f) => f.accepts(url)) ?? sqliteDialectFactory;
  return factory.create(url);
}
