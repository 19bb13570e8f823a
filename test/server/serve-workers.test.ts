import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../src/audit/index.js';
import { indexJournal } from '../../src/vetting/index.js';
import { openTestStore, testDialect, type TestStore } from '../helpers/test-store.js';
import { WATCHLIST_V1 } from './server-harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

interface Served {
  child: ChildProcess;
  base: string;
  stderr: () => string;
  exited: Promise<unknown[]>;
}

/** Starts `vigil serve --workers 2` on a free port and resolves once every worker has its index. */
async function serveWorkers(cwd: string, db: string): Promise<Served> {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, '--db', db, 'serve', '--port', '0', '--workers', '2', '--lists', WATCHLIST_V1], {
    cwd,
    env: { ...process.env, VIGIL_LOG_LEVEL: 'warn', VIGIL_CONFIG: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = once(child, 'exit');
  const base = await new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const address = /listening on (http:\/\/\S+)/.exec(stderr)?.[1];
      if (address !== undefined && stderr.includes('2 workers ready')) resolve(address);
    });
    void exited.then(([code]) => reject(new Error(`vigil serve exited (${String(code)}) before it was ready: ${stderr}`)));
  });
  return { child, base, stderr: () => stderr, exited };
}

describe(`vigil serve --workers (${testDialect()})`, () => {
  let store: TestStore;
  let cwd: string;
  const children: ChildProcess[] = [];
  beforeEach(async () => {
    store = await openTestStore();
    cwd = await mkdtemp(join(tmpdir(), 'vigil-workers-'));
  });
  afterEach(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await store.close();
    await rm(cwd, { recursive: true, force: true });
  });

  it('serves one port from two processes that keep one audit chain, and stops both on SIGTERM', async () => {
    const served = await serveWorkers(cwd, store.url);
    children.push(served.child);
    expect(served.stderr()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(2 worker processes\)/);
    const key = (await readFile(join(cwd, '.vigil', 'admin-key'), 'utf8')).trim();
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

    // Half arrive by air and are enrolled for recurrent vetting: both workers then write
    // enrolments, cases and audit records to one database at once.
    const ids = Array.from({ length: 120 }, (_, i) => `w-${i}`);
    const replies = await Promise.all(
      ids.map((id, i) =>
        fetch(`${served.base}/v1/screen`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ id, name: i % 10 === 0 ? 'Tariq al-Juburi' : `Plain Traveller ${i}`, channel: i % 2 === 0 ? 'air_arrival' : 'other' }),
        }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(ids.map(() => 200));
    const answered = (await Promise.all(replies.map((reply) => reply.json()))) as Array<{ id: string; decision: string }>;
    expect(answered.map((result) => result.id)).toEqual(ids);
    expect(answered.filter((result) => result.decision !== 'clear').length).toBeGreaterThan(0);

    served.child.kill('SIGTERM');
    const [code] = await served.exited;
    expect(code).toBe(0);

    // Both workers appended to one trail: one screening record per request, and it verifies.
    const audit = createAuditLog(store);
    try {
      const screened: string[] = [];
      for await (const record of audit.export()) if (record.action === 'screen') screened.push(...(record.subjectIds ?? []));
      expect(screened.sort()).toEqual([...ids].sort());
      expect(await audit.verify()).toMatchObject({ ok: true });
      await indexJournal(store);
      const enrolled = await store.db.selectFrom('vetting_subjects' as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number((enrolled as { n: number | string }).n)).toBe(60);
    } finally {
      await audit.close();
    }
  }, 120_000);
});
