import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VigilError } from '../../src/domain/index.js';
import { openStore } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations/migration-provider.js';
import { people, recordsOf } from '../helpers/list-records.js';
import { importInput, openTestStore, readAll, testDialect } from '../helpers/test-store.js';

describe(`opening a store (${testDialect()})`, () => {
  it('migrates once and keeps the data across reopening', async () => {
    const store = await openTestStore();
    try {
      expect(store.dialect).toBe(testDialect());
      await store.importList(importInput('kept', recordsOf(people('kept', 3))));
      const again = await store.reopen();
      try {
        expect((await again.getVersion('kept')).entityCount).toBe(3);
        expect(await readAll(again, 'kept')).toHaveLength(3);
        const applied = await again.db.selectFrom('kysely_migration' as never).selectAll().execute();
        // Every migration ran exactly once, across both opens.
        expect(applied).toHaveLength(Object.keys(MIGRATIONS).length);
      } finally {
        await again.close();
      }
    } finally {
      await store.close();
    }
  });

  it('opens beside another store whose migration tables are elsewhere in the database', async () => {
    // In PostgreSQL each test store is a schema of one database: Kysely must not mistake the
    // first schema's bookkeeping tables for the second's.
    const first = await openTestStore();
    try {
      const second = await openTestStore();
      try {
        await second.importList(importInput('second', recordsOf(people('second', 2))));
        expect(await first.listSources()).toEqual([]);
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });

  it('reports a database it cannot reach as STORE_FAILED', async () => {
    const error = await openStore('postgres://nobody@127.0.0.1:1/none').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VigilError);
    expect((error as VigilError).code).toBe('STORE_FAILED');
  });
});

describe('opening a SQLite store', () => {
  it('takes :memory: and creates the directory of a file path', async () => {
    const memory = await openStore(':memory:');
    try {
      expect(memory.dialect).toBe('sqlite');
      await memory.importList(importInput('mem', recordsOf(people('mem', 2))));
      expect((await memory.listSources()).map((s) => s.entityCount)).toEqual([2]);
    } finally {
      await memory.close();
    }
    const dir = await mkdtemp(join(tmpdir(), 'vigil-open-'));
    try {
      const store = await openStore(join(dir, 'nested', 'vigil.db'));
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
