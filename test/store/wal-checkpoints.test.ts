import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';

const PAGE = 4096;

/** Writes about `megabytes` MB in small transactions, as a server's commits are. */
async function writeMegabytes(store: Store, megabytes: number): Promise<void> {
  const db = (store as unknown as { db: import('kysely').Kysely<unknown> }).db;
  await sql`create table if not exists filler (id integer primary key, body blob not null)`.execute(db);
  for (let n = 0; n < megabytes * 16; n++) await sql`insert into filler (body) values (randomblob(${64 * 1024}))`.execute(db);
}

async function until(condition: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe('SQLite checkpoints in the background (vigil serve)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-wal-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("copies the log into the database from another thread while the writer's commits never do", async () => {
    const path = join(dir, 'vigil.db');
    const store = await openStore(path, { checkpoints: 'background' });
    try {
      const before = (await stat(path)).size;
      // 2 MB: under the writer's own limit (its backstop is 40 MB), so only the thread copies it.
      await writeMegabytes(store, 2);
      const copied = await until(async () => (await stat(path)).size - before > 2 * 1024 * 1024 - 64 * PAGE, 5_000);
      expect(copied).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('by default leaves the copy to the commit that fills the log (1,000 pages)', async () => {
    const path = join(dir, 'vigil.db');
    const store = await openStore(path);
    try {
      const before = (await stat(path)).size;
      await writeMegabytes(store, 2);
      await new Promise((resolve) => setTimeout(resolve, 600));
      // The same writes, under 1,000 pages of log (4 MB): nothing copied yet.
      expect((await stat(path)).size - before).toBeLessThan(PAGE * 64);
    } finally {
      await store.close();
    }
  });
});
