import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../helpers/test-store.js';
import { openHarness, WATCHLIST_V1, WATCHLIST_V2, type Harness } from './server-harness.js';

const HEADER = 'id,schema,name,aliases,weak_aliases,original_script_name,birth_date,birth_place,nationality,gender,passport_numbers,national_ids,program,listed_on,reason,remarks,linked_to';

/** The v2 watchlist plus `extra` generated people: big enough that its import takes a while. */
async function bigWatchlist(dir: string, extra: number): Promise<string> {
  const v2 = (await readFile(WATCHLIST_V2, 'utf8')).trimEnd().split('\n').slice(1);
  const rows = Array.from({ length: extra }, (_, i) => `GEN-${i},Person,Generated Person Q${i.toString(36)} Zed${(i * 7919).toString(36)},,,,19${50 + (i % 50)},,IQ,,,,Test,2024-01-01,,,`);
  const path = join(dir, 'nominations-big.csv');
  await writeFile(path, [HEADER, ...v2, ...rows].join('\n'));
  return path;
}

function multipart(files: Array<{ name: string; content: Buffer | string }>): { body: Buffer; contentType: string } {
  const boundary = '----vigil-test-boundary';
  const parts = files.map((f) => Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: text/csv\r\n\r\n`), Buffer.from(f.content), Buffer.from('\r\n')]));
  return { body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe(`lists and imports over HTTP (${testDialect()})`, () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    h = await openHarness();
    dir = await mkdtemp(join(tmpdir(), 'vigil-server-lists-'));
  });
  afterAll(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists sources and versions', async () => {
    const lists = await h.app.inject({ method: 'GET', url: '/v1/lists', headers: h.bearer('analyst') });
    expect(lists.json().sources).toEqual([expect.objectContaining({ source: 'nominations', currentVersion: 1, entityCount: 3 })]);
    const versions = await h.app.inject({ method: 'GET', url: '/v1/lists/nominations/versions', headers: h.bearer('analyst') });
    expect(versions.json().versions.map((v: { version: number }) => v.version)).toEqual([1]);
    const unknown = await h.app.inject({ method: 'GET', url: '/v1/lists/nope/versions', headers: h.bearer('analyst') });
    expect(unknown.statusCode).toBe(404);
  });

  it('imports an uploaded file as a new version, keeps answering meanwhile, then screens against it', async () => {
    const path = await bigWatchlist(dir, 20_000);
    const karpov = { id: 'pax-k', name: 'Viktor Nikolayevich Karpov', birthDate: '1971-04-02' };
    const before = await h.app.inject({ method: 'POST', url: '/v1/screen', headers: h.bearer('officer'), payload: karpov });
    expect(before.json()).toMatchObject({ decision: 'clear', listVersions: { nominations: 1 } });

    let importDone = false;
    const upload = h.app
      .inject({ method: 'POST', url: '/v1/lists/nominations/import?filename=nominations-big.csv', headers: { ...h.bearer('admin'), 'content-type': 'application/octet-stream' }, payload: await readFile(path) })
      .finally(() => {
        importDone = true;
      });
    const during: Array<{ status: number; versions: Record<string, number>; decision: string; whileImporting: boolean }> = [];
    while (!importDone) {
      const response = await h.app.inject({ method: 'POST', url: '/v1/screen', headers: h.bearer('officer'), payload: karpov });
      during.push({ status: response.statusCode, versions: response.json().listVersions, decision: response.json().decision, whileImporting: !importDone });
    }
    const imported = await upload;
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ source: 'nominations', imports: [{ files: ['nominations-big.csv'], status: 'created', version: 2, added: 20_001 }], listVersions: { nominations: 2 } });

    // Screenings were answered while the import ran (on SQLite those whose audit write falls
    // inside the import's write transaction wait for its commit; PostgreSQL does not wait).
    expect(during.filter((d) => d.whileImporting).length).toBeGreaterThan(1);
    expect(during.every((d) => d.status === 200)).toBe(true);
    // Every answer names the version it used, and it is the old one until the new is loaded.
    for (const d of during) expect(d.decision === 'clear' ? 1 : 2).toBe(d.versions['nominations']);

    const after = await h.app.inject({ method: 'POST', url: '/v1/screen', headers: h.bearer('officer'), payload: karpov });
    expect(after.json()).toMatchObject({ decision: 'match', listVersions: { nominations: 2 }, hits: [expect.objectContaining({ entityId: 'nominations:SRV-004' })] });

    const records = await h.records();
    const importRecord = records.find((r) => r.action === 'list.import');
    expect(importRecord).toMatchObject({ actor: { id: h.keyIds.admin }, outcome: 'ok', details: { source: 'nominations' } });
    const screens = records.filter((r) => r.action === 'screen' && r.subjectIds?.[0] === 'pax-k');
    expect(screens).toHaveLength(during.length + 2);
  });

  it('makes no version for an identical upload, and refuses a broken file whole', async () => {
    const same = await h.app.inject({ method: 'POST', url: '/v1/lists/nominations/import', headers: { ...h.bearer('admin'), 'content-type': 'application/octet-stream' }, payload: await readFile(join(dir, 'nominations-big.csv')) });
    expect(same.json().imports[0]).toMatchObject({ status: 'unchanged', version: 2 });
    const broken = await h.app.inject({ method: 'POST', url: '/v1/lists/nominations/import', headers: { ...h.bearer('admin'), 'content-type': 'application/octet-stream' }, payload: `${HEADER}\nBAD-1,Person,,,,,not a date,,,,,,,,,,\n` });
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ code: 'LIST_PARSE_FAILED' });
    const versions = await h.app.inject({ method: 'GET', url: '/v1/lists/nominations/versions', headers: h.bearer('admin') });
    expect(versions.json().versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('takes multipart uploads and reports the diff between versions', async () => {
    const form = multipart([{ name: 'watchlist.csv', content: await readFile(WATCHLIST_V1) }]);
    const response = await h.app.inject({ method: 'POST', url: '/v1/lists/agency-x/import?format=nominations', headers: { ...h.bearer('admin'), 'content-type': form.contentType }, payload: form.body });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ source: 'agency-x', imports: [{ files: ['watchlist.csv'], version: 1, added: 3 }], listVersions: { 'agency-x': 1, nominations: 2 } });
    const diff = await h.app.inject({ method: 'GET', url: '/v1/lists/nominations/diff?from=1&to=2', headers: h.bearer('analyst') });
    expect(diff.statusCode).toBe(200);
    expect(diff.json().added).toHaveLength(20_001);
  });

  it('refuses an upload over the import limit with 413, and from anyone but an admin before reading it', async () => {
    const small = await openHarness({ config: { importBodyLimit: 1024 } });
    try {
      const big = await small.app.inject({ method: 'POST', url: '/v1/lists/nominations/import', headers: { ...small.bearer('admin'), 'content-type': 'application/octet-stream' }, payload: Buffer.alloc(4096, 'a') });
      expect(big.statusCode).toBe(413);
      expect(big.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      const analyst = await small.app.inject({ method: 'POST', url: '/v1/lists/nominations/import', headers: { ...small.bearer('analyst'), 'content-type': 'application/octet-stream' }, payload: Buffer.alloc(4096, 'a') });
      expect(analyst.statusCode).toBe(403);
    } finally {
      await small.close();
    }
  });
});
