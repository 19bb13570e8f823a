import { PostgresDialect, sql, type DatabaseIntrospector, type DatabaseMetadata, type Kysely, type SchemaMetadata, type TableMetadata } from 'kysely';

/**
 * What Kysely's migrator asks of an introspector (which schemas and tables exist), answered from
 * `pg_class` alone. Kysely's own PostgreSQL introspector also reads every column of every table
 * in the database and resolves each by name (`pg_get_serial_sequence`), which fails when another
 * client renames, alters or drops one of them meanwhile: several stores migrating side by side
 * in one database (replicas starting together, tests in their own schemas) then fail at random.
 * Tables come without their columns; nothing in Vigil reads them.
 */
export class TableListIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(this.db);
    return rows.map((row) => ({ name: row.name }));
  }

  async getTables(): Promise<TableMetadata[]> {
    // By oid, never by name: a schema dropped meanwhile is then simply not listed.
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, ns.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      where c.relkind in ('r', 'v', 'p') and ns.nspname !~ '^pg_' and ns.nspname <> 'information_schema'
        and coalesce(has_schema_privilege(ns.oid, 'USAGE'), false)
      order by ns.nspname, c.relname`.execute(this.db);
    return rows.map((row) => ({ name: row.name, schema: row.schema, isView: row.kind === 'v', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

/** Kysely's PostgreSQL dialect with the introspector above. */
export class VigilPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new TableListIntrospector(db);
  }
}
