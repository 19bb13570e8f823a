import { basename } from 'node:path';
import type { InvalidRecord } from '../domain/index.js';
import { planImports, type ListFormat } from '../lists/index.js';
import type { ImportResult, Store } from './store.js';

export interface ImportedFile {
  source: string;
  files: string[];
  status: ImportResult['status'];
  version: number;
  entities: number;
  added: number;
  changed: number;
  removed: number;
  skipped: InvalidRecord[];
}

export interface ImportFilesOptions {
  format?: ListFormat;
  sourceId?: string;
  skipInvalid?: boolean;
  /** Names stored with the version instead of the paths (an upload's temporary paths mean nothing). */
  storeBaseNames?: boolean;
  /** Called as batches are written, with the source and the records read so far. */
  onProgress?: (source: string, recordsRead: number) => void;
}

/**
 * Imports list files exactly as `vigil lists import` does: planned together (OFAC trios grouped),
 * each plan one transaction that commits a whole version or nothing, an identical file no
 * version at all.
 */
export async function importFiles(store: Store, paths: string[], options: ImportFilesOptions = {}): Promise<ImportedFile[]> {
  const plans = await planImports(paths, {
    ...(options.format !== undefined ? { format: options.format } : {}),
    ...(options.sourceId !== undefined ? { sourceId: options.sourceId } : {}),
  });
  const done: ImportedFile[] = [];
  for (const plan of plans) {
    const publishedAt = plan.adapter.publishedAt?.();
    const fileNames = options.storeBaseNames === true ? plan.files.map((file) => basename(file)) : plan.files;
    const result = await store.importList({
      source: plan.source,
      mode: plan.adapter.mode,
      records: plan.adapter.records(),
      fileSha256: plan.fileSha256,
      fileNames,
      ...(publishedAt !== undefined ? { publishedAt } : {}),
      skipInvalid: options.skipInvalid === true,
      ...(options.onProgress !== undefined ? { onProgress: (read: number) => options.onProgress?.(plan.source, read) } : {}),
    });
    done.push({
      source: plan.source,
      files: fileNames,
      status: result.status,
      version: result.version.version,
      entities: result.counts.entities,
      added: result.counts.added,
      changed: result.counts.changed,
      removed: result.counts.removed,
      skipped: result.skipped,
    });
  }
  return done;
}
