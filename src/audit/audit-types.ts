/** Who did it: a user, an API key, or Vigil itself (`cli:<os user>`, `vetting`, ...). */
export interface AuditActor {
  kind: 'user' | 'key' | 'system';
  id: string;
  orgId?: string;
}

export type AuditOutcome = 'ok' | 'denied' | 'error';

/**
 * One thing that happened. Only ids and decisions: never a request body, a name searched for or
 * an entity's content. `details` is limited to a few kilobytes for that reason.
 */
export interface AuditInput {
  actor: AuditActor;
  /** `screen`, `entity.read`, `alert.read`, `list.import`, `user.add`, ... */
  action: string;
  subjectIds?: string[];
  entityIds?: string[];
  /** The stated purpose of a read, for need-to-know review. */
  purpose?: string;
  outcome: AuditOutcome;
  /** `match`, `no-match`, `review`, ... */
  decision?: string;
  details?: Record<string, unknown>;
}

/** A committed record: `hash = sha256(prevHash + canonicalJson(record without hash))`. */
export interface AuditRecord extends AuditInput {
  /** 1, 2, 3, ... with no gaps. */
  seq: number;
  /** ISO-8601 UTC, when append was called. */
  at: string;
  /** The previous record's hash; 64 zeros for the first. */
  prevHash: string;
  hash: string;
}

export type AuditProblemKind = 'edited' | 'deleted' | 'reordered' | 'inserted';

export interface AuditProblem {
  /** The first record found bad (for `deleted`, the first missing seq). */
  seq: number;
  kind: AuditProblemKind;
  message: string;
}

/** `count`: records checked (ok), or records before the first bad one, which are intact (not ok). */
export type AuditVerification = { ok: true; count: number } | { ok: false; count: number; problem: AuditProblem };

export interface AuditLogOptions {
  /** The clock records are stamped with; tests pin it. */
  now?: () => Date;
  /** Records appended within this window share one transaction. Default 0: those appended in one turn of the event loop, or while the last transaction was written. */
  flushMs?: number;
  /** Most records one transaction carries. Default 500. */
  maxBatch?: number;
}

export interface AuditExportOptions {
  /** Only records at or after this ISO-8601 time. */
  since?: string;
  /** Only records from this seq on. */
  fromSeq?: number;
}

/**
 * The append-only, hash-chained audit trail.
 *
 * @example
 * const audit = createAuditLog(store);
 * await audit.append({ actor: { kind: 'user', id: principal.id, orgId: principal.orgId }, action: 'screen', subjectIds: [id], outcome: 'ok', decision: 'no-match' });
 * const check = await audit.verify(); // { ok: true, count } or the first bad record
 */
export interface AuditLog {
  /**
   * Resolves once the record is committed; rejects with AUDIT_FAILED when it could not be
   * (callers then return no personal data), INVALID_INPUT for a malformed record.
   */
  append(input: AuditInput): Promise<AuditRecord>;
  /** Resolves once every record appended so far is committed (or has failed). */
  flush(): Promise<void>;
  /** Walks the whole chain and names the first bad record. */
  verify(): Promise<AuditVerification>;
  /** Committed records in seq order, read in pages. */
  export(options?: AuditExportOptions): AsyncIterable<AuditRecord>;
  /** Flushes, then refuses further appends with AUDIT_FAILED. Does not close the store. */
  close(): Promise<void>;
}
