/**
 * The one error type. Every failure a user can cause or meet has a stable `code` listed in
 * ERROR_CATALOGUE; the server maps codes to HTTP statuses and the CLI to exit codes. Library
 * errors are wrapped with `cause` at the edge where they occur.
 */
export const ERROR_CATALOGUE = {
  INVALID_INPUT: { status: 400, exit: 2, summary: 'A request, option or record breaks its schema.' },
  LIST_PARSE_FAILED: { status: 422, exit: 3, summary: 'A list file could not be read; nothing was stored.' },
  LIST_FORMAT_UNKNOWN: { status: 422, exit: 3, summary: 'The format of a list file could not be detected.' },
  LIST_FETCH_FAILED: { status: 502, exit: 4, summary: 'A list could not be downloaded from its source.' },
  STORE_NOT_FOUND: { status: 404, exit: 5, summary: 'The requested source, version or entity does not exist.' },
  STORE_FAILED: { status: 500, exit: 6, summary: 'The database refused or failed an operation.' },
  CONFIG_INVALID: { status: 500, exit: 2, summary: 'The configuration is invalid.' },
  INTERNAL: { status: 500, exit: 1, summary: 'An unexpected failure.' },
} as const satisfies Record<string, { status: number; exit: number; summary: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface ErrorDetails {
  /** File, line, record and field where a bad input was met. */
  file?: string;
  line?: number;
  record?: string;
  field?: string;
  [key: string]: unknown;
}

export class VigilError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VigilError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  get exitCode(): number {
    return ERROR_CATALOGUE[this.code].exit;
  }

  toJSON(): { code: ErrorCode; message: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isVigilError(value: unknown): value is VigilError {
  return value instanceof VigilError;
}

/** Describes where in a file something was found, for messages people read. */
export function describeLocation(details: ErrorDetails): string {
  const parts: string[] = [];
  if (details.file !== undefined) parts.push(details.file);
  if (details.line !== undefined) parts.push(`line ${details.line}`);
  if (details.record !== undefined) parts.push(`record ${details.record}`);
  if (details.field !== undefined) parts.push(`field ${details.field}`);
  return parts.join(', ');
}
