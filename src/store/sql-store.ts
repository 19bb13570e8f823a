import type { Kysely } from 'kysely';
import type { Entity } from '../domain/index.js';
import type { Database } from './database.js';
import type { StoreDialect } from './dialect/store-dialect.js';
import { importList } from './import/import-list.js';
import { diffVersions } from './read/diff-versions.js';
import { entityHistory } from './read/entity-history.js';
import { getEntity, iterateEntities } from './read/read-entities.js';
import { listSources, listVersions } from './read/list-sources.js';
import { requireVersion } from './read/version-rows.js';
import type {
  EntityHistoryEntry,
  ImportInput,
  ImportResult,
  ListDiff,
  ListVersion,
  SourceSummary,
  Store,
  StoreLogger,
  StoredEntity,
} from './store.js';
import { guarded, toStoreError } from './to-store-error.js';

/** The Store over one Kysely instance; every dialect difference stays behind `StoreDialect`. */
export class SqlStore implements Store {
  readonly dialect: 'sqlite' | 'postgres';

  constructor(
    readonly db: Kysely<Database>,
    private readonly sqlDialect: StoreDialect,
    private readonly now: () => Date,
    private readonly logger?: StoreLogger,
  ) {
    this.dialect = sqlDialect.name;
  }

  importList(input: ImportInput): Promise<ImportResult> {
    return guarded(`importing ${input.source}`, async () => {
      const started = performance.now();
      const result = await importList(this.db, this.sqlDialect, input, this.now);
      this.logger?.info(
        { source: input.source, status: result.status, version: result.version.version, ...result.counts, skipped: result.skipped.length, ms: Math.round(performance.now() - started) },
        'list imported',
      );
      return result;
    });
  }

  listSources(): Promise<SourceSummary[]> {
    return guarded('listing sources', () => listSources(this.db));
  }

  listVersions(source: string): Promise<ListVersion[]> {
    return guarded(`listing versions of ${source}`, () => listVersions(this.db, source));
  }

  getVersion(source: string, version?: number): Promise<ListVersion> {
    return guarded(`reading ${source} version`, () => requireVersion(this.db, source, version));
  }

  getEntity(id: string, version?: number): Promise<StoredEntity | undefined> {
    return guarded(`reading entity ${id}`, () => getEntity(this.db, id, version));
  }

  entityHistory(id: string): Promise<EntityHistoryEntry[]> {
    return guarded(`reading history of ${id}`, () => entityHistory(this.db, id));
  }

  async *iterateEntities(source: string, version?: number): AsyncGenerator<Entity> {
    try {
      yield* iterateEntities(this.db, source, version);
    } catch (error) {
      throw toStoreError(`reading entities of ${source}`, error);
    }
  }

  diff(source: string, from?: number, to?: number): Promise<ListDiff> {
    return guarded(`comparing versions of ${source}`, () => diffVersions(this.db, source, from, to));
  }

  close(): Promise<void> {
    return guarded('closing the store', () => this.db.destroy());
  }
}
