import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadSources } from '../../src/lists/index.js';
import { importFiles } from '../../src/store/index.js';
import { openTestStore, type TestStore } from '../helpers/test-store.js';

const UN_LIST = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID>
      <FIRST_NAME>TARIQ</FIRST_NAME>
      <SECOND_NAME>HADI</SECOND_NAME>
      <THIRD_NAME>AL-MANSURI</THIRD_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <REFERENCE_NUMBER>QDi.901</REFERENCE_NUMBER>
      <LISTED_ON>2011-05-02</LISTED_ON>
      <NAME_ORIGINAL_SCRIPT>طارق هادي المنصوري</NAME_ORIGINAL_SCRIPT>
      <NATIONALITY><VALUE>Iraq</VALUE></NATIONALITY>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1975-03-14</DATE></INDIVIDUAL_DATE_OF_BIRTH>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES/>
</CONSOLIDATED_LIST>
`;

describe('vigil lists update against a local server', () => {
  let server: Server;
  let baseUrl: string;
  let body = Buffer.from(UN_LIST, 'utf8');
  let requests: Array<{ ifNoneMatch?: string }> = [];
  let dataDir: string;
  let store: TestStore;

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push({ ...(request.headers['if-none-match'] !== undefined ? { ifNoneMatch: request.headers['if-none-match'] } : {}) });
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304).end();
        return;
      }
      response.writeHead(200, { etag, 'content-type': 'application/xml', 'content-length': body.length }).end(body);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dataDir = await mkdtemp(join(tmpdir(), 'vigil-update-'));
    store = await openTestStore();
  });

  afterAll(async () => {
    await store.close();
    await new Promise((done) => server.close(done));
    await rm(dataDir, { recursive: true, force: true });
  });

  async function update(): Promise<Array<{ status: string; version?: number }>> {
    const downloads = await downloadSources({ sources: ['un-sc'], urls: { 'un-sc': { consolidated: `${baseUrl}/consolidated.xml` } }, dataDir });
    const outcomes: Array<{ status: string; version?: number }> = [];
    for (const download of downloads) {
      if (download.status === 'unchanged') {
        outcomes.push({ status: 'not downloaded' });
        continue;
      }
      for (const result of await importFiles(store, download.files, { sourceId: download.source })) {
        outcomes.push({ status: result.status, version: result.version });
      }
    }
    return outcomes;
  }

  it('downloads, imports, then asks conditionally and imports nothing when the list did not change', async () => {
    expect(await update()).toEqual([{ status: 'created', version: 1 }]);
    expect(await update()).toEqual([{ status: 'not downloaded' }]);
    expect(requests.at(-1)?.ifNoneMatch).toBeDefined();
  });

  it('imports a new version when the published file changes', async () => {
    const text = body.toString('utf8');
    body = Buffer.from(text.replace(/<\/INDIVIDUALS>/, '</INDIVIDUALS>'.padStart(20, ' ')), 'utf8');
    requests = [];
    const outcome = await update();
    // The bytes differ but no entity does: downloaded, and the store keeps the version it had.
    expect(outcome).toEqual([{ status: 'unchanged', version: 1 }]);
    expect(requests).toHaveLength(1);
  });

  it('names the URL and suggests what to do when the source cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    await expect(
      downloadSources({ sources: ['un-sc'], urls: { 'un-sc': { consolidated: `http://127.0.0.1:${port}/x.xml` } }, dataDir, retries: 0 }),
    ).rejects.toMatchObject({ code: 'LIST_FETCH_FAILED', message: expect.stringContaining(`127.0.0.1:${port}`) });
  });
});
