import { VigilError, type ErrorCode } from '../domain/index.js';
import type { AuditInput } from '../audit/index.js';
import type { ScreeningJob } from './screening-writes.js';

/** What the serving thread asks of the write thread; each carries the id its reply names. */
export type WriteRequest =
  | { id: number; kind: 'audit'; input: AuditInput }
  | { id: number; kind: 'screened'; job: ScreeningJob }
  | { id: number; kind: 'flush' };

/** A failure as it crosses threads: a VigilError keeps its code and details. */
export interface WireError {
  message: string;
  code?: ErrorCode;
  details?: Record<string, unknown>;
}

export type WriteReply = { id: number; value: unknown } | { id: number; error: WireError };

/** Messages from the write thread that answer no request. */
export type ThreadNotice = { notice: 'ready' } | { notice: 'failed'; error: WireError } | { notice: 'warning'; error: WireError } | { notice: 'closed' };

export function toWire(error: unknown): WireError {
  if (error instanceof VigilError) return { message: error.message, code: error.code, details: { ...error.details } };
  return { message: error instanceof Error ? error.message : String(error) };
}

export function fromWire(error: WireError): Error {
  if (error.code !== undefined) return new VigilError(error.code, error.message, error.details ?? {});
  return new Error(error.message);
}
