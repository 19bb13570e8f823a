import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { people, recordsOf } from '../helpers/list-records.js';
import { importInput, openTestStore, readAll, testDialect, type TestStore } from '../helpers/test-store.js';

const S = 'killed';
const CHILD = fileURLToPath(new URL('../helpers/import-large-list.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe(`an import killed part way (${testDialect()})`, () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(() => store.close());

  it('leaves the previous version current and intact, with no trace of the new one', async () => {
    await store.importList(importInput(S, recordsOf(people(S, 3000))));
    const before = await readAll(store, S);
    const versionBefore = await store.getVersion(S);

    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, store.url, S, '200000'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    let progress = 0;
    let seenWhileRunning: number | undefined;
    for await (const line of createInterface({ input: child.stdout })) {
      const match = /^progress (\d+)$/.exec(line);
      if (match === null) continue;
      progress = Number(match[1]);
      // Several batches are written inside the open transaction by now.
      if (progress >= 20000) {
        seenWhileRunning = (await store.getVersion(S)).version;
        child.kill('SIGKILL');
        break;
      }
    }
    const [code, signal] = await exited;
    expect({ signal, code, stderr }).toEqual({ signal: 'SIGKILL', code: null, stderr: '' });
    expect(progress).toBeGreaterThanOrEqual(20000);
    expect(seenWhileRunning).toBe(1);

    const reopened = await store.reopen();
    try {
      expect(await reopened.getVersion(S)).toEqual(versionBefore);
      expect((await reopened.listVersions(S)).map((v) => v.version)).toEqual([1]);
      expect(await readAll(reopened, S)).toEqual(before);
      const partial = await reopened.db
        .selectFrom('entity_spans')
        .select('entity_id')
        .where((eb) => eb.or([eb('first_version', '>', 1), eb('last_version', 'is not', null)]))
        .execute();
      expect(partial).toEqual([]);
      const contents = await reopened.db.selectFrom('entity_contents').select('content_hash').execute();
      expect(contents).toHaveLength(3000);
      // Nothing is left locked: the next import goes through.
      const next = await reopened.importList(importInput(S, recordsOf(people(S, 3001))));
      expect(next.version.version).toBe(2);
      expect(next.counts).toEqual({ entities: 3001, added: 1, changed: 0, removed: 0 });
    } finally {
      await reopened.close();
    }
  });
});
