import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testDialect, type TestStore } from '../helpers/test-store.js';
import { WATCHLIST_V1, WATCHLIST_V2 } from './server-harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

interface Served {
  child: ChildProcessWithoutNullStreams;
  base: string;
  stderr: () => string;
  /** JSON log lines from stdout, as they arrive. */
  logs: AsyncIterator<Record<string, unknown>>;
  exited: Promise<[number | null, NodeJS.Signals | null]>;
}

async function* jsonLines(child: ChildProcessWithoutNullStreams): AsyncGenerator<Record<string, unknown>> {
  for await (const line of createInterface({ input: child.stdout })) {
    try {
      yield JSON.parse(line) as Record<string, unknown>;
    } catch {
      // Not a log line.
    }
  }
}

/** Starts `vigil serve` on a free port and resolves once it listens. */
async function serve(cwd: string, db: string, extra: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, '--db', db, 'serve', '--port', '0', ...extra], {
    cwd,
    env: { ...process.env, VIGIL_LOG_LEVEL: 'info', VIGIL_CONFIG: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const base = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void exited.then(([code]) => reject(new Error(`vigil serve exited (${code}) before listening: ${stderr}`)));
  });
  return { child, base, stderr: () => stderr, logs: jsonLines(child), exited };
}

async function waitReady(base: string): Promise<{ listVersions: Record<string, number> }> {
  for (let i = 0; i < 300; i += 1) {
    const response = await fetch(`${base}/readyz`).catch(() => undefined);
    if (response?.status === 200) return (await response.json()) as { listVersions: Record<string, number> };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('never ready');
}

async function bigList(dir: string, rows: number): Promise<string> {
  const lines = (await readFile(WATCHLIST_V2, 'utf8')).trimEnd().split('\n');
  for (let i = 0; i < rows; i += 1) lines.push(`BIG-${i},Person,Bulk Person ${i.toString(36)} Qx${(i * 31).toString(36)},,,,1970,,IQ,,,,Test,2024-01-01,,,`);
  const path = join(dir, 'big.csv');
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

describe(`vigil serve as a process (${testDialect()})`, () => {
  let store: TestStore;
  let cwd: string;
  const children: ChildProcessWithoutNullStreams[] = [];
  beforeEach(async () => {
    store = await openTestStore();
    cwd = await mkdtemp(join(tmpdir(), 'vigil-serve-'));
  });
  afterEach(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await store.close();
    await rm(cwd, { recursive: true, force: true });
  });

  it('restarts on the previous list version after being killed during an import', async () => {
    const first = await serve(cwd, store.url, ['--lists', WATCHLIST_V1]);
    children.push(first.child);
    expect(first.stderr()).toMatch(/admin API key/);
    // Deprecated settings of a dependency warn once at start: a warning here is a defect.
    expect(first.stderr()).not.toMatch(/Deprecation|FSTDEP/);
    const keyFile = join(cwd, '.vigil', 'admin-key');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const key = (await readFile(keyFile, 'utf8')).trim();
    const auth = { authorization: `Bearer ${key}` };
    expect((await waitReady(first.base)).listVersions).toEqual({ nominations: 1 });

    const upload = fetch(`${first.base}/v1/lists/nominations/import?filename=big.csv`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      body: await readFile(await bigList(cwd, 150_000)),
    }).catch((error: unknown) => error);
    // The import logs progress once it is writing batches inside its transaction.
    let progress: Record<string, unknown> | undefined;
    for (let next = await first.logs.next(); next.done !== true; next = await first.logs.next()) {
      if (next.value['msg'] === 'import progress') {
        progress = next.value;
        break;
      }
    }
    expect(Number(progress?.['recordsRead'])).toBeGreaterThan(0);
    expect((await store.getVersion('nominations')).version).toBe(1);
    first.child.kill('SIGKILL');
    const [code, signal] = await first.exited;
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await upload).toBeInstanceOf(Error);

    const second = await serve(cwd, store.url);
    children.push(second.child);
    expect(second.stderr()).not.toMatch(/admin API key/);
    expect((await waitReady(second.base)).listVersions).toEqual({ nominations: 1 });
    const versions = await fetch(`${second.base}/v1/lists/nominations/versions`, { headers: auth });
    expect(((await versions.json()) as { versions: Array<{ version: number }> }).versions.map((v) => v.version)).toEqual([1]);
    const screened = await fetch(`${second.base}/v1/screen`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'k', name: 'Viktor Nikolayevich Karpov' }) });
    expect(await screened.json()).toMatchObject({ decision: 'clear', listVersions: { nominations: 1 } });

    // Nothing was left locked: the next import goes through and is screened against at once.
    const retry = await fetch(`${second.base}/v1/lists/nominations/import?filename=watchlist-v2.csv`, { method: 'POST', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: await readFile(WATCHLIST_V2) });
    expect(await retry.json()).toMatchObject({ imports: [{ status: 'created', version: 2 }], listVersions: { nominations: 2 } });

    second.child.kill('SIGTERM');
    const [stopCode] = await second.exited;
    expect(stopCode).toBe(0);
  }, 120_000);
});
