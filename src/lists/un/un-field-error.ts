/**
 * A source field of one record that cannot be mapped. Mappers throw it; `mapUnRecord` turns it
 * into an invalid record so the rest of the file still streams.
 */
export class UnFieldError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'UnFieldError';
    this.field = field;
  }
}
