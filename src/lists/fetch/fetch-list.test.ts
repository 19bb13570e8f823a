import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VigilError } from '../../domain/index.js';
import { DEFAULT_SOURCE_URLS, fetchList } from './index.js';

const FIXTURE = join(import.meta.dirname, '../../../test/fixtures/ftm/entities.ftm.json');
const ETAG = '"ftm-v1"';
const LAST_MODIFIED = 'Wed, 01 May 2024 06:00:00 GMT';

type Handler = (request: IncomingMessage, response: ServerResponse, hit: number) => void;

let body: Buffer;
let sha: string;
let dir: string;
let server: Server | undefined;
let hits = 0;

beforeAll(async () => {
  body = await readFile(FIXTURE);
  sha = createHash('sha256').update(body).digest('hex');
  dir = await mkdtemp(join(tmpdir(), 'vigil-fetch-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  const running = server;
  server = undefined;
  if (running === undefined) return;
  const closed = new Promise<void>((resolve) => running.close(() => resolve()));
  running.closeAllConnections(); // a stalled response would otherwise hold close() open
  await closed;
});

async function serve(handler: Handler): Promise<string> {
  hits = 0;
  server = createServer((request, response) => {
    hits += 1;
    handler(request, response, hits);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/entities.ftm.json`;
}

/** Serves the fixture like a static file server: ETag, Last-Modified, conditional requests. */
const staticFile: Handler = (request, response) => {
  if (request.headers['if-none-match'] === ETAG || request.headers['if-modified-since'] === LAST_MODIFIED) {
    response.writeHead(304, { etag: ETAG }).end();
    return;
  }
  response.writeHead(200, { etag: ETAG, 'last-modified': LAST_MODIFIED, 'content-length': body.length }).end(body);
};

async function failure(promise: Promise<unknown>): Promise<VigilError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VigilError);
  return error as VigilError;
}

async function leftovers(): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.part'));
}

describe('fetchList', () => {
  it('downloads, hashes and reports the validators, then answers not-modified on 304', async () => {
    const url = await serve(staticFile);
    const dest = join(dir, 'lists', 'ftm.json');
    const first = await fetchList({ url, dest, backoffMs: 1 });
    expect(first).toEqual({ status: 'downloaded', sha256: sha, etag: ETAG, lastModified: LAST_MODIFIED, bytes: body.length });
    expect((await readFile(dest)).equals(body)).toBe(true);

    expect(await fetchList({ url, dest, previous: { etag: ETAG }, backoffMs: 1 })).toEqual({ status: 'not-modified' });
    expect(await fetchList({ url, dest, previous: { lastModified: LAST_MODIFIED }, backoffMs: 1 })).toEqual({
      status: 'not-modified',
    });
    expect((await readFile(dest)).equals(body)).toBe(true);
  });

  it('says unchanged when a server without validators sends the same bytes again', async () => {
    const url = await serve((_request, response) => response.writeHead(200).end(body));
    const dest = join(dir, 'same.json');
    await writeFile(dest, body);
    const result = await fetchList({ url, dest, previous: { sha256: sha }, backoffMs: 1 });
    expect(result).toEqual({ status: 'unchanged', sha256: sha, bytes: body.length });
    expect(await leftovers()).toEqual([]);
  });

  it('retries after two 503s with backoff and then succeeds', async () => {
    const url = await serve((request, response, hit) => {
      if (hit <= 2) response.writeHead(503, { 'content-type': 'text/plain' }).end('maintenance');
      else staticFile(request, response, hit);
    });
    const dest = join(dir, 'retried.json');
    const started = Date.now();
    const result = await fetchList({ url, dest, retries: 3, backoffMs: 20 });
    expect(result.status).toBe('downloaded');
    expect(hits).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40); // 20 + 40 ms, less jitter
  });

  it('gives up after the retries on 5xx, naming the status and the URL', async () => {
    const url = await serve((_request, response) => response.writeHead(502, 'Bad Gateway').end());
    const error = await failure(fetchList({ url, dest: join(dir, 'never.json'), retries: 2, backoffMs: 1 }));
    expect(hits).toBe(3);
    expect(error.code).toBe('LIST_FETCH_FAILED');
    expect(error.message).toContain(url);
    expect(error.details).toMatchObject({ url, status: 502, attempts: 3 });
  });

  it('does not retry a 404', async () => {
    const url = await serve((_request, response) => response.writeHead(404, 'Not Found').end());
    const error = await failure(fetchList({ url, dest: join(dir, 'missing.json'), retries: 3, backoffMs: 1 }));
    expect(hits).toBe(1);
    expect(error).toMatchObject({ code: 'LIST_FETCH_FAILED', details: { url, status: 404 } });
    expect(error.message).toContain('404');
  });

  it('never leaves a partial file when the connection drops mid-body, and keeps the old one', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': body.length });
      response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
    });
    const fresh = join(dir, 'dropped.json');
    const error = await failure(fetchList({ url, dest: fresh, retries: 1, backoffMs: 1 }));
    expect(hits).toBe(2);
    expect(error.code).toBe('LIST_FETCH_FAILED');
    expect(error.message).toContain(url);
    await expect(readFile(fresh)).rejects.toMatchObject({ code: 'ENOENT' });

    const kept = join(dir, 'kept.json');
    await writeFile(kept, 'previous version\n');
    await failure(fetchList({ url, dest: kept, retries: 0, backoffMs: 1 }));
    expect(await readFile(kept, 'utf8')).toBe('previous version\n');
    expect(await leftovers()).toEqual([]);
  });

  it('times out a server that stops sending', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': body.length });
      response.write(body.subarray(0, 100));
    });
    const error = await failure(fetchList({ url, dest: join(dir, 'stalled.json'), retries: 0, timeoutMs: 150 }));
    expect(error.message).toMatch(/no data from 127\.0\.0\.1:\d+ for 150 ms/);
    expect(await leftovers()).toEqual([]);
  });

  it('tells the user they may be offline when nothing listens', async () => {
    const url = await serve(staticFile);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const host = new URL(url).host;
    const error = await failure(fetchList({ url, dest: join(dir, 'offline.json'), retries: 1, backoffMs: 1 }));
    expect(error.code).toBe('LIST_FETCH_FAILED');
    expect(error.message).toContain(`cannot reach ${host}: are you offline?`);
    expect(error.message).toContain(url);
    expect(error.details).toMatchObject({ url, code: 'ECONNREFUSED', attempts: 2 });
  });

  it('recognises a failed DNS look-up through an injected fetch, without touching the network', async () => {
    const url = DEFAULT_SOURCE_URLS['ofac-sdn'].primary;
    let calls = 0;
    const fetchImpl: typeof fetch = () => {
      calls += 1;
      const cause = Object.assign(new Error('getaddrinfo ENOTFOUND sanctionslistservice.ofac.treas.gov'), { code: 'ENOTFOUND' });
      return Promise.reject(new TypeError('fetch failed', { cause }));
    };
    const error = await failure(fetchList({ url, dest: join(dir, 'sdn.csv'), retries: 2, backoffMs: 1, fetchImpl }));
    expect(calls).toBe(3);
    expect(error.message).toContain('cannot reach sanctionslistservice.ofac.treas.gov: are you offline?');
    expect(error.message).toContain(url);
  });
});

describe('DEFAULT_SOURCE_URLS', () => {
  it('points at the official publications over https', () => {
    expect(DEFAULT_SOURCE_URLS['ofac-sdn'].primary).toBe(
      'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV',
    );
    expect(DEFAULT_SOURCE_URLS['ofac-cons'].aliases).toMatch(/\/CONS_ALT\.CSV$/);
    expect(DEFAULT_SOURCE_URLS['un-sc'].consolidated).toBe('https://scsanctions.un.org/resources/xml/en/consolidated.xml');
    expect(DEFAULT_SOURCE_URLS.ftm.entities).toBe('https://data.opensanctions.org/datasets/latest/default/entities.ftm.json');
    for (const files of Object.values(DEFAULT_SOURCE_URLS)) {
      for (const url of Object.values(files)) expect(url.startsWith('https://')).toBe(true);
    }
  });
});
