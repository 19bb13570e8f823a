import { STATUS_CODES } from 'node:http';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_CATALOGUE, isVigilError, type ErrorCode } from '../domain/index.js';
import { fieldIssues } from './validation-issues.js';

/**
 * Failures that only exist in HTTP (no route, a body type no route reads). They sit beside the
 * domain catalogue rather than in it because the CLI can never meet them.
 */
export const HTTP_ERRORS = {
  ROUTE_NOT_FOUND: { status: 404, summary: 'No route answers this method and path.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, summary: 'The request body has a content type this route does not read.' },
} as const satisfies Record<string, { status: number; summary: string }>;

export type ServerErrorCode = ErrorCode | keyof typeof HTTP_ERRORS;

/** The one error body every route sends: `{statusCode, code, error, message, details}`. */
export interface ErrorReply {
  statusCode: number;
  code: ServerErrorCode;
  error: string;
  message: string;
  details: Record<string, unknown>;
}

export function statusOf(code: ServerErrorCode): number {
  return code in HTTP_ERRORS ? HTTP_ERRORS[code as keyof typeof HTTP_ERRORS].status : ERROR_CATALOGUE[code as ErrorCode].status;
}

export function errorReply(code: ServerErrorCode, message: string, details: Record<string, unknown> = {}): ErrorReply {
  const statusCode = statusOf(code);
  return { statusCode, code, error: STATUS_CODES[statusCode] ?? 'Error', message, details };
}

/** Codes whose message may carry internals (SQL, paths): the caller gets the catalogue summary. */
const OPAQUE: ReadonlySet<ServerErrorCode> = new Set<ServerErrorCode>(['INTERNAL', 'STORE_FAILED', 'CONFIG_INVALID']);

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  validation?: unknown;
  validationContext?: unknown;
}

function asFastifyError(error: unknown): FastifyLikeError {
  return error !== null && typeof error === 'object' ? (error as FastifyLikeError) : {};
}

const BY_STATUS: Record<number, ServerErrorCode> = {
  401: 'AUTH_REQUIRED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  406: 'UNSUPPORTED_MEDIA_TYPE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

function humanBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

export interface ReplyContext {
  requestId: string;
  /** The body limit in force on the route, for the 413 message. */
  bodyLimit: number;
}

/**
 * Maps anything a route, hook or Fastify itself threw to the reply body. Only 4xx messages that
 * Vigil or Fastify wrote for the caller are passed on; 5xx say what failed, never how, and no
 * reply ever carries a stack.
 */
export function toErrorReply(error: unknown, context: ReplyContext): ErrorReply {
  if (isVigilError(error)) {
    if (OPAQUE.has(error.code)) return errorReply(error.code, ERROR_CATALOGUE[error.code].summary, { requestId: context.requestId });
    return errorReply(error.code, error.message, { ...error.details });
  }
  const e = asFastifyError(error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = fieldIssues(error.validation);
    const first = issues[0];
    const where = typeof e.validationContext === 'string' ? e.validationContext : 'body';
    const label = (field: string): string => (field === '' ? where : field);
    const message = first === undefined ? `invalid ${where}` : `${label(first.field)}: ${first.message}`;
    return errorReply('INVALID_INPUT', message, {
      field: first?.field ?? '',
      in: where,
      issues: issues.slice(0, 20).map((issue) => ({ field: issue.field, message: issue.message })),
    });
  }
  if (error instanceof Error && isResponseSerializationError(error)) {
    return errorReply('INTERNAL', ERROR_CATALOGUE.INTERNAL.summary, { requestId: context.requestId });
  }
  const fastifyCode = typeof e.code === 'string' ? e.code : '';
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  const text = typeof e.message === 'string' ? e.message : '';
  if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyCode === 'FST_REQ_FILE_TOO_LARGE') {
    return errorReply('PAYLOAD_TOO_LARGE', `the request body is larger than this route accepts (${humanBytes(context.bodyLimit)})`, { limit: context.bodyLimit });
  }
  if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fastifyCode === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return errorReply('UNSUPPORTED_MEDIA_TYPE', text !== '' ? text : 'this route does not read that content type');
  }
  if (fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return errorReply('INVALID_INPUT', 'the body is empty but its content-type is application/json', { field: '', in: 'body' });
  }
  if (fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && error instanceof SyntaxError)) {
    return errorReply('INVALID_INPUT', `the body is not valid JSON: ${text}`, { field: '', in: 'body' });
  }
  if (status >= 400 && status < 500) {
    return errorReply(BY_STATUS[status] ?? 'INVALID_INPUT', text !== '' ? text : (STATUS_CODES[status] ?? 'invalid request'));
  }
  return errorReply('INTERNAL', ERROR_CATALOGUE.INTERNAL.summary, { requestId: context.requestId });
}
