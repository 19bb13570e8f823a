import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { VigilError } from '../../domain/index.js';
import { AttemptError, isRetryable, toVigilError, type AttemptFailure } from './fetch-failure.js';

/** What the previous successful download of the same URL returned. */
export interface PreviousDownload {
  etag?: string;
  lastModified?: string;
  sha256?: string;
}

export interface FetchListOptions {
  url: string;
  /** Where the file ends up; replaced atomically, never left half-written. */
  dest: string;
  previous?: PreviousDownload;
  /** Attempts after the first on network errors, timeouts and 5xx/408/429. Default 3. */
  retries?: number;
  /** Longest wait for the response or for the next chunk of its body, in ms. Default 60 000. */
  timeoutMs?: number;
  /** First backoff delay, doubled per attempt. Default 1 000 ms. */
  backoffMs?: number;
  /** For tests and proxies: the fetch to use instead of Node's global one. */
  fetchImpl?: typeof fetch;
}

export type FetchListResult =
  | { status: 'not-modified' }
  | {
      /** `unchanged`: the server sent the file again, byte for byte what `previous.sha256` says. */
      status: 'downloaded' | 'unchanged';
      sha256: string;
      etag?: string;
      lastModified?: string;
      bytes: number;
    };

const USER_AGENT = 'vigil-lists-update';
const MAX_RETRY_AFTER_MS = 60_000;

function conditionalHeaders(previous: PreviousDownload | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: '*/*' };
  if (previous?.etag !== undefined) headers['if-none-match'] = previous.etag;
  if (previous?.lastModified !== undefined) headers['if-modified-since'] = previous.lastModified;
  return headers;
}

function retryAfterMs(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(date - Date.now(), 0), MAX_RETRY_AFTER_MS);
}

/** Errors of the file system carry the syscall that failed; network errors reach us wrapped by fetch. */
function isLocalError(error: unknown): boolean {
  const syscall = (error as { syscall?: unknown } | null)?.syscall;
  return typeof syscall === 'string' && ['open', 'write', 'fsync', 'close', 'rename', 'mkdir', 'unlink'].includes(syscall);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (error: unknown) => {
      if ((error as { code?: unknown }).code === 'ENOENT') return false;
      throw error;
    },
  );
}

/** An idle timer: aborts the request when neither the response nor a body chunk arrives in time. */
function idleAbort(timeoutMs: number): { signal: AbortSignal; touch: () => void; stop: () => void; fired: () => boolean } {
  const controller = new AbortController();
  let fired = false;
  const arm = (): NodeJS.Timeout =>
    setTimeout(() => {
      fired = true;
      controller.abort();
    }, timeoutMs);
  let timer = arm();
  return {
    signal: controller.signal,
    touch: () => {
      clearTimeout(timer);
      timer = arm();
    },
    stop: () => clearTimeout(timer),
    fired: () => fired,
  };
}

async function attempt(options: FetchListOptions, timeoutMs: number): Promise<FetchListResult> {
  const { url, dest, previous } = options;
  const fetchImpl = options.fetchImpl ?? fetch;
  const idle = idleAbort(timeoutMs);
  const fail = (failure: AttemptFailure): never => {
    throw new AttemptError(failure);
  };
  const networkOrTimeout = (cause: unknown): never =>
    fail(idle.fired() ? { kind: 'timeout', timeoutMs } : { kind: 'network', cause });
  try {
    const response = await fetchImpl(url, { headers: conditionalHeaders(previous), signal: idle.signal }).catch(
      networkOrTimeout,
    );
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      const after = retryAfterMs(response.headers.get('retry-after'));
      return fail({
        kind: 'http',
        status: response.status,
        statusText: response.statusText,
        ...(after !== undefined ? { retryAfterMs: after } : {}),
      });
    }

    await mkdir(dirname(dest), { recursive: true }).catch((cause: unknown) => fail({ kind: 'local', cause }));
    // Same directory as dest, so the final rename stays on one file system and is atomic.
    const temp = join(dirname(dest), `.${basename(dest)}.${randomUUID()}.part`);
    const hash = createHash('sha256');
    let bytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        idle.touch();
        done(null, chunk);
      },
    });
    try {
      const body = response.body === null ? Readable.from([]) : Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
      await pipeline(body, tap, createWriteStream(temp, { flags: 'wx' })).catch((cause: unknown) =>
        isLocalError(cause) ? fail({ kind: 'local', cause }) : networkOrTimeout(cause),
      );
      const length = Number(response.headers.get('content-length') ?? NaN);
      const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
      if (!encoded && Number.isFinite(length) && length !== bytes) fail({ kind: 'truncated', expected: length, received: bytes });
      // Flush to disk before the rename makes the file visible: a crash must not leave a short file.
      const handle = await open(temp, 'r+').catch((cause: unknown) => fail({ kind: 'local', cause }));
      await handle.sync().finally(() => handle.close());
      const sha256 = hash.digest('hex');
      const etag = response.headers.get('etag') ?? undefined;
      const lastModified = response.headers.get('last-modified') ?? undefined;
      const meta = { sha256, bytes, ...(etag !== undefined ? { etag } : {}), ...(lastModified !== undefined ? { lastModified } : {}) };
      if (previous?.sha256 === sha256 && (await exists(dest))) {
        await rm(temp, { force: true });
        return { status: 'unchanged', ...meta };
      }
      await rename(temp, dest).catch((cause: unknown) => fail({ kind: 'local', cause }));
      return { status: 'downloaded', ...meta };
    } finally {
      await rm(temp, { force: true });
    }
  } finally {
    idle.stop();
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Downloads one list file for `vigil lists update`. Sends If-None-Match / If-Modified-Since from
 * the previous download and returns `not-modified` on 304; otherwise streams the body to a
 * temporary file beside `dest`, hashing it, and renames it over `dest` only when complete.
 * Retries network errors, idle timeouts, truncated bodies and 5xx/408/429 with exponential
 * backoff; other 4xx fail at once. Failures are VigilError LIST_FETCH_FAILED naming the URL.
 *
 * @example
 * const result = await fetchList({ url: DEFAULT_SOURCE_URLS['un-sc'].consolidated, dest: 'un.xml', previous });
 * if (result.status === 'downloaded') await importList('un.xml');
 */
export async function fetchList(options: FetchListOptions): Promise<FetchListResult> {
  const retries = options.retries ?? 3;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const backoffMs = options.backoffMs ?? 1_000;
  try {
    new URL(options.url);
  } catch (cause) {
    throw new VigilError('INVALID_INPUT', `${JSON.stringify(options.url)} is not a URL`, { field: 'url' }, { cause });
  }
  for (let attempted = 1; ; attempted += 1) {
    try {
      return await attempt(options, timeoutMs);
    } catch (error) {
      if (!(error instanceof AttemptError)) throw error;
      const failure = error.failure;
      if (!isRetryable(failure) || attempted > retries) throw toVigilError(failure, options.url, attempted);
      const jitter = 0.8 + Math.random() * 0.4;
      const wait = Math.max(backoffMs * 2 ** (attempted - 1) * jitter, failure.kind === 'http' ? (failure.retryAfterMs ?? 0) : 0);
      await delay(wait);
    }
  }
}
