import { CompiledQuery, type Kysely } from 'kysely';
import { VigilError } from '../domain/index.js';
import { chunks } from './rows-per-statement.js';
import type { Database } from './database.js';

/**
 * A multi-row INSERT built by Kysely once per row count and run again with new parameters.
 * Building a statement of thousands of rows costs about as much as running it, and an import
 * runs the same shape many times.
 */
export class RepeatedInsert<Row> {
  private readonly statements = new Map<number, string>();

  constructor(
    /** The statement for `rows` rows of placeholder values, each value a parameter. */
    private readonly build: (rows: number) => CompiledQuery,
    /** One row's parameters, in the statement's column order. */
    private readonly parameters: (row: Row) => readonly unknown[],
    private readonly columns: number,
    private readonly rowsPerStatement: number,
  ) {}

  async run(db: Kysely<Database>, rows: readonly Row[]): Promise<void> {
    for (const batch of chunks(rows, this.rowsPerStatement)) {
      const values: unknown[] = [];
      for (const row of batch) values.push(...this.parameters(row));
      await db.executeQuery(CompiledQuery.raw(this.statementFor(batch.length), values));
    }
  }

  private statementFor(rows: number): string {
    let text = this.statements.get(rows);
    if (text === undefined) {
      const compiled = this.build(rows);
      if (compiled.parameters.length !== rows * this.columns) {
        throw new VigilError('INTERNAL', `an insert of ${rows} rows has ${compiled.parameters.length} parameters, not ${rows * this.columns}`);
      }
      text = compiled.sql;
      this.statements.set(rows, text);
    }
    return text;
  }
}
