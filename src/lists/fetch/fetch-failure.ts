import { VigilError } from '../../domain/index.js';

/** Why one attempt failed, and whether another attempt could succeed. */
export type AttemptFailure =
  | { kind: 'http'; status: number; statusText: string; retryAfterMs?: number }
  | { kind: 'network'; cause: unknown }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'truncated'; expected: number; received: number }
  | { kind: 'local'; cause: unknown };

export class AttemptError extends Error {
  constructor(readonly failure: AttemptFailure) {
    super(failure.kind, failure.kind === 'network' || failure.kind === 'local' ? { cause: failure.cause } : undefined);
  }
}

/** Server errors, throttling and request timeouts pass; other client errors will not change. */
export function isRetryable(failure: AttemptFailure): boolean {
  switch (failure.kind) {
    case 'http':
      return failure.status >= 500 || failure.status === 408 || failure.status === 429;
    case 'network':
    case 'timeout':
    case 'truncated':
      return true;
    case 'local':
      return false;
  }
}

const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);

/** Node's fetch wraps the system error (`TypeError: fetch failed` → cause → code), sometimes in an AggregateError. */
export function systemErrorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || error === null || typeof error !== 'object') return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = systemErrorCode(inner, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return systemErrorCode(cause, depth + 1);
}

function describeCause(error: unknown): string {
  const code = systemErrorCode(error);
  const message = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
}

/** The error a user sees once the attempts are spent: what failed, for which URL, what to do. */
export function toVigilError(failure: AttemptFailure, url: string, attempts: number): VigilError {
  const host = new URL(url).host;
  const tried = attempts > 1 ? ` (${attempts} attempts)` : '';
  const details = { url, attempts };
  switch (failure.kind) {
    case 'http':
      return new VigilError(
        'LIST_FETCH_FAILED',
        `${url}: the server answered ${failure.status} ${failure.statusText}${tried}`.trim(),
        { ...details, status: failure.status },
      );
    case 'network': {
      const code = systemErrorCode(failure.cause);
      if (code !== undefined && OFFLINE_CODES.has(code)) {
        return new VigilError(
          'LIST_FETCH_FAILED',
          `cannot reach ${host}: are you offline? (${code} while fetching ${url}${tried}). ` +
            'Check the network or proxy, or download the file elsewhere and import it with `vigil lists import`.',
          { ...details, code },
          { cause: failure.cause },
        );
      }
      return new VigilError(
        'LIST_FETCH_FAILED',
        `${url}: the download failed: ${describeCause(failure.cause)}${tried}`,
        code !== undefined ? { ...details, code } : details,
        { cause: failure.cause },
      );
    }
    case 'timeout':
      return new VigilError('LIST_FETCH_FAILED', `${url}: no data from ${host} for ${failure.timeoutMs} ms${tried}`, details);
    case 'truncated':
      return new VigilError(
        'LIST_FETCH_FAILED',
        `${url}: the download stopped after ${failure.received} of ${failure.expected} bytes${tried}`,
        details,
      );
    case 'local':
      return new VigilError('LIST_FETCH_FAILED', `${url}: cannot write the download: ${describeCause(failure.cause)}`, details, {
        cause: failure.cause,
      });
  }
}
