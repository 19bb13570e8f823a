import { VigilError } from '../domain/index.js';
import type { Store } from '../store/index.js';
import type { AuditDb } from './audit-context.js';
import { normaliseAudit } from './audit-input.js';
import type { AuditTables } from './audit-tables.js';
import { AuditStatements } from './audit-statements.js';
import type { AuditInput, AuditLog, AuditLogOptions, AuditRecord } from './audit-types.js';
import { appendWithin, BatchWriter } from './batch-writer.js';
import { exportRecords } from './export-records.js';
import { verifyChain } from './verify-chain.js';

/**
 * The audit log over the store's database (tables from migration 0003-audit). Several logs, in
 * one process or many, may append to one database: they continue one chain.
 *
 * @example
 * const audit = createAuditLog(store);
 * try {
 *   await audit.append({ actor: { kind: 'system', id: 'vetting' }, action: 'alert.create', subjectIds: [subjectId], outcome: 'ok' });
 * } finally {
 *   await audit.close();
 * }
 */
export function createAuditLog(store: Store, options: AuditLogOptions = {}): AuditLog {
  const db: AuditDb = store.db.withTables<AuditTables>();
  const now = options.now ?? (() => new Date());
  const writer = new BatchWriter(db, Math.max(0, options.flushMs ?? 0), Math.max(1, options.maxBatch ?? 500));
  let closed = false;

  const guarded = async <T>(operation: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof VigilError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new VigilError('STORE_FAILED', `${operation} failed: ${reason}`, { operation }, { cause: error });
    }
  };

  return {
    append(input) {
      if (closed) return Promise.reject(new VigilError('AUDIT_FAILED', 'the audit log is closed; the action was not done'));
      let normalised;
      try {
        normalised = normaliseAudit(input);
      } catch (error) {
        return Promise.reject(error);
      }
      return writer.enqueue(normalised.record, normalised.detailsText, now().toISOString());
    },
    flush: () => writer.flush(),
    async verify() {
      await writer.flush();
      return guarded('verifying the audit trail', () => verifyChain(db));
    },
    export: (exportOptions) => exportRecords(db, exportOptions),
    async close() {
      closed = true;
      await writer.flush();
    },
  };
}

/** A record checked and put in the form it is hashed and stored in, waiting for its transaction. */
export interface PreparedAuditRecord {
  readonly input: AuditInput;
  readonly detailsText: string | undefined;
  readonly at: string;
}

/**
 * Audit records appended inside a transaction the caller owns, continuing the same chain as
 * every `AuditLog` on the database: a server's write thread commits a screening's case, its
 * enrolment and its record as one transaction, so none is stored without the others.
 */
export interface AuditAppender {
  /** Checks a record (INVALID_INPUT naming the field) and stamps it with the time now. */
  prepare(input: AuditInput): PreparedAuditRecord;
  /** Appends the records in order inside `trx` (any transaction on the store's database). */
  appendWithin(trx: Store['db'], records: readonly PreparedAuditRecord[]): Promise<AuditRecord[]>;
}

/**
 * @example
 * const appender = createAuditAppender(store);
 * const record = appender.prepare({ actor, action: 'screen', subjectIds: [id], outcome: 'ok' });
 * await store.db.transaction().execute(async (trx) => { ...; await appender.appendWithin(trx, [record]); });
 */
export function createAuditAppender(store: Store, options: Pick<AuditLogOptions, 'now'> = {}): AuditAppender {
  const statements = new AuditStatements(store.db.withTables<AuditTables>());
  const now = options.now ?? (() => new Date());
  return {
    prepare(input) {
      const normalised = normaliseAudit(input);
      return { input: normalised.record, detailsText: normalised.detailsText, at: now().toISOString() };
    },
    appendWithin: (trx, records) => appendWithin(trx.withTables<AuditTables>(), statements, records),
  };
}
