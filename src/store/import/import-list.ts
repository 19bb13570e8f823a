import type { Kysely, Transaction } from 'kysely';
import { SourceId, VigilError, type InvalidRecord } from '../../domain/index.js';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialect/store-dialect.js';
import { currentVersionNumber, findVersion, toListVersion } from '../read/version-rows.js';
import type { ImportInput, ImportResult, ListVersion } from '../store.js';
import { RecordChecker } from './check-record.js';
import { listParseFailed } from './list-parse-failed.js';
import { SpanWriter, type EntityWrite } from './span-writer.js';

/** Records read between writes and progress reports. */
const BATCH_RECORDS = 2000;

/**
 * Takes the source's row lock before anything else: in PostgreSQL a second import of the same
 * source waits here, and in SQLite the first statement being a write takes the database write
 * lock at once, so the transaction never has to upgrade a read lock (which fails immediately).
 */
async function lockSource(trx: Transaction<Database>, source: string, now: string): Promise<void> {
  await trx
    .insertInto('sources')
    .values({ source, current_version: 0, created_at: now, last_imported_at: now })
    .onConflict((oc) => oc.column('source').doNothing())
    .execute();
  await trx
    .updateTable('sources')
    .set((eb) => ({ current_version: eb.ref('current_version') }))
    .where('source', '=', source)
    .execute();
}

async function currentSpans(trx: Transaction<Database>, source: string): Promise<Map<string, string>> {
  const rows = await trx
    .selectFrom('entity_spans')
    .select(['entity_id', 'content_hash'])
    .where('source', '=', source)
    .where('last_version', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.entity_id, r.content_hash]));
}

async function markImported(trx: Transaction<Database>, source: string, now: string, version?: number): Promise<void> {
  await trx
    .updateTable('sources')
    .set(version === undefined ? { last_imported_at: now } : { last_imported_at: now, current_version: version })
    .where('source', '=', source)
    .execute();
}

function unchanged(current: ListVersion, skipped: InvalidRecord[]): ImportResult {
  return {
    status: 'unchanged',
    version: current,
    counts: { entities: current.entityCount, added: 0, changed: 0, removed: 0 },
    skipped,
  };
}

function checkInput(input: ImportInput): void {
  if (!SourceId.safeParse(input.source).success) {
    throw new VigilError('INVALID_INPUT', `"${input.source}" is not a source id: lower-case letters, digits and dashes`, { source: input.source });
  }
  if (input.mode !== 'full' && input.mode !== 'delta') {
    throw new VigilError('INVALID_INPUT', `import mode is full or delta, not ${String(input.mode)}`, { mode: input.mode });
  }
}

/**
 * Imports one file as the next version of its source, in one transaction. Records stream
 * through: each batch is compared with the current spans and only new contents are written,
 * so an unchanged entity costs a hash and a map look-up.
 */
export async function importList(db: Kysely<Database>, dialect: StoreDialect, input: ImportInput, now: () => Date): Promise<ImportResult> {
  checkInput(input);
  const { source, mode } = input;
  return db.transaction().execute(async (trx) => {
    const importedAt = now().toISOString();
    await lockSource(trx, source, importedAt);
    const currentNumber = await currentVersionNumber(trx, source);
    const current = currentNumber > 0 ? await findVersion(trx, source, currentNumber) : undefined;
    if (current !== undefined && current.fileSha256 === input.fileSha256) {
      await markImported(trx, source, importedAt);
      return unchanged(current, []);
    }
    if (mode === 'delta' && current === undefined) {
      throw new VigilError('STORE_NOT_FOUND', `a delta changes the current version of ${source}, and there is none: import a full list first`, { source });
    }

    const spans = await currentSpans(trx, source);
    const version = currentNumber + 1;
    const writer = new SpanWriter(trx, dialect, source, version);
    const checker = new RecordChecker(source, mode);
    const skipped: InvalidRecord[] = [];
    const present = new Set<string>();
    const counts = { added: 0, changed: 0, removed: 0 };
    let writes: EntityWrite[] = [];
    let deletes: string[] = [];
    let read = 0;

    const reject = (issue: InvalidRecord): void => {
      if (input.skipInvalid !== true) throw listParseFailed(issue);
      skipped.push(issue);
    };
    const flush = async (): Promise<void> => {
      await writer.writeEntities(writes);
      await writer.closeSpans(deletes);
      writes = [];
      deletes = [];
    };

    for await (const record of input.records) {
      read += 1;
      const checked = checker.check(record);
      if (checked.kind === 'invalid') {
        reject(checked.issue);
      } else if (checked.kind === 'delete') {
        if (spans.has(checked.id)) {
          deletes.push(checked.id);
          counts.removed += 1;
        } else {
          reject({ ...checked.at, record: checked.id, message: `deletes ${checked.id}, which is not in version ${currentNumber} of ${source}` });
        }
      } else {
        const { entity, hash, json } = checked;
        present.add(entity.id);
        const previous = spans.get(entity.id);
        if (previous !== hash) {
          writes.push({ id: entity.id, hash, json, caption: entity.caption, schema: entity.schema, replaces: previous !== undefined });
          if (previous === undefined) counts.added += 1;
          else counts.changed += 1;
        }
      }
      if (read % BATCH_RECORDS === 0) {
        await flush();
        input.onProgress?.(read);
      }
    }
    await flush();

    let entityCount: number;
    if (mode === 'full') {
      if (present.size === 0) {
        const why = skipped.length > 0 ? `all ${skipped.length} records were invalid` : 'it holds no entities';
        throw new VigilError(
          'LIST_PARSE_FAILED',
          `${input.fileNames.join(', ')}: refusing a full list of ${source} that would remove every entity (${why})`,
          { file: input.fileNames[0], source },
        );
      }
      const gone = [...spans.keys()].filter((id) => !present.has(id));
      await writer.closeSpans(gone);
      counts.removed = gone.length;
      entityCount = present.size;
    } else {
      entityCount = spans.size + counts.added - counts.removed;
    }
    input.onProgress?.(read);

    if (current !== undefined && counts.added + counts.changed + counts.removed === 0) {
      await markImported(trx, source, importedAt);
      return unchanged(current, skipped);
    }

    const row = {
      source,
      version,
      imported_at: importedAt,
      published_at: input.publishedAt ?? null,
      file_sha256: input.fileSha256,
      file_names: JSON.stringify(input.fileNames),
      mode,
      entity_count: entityCount,
      ...counts,
    };
    await trx.insertInto('list_versions').values(row).execute();
    await markImported(trx, source, importedAt, version);
    return { status: 'created', version: toListVersion(row), counts: { entities: entityCount, ...counts }, skipped };
  });
}
