import { Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../../database.js';
import type { StoreLogger } from '../../store.js';
import { StoreDialectBase } from '../store-dialect-base.js';
import { VigilPostgresDialect } from './table-list-introspector.js';
import type { StoreDialectFactory } from '../store-dialect.js';

export class PostgresStoreDialect extends StoreDialectBase {
  readonly name = 'postgres' as const;

  constructor(private readonly url: string) {
    super();
  }

  /** The wire protocol counts parameters in 16 bits. */
  override get maxBindParameters(): number {
    return 65535;
  }

  connect(logger?: StoreLogger): Promise<Kysely<Database>> {
    // Session settings such as search_path come from the URL (`?options=-c search_path=...`).
    const pool = new pg.Pool({ connectionString: this.url, max: 8 });
    // An idle client losing its server emits 'error' on the pool; unhandled it kills the process.
    pool.on('error', (error) => {
      if (logger !== undefined) logger.error({ err: error }, 'PostgreSQL idle connection failed');
      else process.emitWarning(`vigil store: PostgreSQL idle connection failed: ${error.message}`);
    });
    return Promise.resolve(new Kysely<Database>({ dialect: new VigilPostgresDialect({ pool }) }));
  }

  /** The first schema of the search_path, where the store's own tables are created. */
  override async migrationSchema(db: Kysely<Database>): Promise<string | undefined> {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    return rows[0]?.schema ?? undefined;
  }
}

export const postgresDialectFactory: StoreDialectFactory = {
  accepts: (url) => /^postgres(ql)?:\/\//.test(url),
  create: (url) => new PostgresStoreDialect(url),
};
