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
  AUTH_REQUIRED: { status: 401, exit: 7, summary: 'No valid credentials (API key or session) were presented.' },
  AUTH_FAILED: { status: 401, exit: 7, summary: 'The user name or password is wrong.' },
  AUTH_LOCKED: { status: 423, exit: 7, summary: 'The account is locked after repeated failed sign-ins.' },
  FORBIDDEN: { status: 403, exit: 8, summary: 'The caller is not allowed to do this.' },
  CONFLICT: { status: 409, exit: 9, summary: 'The request conflicts with the current state.' },
  PAYLOAD_TOO_LARGE: { status: 413, exit: 2, summary: 'The request body or batch is larger than allowed.' },
  RATE_LIMITED: { status: 429, exit: 10, summary: 'Too many requests; retry later.' },
  NOT_READY: { status: 503, exit: 11, summary: 'The service is starting (the index is not loaded yet).' },
  AUDIT_FAILED: { status: 503, exit: 12, summary: 'The audit record could not be stored, so no personal data is returned.' },
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
