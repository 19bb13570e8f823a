/**
 * The tables the store owns, as Kysely sees them. Times are ISO-8601 UTC text, JSON is text,
 * ids are text, so one schema serves SQLite and PostgreSQL alike.
 */
export interface Database {
  sources: SourcesTable;
  list_versions: ListVersionsTable;
  entity_contents: EntityContentsTable;
  entity_spans: EntitySpansTable;
}

export interface SourcesTable {
  source: string;
  /** 0 until the first version of the source commits. */
  current_version: number;
  created_at: string;
  /** The last import that completed, including ones that found nothing new. */
  last_imported_at: string;
}

export interface ListVersionsTable {
  source: string;
  version: number;
  imported_at: string;
  published_at: string | null;
  file_sha256: string;
  /** JSON array of file names. */
  file_names: string;
  mode: 'full' | 'delta';
  entity_count: number;
  added: number;
  changed: number;
  removed: number;
}

/** One row per distinct entity content, shared by every version that holds it. */
export interface EntityContentsTable {
  /** sha256 of the canonical JSON; the content includes the id, so a hash implies one entity. */
  content_hash: string;
  entity_id: string;
  caption: string;
  entity_schema: string;
  entity_json: string;
}

/**
 * An entity holds one content over the versions first_version..last_version of its source;
 * last_version is null while the span is current. Version V of a source is every span with
 * first_version <= V and (last_version is null or last_version >= V).
 */
export interface EntitySpansTable {
  entity_id: string;
  first_version: number;
  source: string;
  content_hash: string;
  last_version: number | null;
}
