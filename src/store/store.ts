import type { Kysely } from 'kysely';
import type { Entity, InvalidRecord, ListRecord } from '../domain/index.js';
import type { Database } from './database.js';

/** The part of a pino logger the store uses. */
export interface StoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface StoreOptions {
  logger?: StoreLogger;
  /** The clock versions are stamped with; tests pin it. */
  now?: () => Date;
  /**
   * SQLite files: who copies the write-ahead log back into the database. `commit` (default):
   * the commit that fills the log, pausing its caller for milliseconds, which a short command
   * does not notice. `background`: a thread of this process, for a server answering requests.
   * PostgreSQL ignores it.
   */
  checkpoints?: 'commit' | 'background';
  /**
   * SQLite: how a statement waits while another connection (another process) holds the write
   * lock. `sleep` (default): SQLite's busy handler sleeps in the calling thread, up to 10 s.
   * `event-loop`: the statement is retried from the event loop, which goes on serving
   * meanwhile: for a server, whose every answer would otherwise wait out a sibling's commit or
   * an import. PostgreSQL ignores it.
   */
  lockWaits?: 'sleep' | 'event-loop';
}

/** One committed version of one source list. */
export interface ListVersion {
  source: string;
  /** 1, 2, 3, ... per source. */
  version: number;
  /** ISO-8601 UTC. */
  importedAt: string;
  publishedAt?: string;
  fileSha256: string;
  fileNames: string[];
  mode: 'full' | 'delta';
  entityCount: number;
  added: number;
  changed: number;
  removed: number;
}

export interface ImportInput {
  source: string;
  /** `full`: the records are the whole list. `delta`: they change the current version. */
  mode: 'full' | 'delta';
  records: AsyncIterable<ListRecord>;
  /** sha256 of the file(s); a file equal to the current version's is not read at all. */
  fileSha256: string;
  fileNames: string[];
  publishedAt?: string;
  /** Import the valid records and report the invalid ones instead of rejecting the file. */
  skipInvalid?: boolean;
  /** Called as batches are written, with the number of records read so far. */
  onProgress?: (recordsRead: number) => void;
}

export interface ImportCounts {
  /** Entities in the resulting (or, when unchanged, the current) version. */
  entities: number;
  added: number;
  changed: number;
  removed: number;
}

export interface ImportResult {
  /** `unchanged`: the file or every entity equals the current version; no version was made. */
  status: 'created' | 'unchanged';
  /** The new version, or the current one when unchanged. */
  version: ListVersion;
  counts: ImportCounts;
  /** Records left out under `skipInvalid`, in file order. */
  skipped: InvalidRecord[];
}

export interface SourceSummary {
  source: string;
  currentVersion: number;
  entityCount: number;
  /** The last import that completed, including one that found nothing new (ISO-8601 UTC). */
  lastImportedAt: string;
  current: ListVersion;
}

export interface StoredEntity {
  entity: Entity;
  source: string;
  /** The version of the source the entity was read as of. */
  version: number;
  contentHash: string;
  /** The first version that held this content. */
  since: number;
}

export type EntityChange = 'added' | 'changed' | 'removed';

export interface EntityHistoryEntry {
  version: number;
  /** The content from this version on; for `removed`, the content that was removed. */
  contentHash: string;
  change: EntityChange;
}

export interface EntitySummary {
  id: string;
  caption: string;
  schema: Entity['schema'];
}

export interface ListDiff {
  source: string;
  /** 0 stands for "before the first version". */
  from: number;
  to: number;
  added: EntitySummary[];
  /** `fields`: the top-level Entity fields whose values differ (names, birthDates, ...). */
  changed: Array<EntitySummary & { fields: string[] }>;
  removed: EntitySummary[];
}

/**
 * The persistent store of list versions. Each import is one transaction: it either commits a
 * whole new version or leaves the current one as it was.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** For other capabilities' repositories; the store's own tables are in `Database`. */
  readonly db: Kysely<Database>;
  importList(input: ImportInput): Promise<ImportResult>;
  listSources(): Promise<SourceSummary[]>;
  /** Oldest first. Throws STORE_NOT_FOUND for an unknown source. */
  listVersions(source: string): Promise<ListVersion[]>;
  /** The current version when `version` is omitted. Throws STORE_NOT_FOUND. */
  getVersion(source: string, version?: number): Promise<ListVersion>;
  /** Undefined when the entity is not in that version; STORE_NOT_FOUND for a version that does not exist. */
  getEntity(id: string, version?: number): Promise<StoredEntity | undefined>;
  /** Every change of one entity, oldest first; empty for an unknown id. */
  entityHistory(id: string): Promise<EntityHistoryEntry[]>;
  /** The entities of a version in id order, read in batches. */
  iterateEntities(source: string, version?: number): AsyncIterable<Entity>;
  /** Defaults: `to` = current, `from` = the version before `to` (0 before the first). */
  diff(source: string, from?: number, to?: number): Promise<ListDiff>;
  close(): Promise<void>;
}
