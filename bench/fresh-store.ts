import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../src/store/index.js';

export const DEFAULT_BENCH_PG_URL = process.env.VIGIL_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A new, empty store for one measurement, removed afterwards: a SQLite file in a temporary
 * folder, or a PostgreSQL schema of its own (so a benchmark never touches another's tables).
 */
export async function withFreshStore<T>(dialect: 'sqlite' | 'postgres', work: (store: Store) => Promise<T>, options: { label?: string; pgUrl?: string } = {}): Promise<T> {
  const label = options.label ?? 'bench';
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `vigil-${label}-`));
    const store = await openStore(join(dir, 'bench.db'));
    try {
      return await work(store);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const url = options.pgUrl ?? DEFAULT_BENCH_PG_URL;
  const schema = `vigil_${label.replace(/[^a-z0-9_]/g, '_')}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const store = await openStore(scoped.toString());
  try {
    return await work(store);
  } finally {
    await store.close();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}
