import { CompiledQuery, type Insertable } from 'kysely';
import type { AuditDb } from './audit-context.js';
import { CHAIN_ID } from './audit-context.js';
import type { AuditRecordsTable } from './audit-tables.js';

/**
 * The append transaction's statements, compiled once: a busy server writes a batch every few
 * milliseconds, and building and compiling the same three queries through the query builder
 * each time cost more than running them. Inserts are compiled once per row count, up to
 * CACHED_INSERT_ROWS rows (bigger batches are rare: a backlog after a stall).
 */

const CACHED_INSERT_ROWS = 64;

/** Columns in the order each row's parameters are bound. */
const COLUMNS = ['seq', 'at', 'actor_kind', 'actor_id', 'actor_org_id', 'action', 'subject_ids', 'entity_ids', 'purpose', 'outcome', 'decision', 'details', 'prev_hash', 'hash'] as const;

type AuditColumn = (typeof COLUMNS)[number];

/** A parameter placeholder that no real value looks like, so compiled parameters can be told apart. */
function slot(name: string): string {
  return `\u0000slot:${name}`;
}

/** The parameter order of a statement compiled with slots, checked against what its binder assumes. */
function checkSlots(parameters: readonly unknown[], expected: readonly string[], statement: string): void {
  const ok = parameters.length === expected.length && parameters.every((parameter, index) => parameter === slot(expected[index] ?? ''));
  if (!ok) throw new Error(`the compiled ${statement} statement binds its parameters in an unexpected order`);
}

export interface HeadRow {
  seq: number | string;
  hash: string;
}

export class AuditStatements {
  /** Writes the head row to itself, returning it: takes the chain's lock before anything is read. */
  readonly lockHead: CompiledQuery<HeadRow>;
  private readonly moveHeadSql: string;
  private readonly inserts = new Map<number, string>();

  constructor(private readonly db: AuditDb) {
    this.lockHead = db
      .updateTable('audit_chain_head')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', CHAIN_ID)
      .returning(['seq', 'hash'])
      .compile();
    const moveHead = db
      .updateTable('audit_chain_head')
      // The slots are text; the bound values are the real seq, hash and time.
      .set({ seq: slot('seq') as unknown as number, hash: slot('hash'), updated_at: slot('at') })
      .where('id', '=', slot('id'))
      .compile();
    checkSlots(moveHead.parameters, ['seq', 'hash', 'at', 'id'], 'chain head update');
    this.moveHeadSql = moveHead.sql;
  }

  /** Sets the head to the last record written. */
  moveHead(seq: number, hash: string, at: string): CompiledQuery {
    return CompiledQuery.raw(this.moveHeadSql, [seq, hash, at, CHAIN_ID]);
  }

  /** One INSERT for all of `rows` (callers keep a batch under the bind-parameter limits). */
  insert(rows: ReadonlyArray<Insertable<AuditRecordsTable>>): CompiledQuery {
    const parameters: unknown[] = [];
    for (const row of rows) for (const column of COLUMNS) parameters.push(row[column] ?? null);
    return CompiledQuery.raw(this.insertSql(rows.length), parameters);
  }

  private insertSql(count: number): string {
    let text = this.inserts.get(count);
    if (text === undefined) {
      const names = (row: number): Record<AuditColumn, string> => Object.fromEntries(COLUMNS.map((column) => [column, slot(`${row}.${column}`)])) as Record<AuditColumn, string>;
      const rows = Array.from({ length: count }, (_, row) => names(row) as unknown as Insertable<AuditRecordsTable>);
      const compiled = this.db.insertInto('audit_records').values(rows).compile();
      checkSlots(compiled.parameters, Array.from({ length: count }, (_, row) => COLUMNS.map((column) => `${row}.${column}`)).flat(), 'audit insert');
      text = compiled.sql;
      if (count <= CACHED_INSERT_ROWS) this.inserts.set(count, text);
    }
    return text;
  }
}
