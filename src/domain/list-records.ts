import type { EntityInput } from './entity.js';

/** Where in a source file a record came from, for error messages. */
export interface RecordLocation {
  file: string;
  /** 1-based line where the record starts. */
  line: number;
  /** The record's id in the source, when it could be read. */
  record?: string;
}

/** A record an adapter could not turn into an entity. */
export interface InvalidRecord extends RecordLocation {
  field?: string;
  message: string;
}

/**
 * What a list adapter streams. A full list yields `entity` records; a delta file (FtM ADD/MOD/DEL)
 * may also yield `delete`. Bad records are yielded as `invalid` so the importer decides whether
 * to reject the file or, with --skip-invalid, to skip and report them. Errors that make the rest
 * of the file unreadable (truncated XML, bad encoding) are thrown as VigilError.
 */
export type ListRecord =
  | { kind: 'entity'; entity: EntityInput; at: RecordLocation }
  | { kind: 'delete'; id: string; at: RecordLocation }
  | { kind: 'invalid'; issue: InvalidRecord };

export interface ListAdapter {
  /** The source id entities get (`ofac-sdn`, `un-sc`, ...). */
  readonly source: string;
  /** `full`: the file is the whole list. `delta`: it changes the current version. */
  readonly mode: 'full' | 'delta';
  /** Metadata read from the file (publication date) where the format carries it. */
  records(): AsyncIterable<ListRecord>;
  publishedAt?(): string | undefined;
}
