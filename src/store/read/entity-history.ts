import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { EntityHistoryEntry } from '../store.js';

interface Span {
  first: number;
  last: number | null;
  hash: string;
}

/** Turns an entity's spans (oldest first, never overlapping) into the changes between them. */
export function historyOfSpans(spans: readonly Span[]): EntityHistoryEntry[] {
  const history: EntityHistoryEntry[] = [];
  spans.forEach((span, index) => {
    const previous = spans[index - 1];
    const continues = previous !== undefined && previous.last === span.first - 1;
    history.push({ version: span.first, contentHash: span.hash, change: continues ? 'changed' : 'added' });
    const next = spans[index + 1];
    if (span.last !== null && next?.first !== span.last + 1) {
      history.push({ version: span.last + 1, contentHash: span.hash, change: 'removed' });
    }
  });
  return history;
}

export async function entityHistory(db: Kysely<Database>, id: string): Promise<EntityHistoryEntry[]> {
  const rows = await db
    .selectFrom('entity_spans')
    .select(['first_version', 'last_version', 'content_hash'])
    .where('entity_id', '=', id)
    .orderBy('first_version')
    .execute();
  return historyOfSpans(
    rows.map((r) => ({ first: Number(r.first_version), last: r.last_version === null ? null : Number(r.last_version), hash: r.content_hash })),
  );
}
