import type { Transaction } from 'kysely';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialect/store-dialect.js';
import { chunks, rowsPerStatement } from '../rows-per-statement.js';
import { RepeatedInsert } from '../repeated-insert.js';

/** An entity whose content is new to the current version: added, or a change of an existing one. */
export interface EntityWrite {
  id: string;
  hash: string;
  json: string;
  caption: string;
  schema: string;
  /** True when it replaces a current span (a change), false when the entity is new. */
  replaces: boolean;
}

/**
 * Writes one new version's spans inside the import transaction: content rows once per
 * distinct content, closing the spans that end with the previous version, opening the new ones.
 */
export class SpanWriter {
  private readonly contents: RepeatedInsert<EntityWrite>;
  private readonly spans: RepeatedInsert<EntityWrite>;

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly dialect: StoreDialect,
    private readonly source: string,
    private readonly version: number,
  ) {
    const rows = rowsPerStatement(dialect, 5);
    this.contents = new RepeatedInsert(
      (n) =>
        trx
          .insertInto('entity_contents')
          .values(Array.from({ length: n }, () => ({ content_hash: '', entity_id: '', caption: '', entity_schema: '', entity_json: '' })))
          // The content may be stored already: an entity that changed back, or a re-added one.
          .onConflict((oc) => oc.column('content_hash').doNothing())
          .compile(),
      (w) => [w.hash, w.id, w.caption, w.schema, w.json],
      5,
      rows,
    );
    this.spans = new RepeatedInsert(
      (n) =>
        trx
          .insertInto('entity_spans')
          .values(Array.from({ length: n }, () => ({ entity_id: '', first_version: 0, source: '', content_hash: '', last_version: 0 })))
          .compile(),
      (w) => [w.id, this.version, this.source, w.hash, null],
      5,
      rows,
    );
  }

  async writeEntities(writes: readonly EntityWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await this.contents.run(this.trx, writes);
    await this.closeSpans(writes.filter((w) => w.replaces).map((w) => w.id));
    await this.spans.run(this.trx, writes);
  }

  /** Ends the current spans of these entities with the previous version. */
  async closeSpans(ids: readonly string[]): Promise<void> {
    for (const batch of chunks(ids, rowsPerStatement(this.dialect, 1) - 2)) {
      await this.trx
        .updateTable('entity_spans')
        .set({ last_version: this.version - 1 })
        .where('source', '=', this.source)
        .where('last_version', 'is', null)
        .where('entity_id', 'in', batch)
        .execute();
    }
  }
}
