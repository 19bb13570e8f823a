export { openStore } from './open-store.js';
export { GroupCommit } from './group-commit.js';
export type {
  EntityChange,
  EntityHistoryEntry,
  EntitySummary,
  ImportCounts,
  ImportInput,
  ImportResult,
  ListDiff,
  ListVersion,
  SourceSummary,
  Store,
  StoreLogger,
  StoreOptions,
  StoredEntity,
} from './store.js';
export type { Database } from './database.js';
export { importFiles } from './import-files.js';
export type { ImportedFile, ImportFilesOptions } from './import-files.js';
