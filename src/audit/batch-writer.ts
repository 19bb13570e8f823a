import { VigilError } from '../domain/index.js';
import { GroupCommit } from '../store/index.js';
import type { AuditDb } from './audit-context.js';
import { toAuditRow } from './audit-rows.js';
import { AuditStatements } from './audit-statements.js';
import type { AuditInput, AuditRecord } from './audit-types.js';
import { hashNormalisedRecord } from './record-hash.js';

interface Pending {
  /** Normalised (audit-input.ts), with its details' canonical JSON. */
  input: AuditInput;
  detailsText: string | undefined;
  at: string;
  resolve: (record: AuditRecord) => void;
  reject: (error: unknown) => void;
}

/** 14 columns a row: well under both databases' bind-parameter limits. */
const ROWS_PER_INSERT = 500;
/** While the database is down records queue here; past this many they are refused at once. */
const MAX_QUEUED = 50_000;

/**
 * Group commit (src/store's GroupCommit): records that arrive while a transaction is being
 * written, or within `flushMs` of the first, go into the next transaction together. One
 * transaction at a time per process; across processes the lock on the chain-head row orders them.
 */
export class BatchWriter {
  private readonly commits: GroupCommit<Pending>;
  private readonly statements: AuditStatements;

  constructor(
    private readonly db: AuditDb,
    flushMs: number,
    maxBatch: number,
  ) {
    this.statements = new AuditStatements(db);
    this.commits = new GroupCommit((batch) => this.write(batch), { flushMs, maxBatch });
  }

  enqueue(input: AuditInput, detailsText: string | undefined, at: string): Promise<AuditRecord> {
    if (this.commits.queued >= MAX_QUEUED) {
      return Promise.reject(new VigilError('AUDIT_FAILED', `the audit trail is not keeping up (${MAX_QUEUED} records waiting); the action was not done`));
    }
    return new Promise((resolve, reject) => this.commits.add({ input, detailsText, at, resolve, reject }));
  }

  /** Resolves when everything queued before the call, and since, is written or has failed. */
  flush(): Promise<void> {
    return this.commits.flush();
  }

  private async write(batch: Pending[]): Promise<void> {
    let records: AuditRecord[];
    try {
      records = await this.db.transaction().execute((trx) => appendWithin(trx, this.statements, batch));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const failure = new VigilError('AUDIT_FAILED', `the audit record could not be stored: ${reason}`, { records: batch.length }, { cause: error });
      for (const pending of batch) pending.reject(failure);
      return;
    }
    batch.forEach((pending, index) => {
      const record = records[index];
      if (record !== undefined) pending.resolve(record);
    });
  }
}

/** A normalised record ready to append, and when it happened. */
export interface ChainEntry {
  input: AuditInput;
  detailsText: string | undefined;
  at: string;
}

/**
 * Appends records to the chain inside the caller's transaction, in order; they are committed
 * (or rolled back) with it. Writing the head row first takes its lock (PostgreSQL) or the
 * database's write lock (SQLite) before anything is read, so no other writer can slip in
 * between read and write.
 */
export async function appendWithin(trx: AuditDb, statements: AuditStatements, entries: readonly ChainEntry[]): Promise<AuditRecord[]> {
  if (entries.length === 0) return [];
  const head = (await trx.executeQuery(statements.lockHead)).rows[0];
  if (head === undefined) throw new Error('the audit chain head row is missing');
  let seq = Number(head.seq);
  let prevHash = head.hash;
  const written = entries.map(({ input, detailsText, at }) => {
    seq += 1;
    const content = { seq, at, ...input, prevHash };
    const hash = hashNormalisedRecord(content, detailsText);
    prevHash = hash;
    return { ...content, hash };
  });
  const rows = written.map((record, index) => toAuditRow(record, entries[index]?.detailsText));
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await trx.executeQuery(statements.insert(rows.slice(start, start + ROWS_PER_INSERT)));
  }
  const last = entries[entries.length - 1];
  await trx.executeQuery(statements.moveHead(seq, prevHash, last?.at ?? new Date().toISOString()));
  return written;
}
