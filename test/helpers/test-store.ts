import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Entity } from '../../src/domain/index.js';
import {
  openStore,
  type ImportInput,
  type Store,
  type StoreOptions,
} from '../../src/store/index.js';

/**
 * Isolated stores for tests, on the dialect named by VIGIL_TEST_DB (`sqlite`, the default, or
 * `postgres`). SQLite gets a file in a fresh temporary directory; PostgreSQL a fresh schema
 * (search_path set through the URL) in VIGIL_TEST_PG_URL or the local `test` database.
 * `close()` closes the store and removes the file or drops the schema.
 *
 * @example
 * let store: TestStore;
 * beforeEach(async () => { store = await openTestStore(); });
 * afterEach(() => store.close());
 */
export type TestDialect = 'sqlite' | 'postgres';

export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function testDialect(): TestDialect {
  const chosen = process.env['VIGIL_TEST_DB'] ?? 'sqlite';
  if (chosen !== 'sqlite' && chosen !== 'postgres') throw new Error(`VIGIL_TEST_DB is sqlite or postgres, not ${chosen}`);
  return chosen;
}

export function testPostgresUrl(): string {
  return process.env['VIGIL_TEST_PG_URL'] ?? DEFAULT_TEST_PG_URL;
}

export interface TestStore extends Store {
  /** The URL the store was opened with; a child process can open the same database with it. */
  readonly url: string;
  /** Opens another store on the same database (the caller closes it before `close()`). */
  reopen(options?: StoreOptions): Promise<Store>;
}

class TestStoreHandle implements TestStore {
  constructor(
    private readonly inner: Store,
    readonly url: string,
    private readonly cleanup: () => Promise<void>,
  ) {}

  get dialect(): Store['dialect'] {
    return this.inner.dialect;
  }
  get db(): Store['db'] {
    return this.inner.db;
  }
  importList: Store['importList'] = (input) => this.inner.importList(input);
  listSources: Store['listSources'] = () => this.inner.listSources();
  listVersions: Store['listVersions'] = (source) => this.inner.listVersions(source);
  getVersion: Store['getVersion'] = (source, version) => this.inner.getVersion(source, version);
  getEntity: Store['getEntity'] = (id, version) => this.inner.getEntity(id, version);
  entityHistory: Store['entityHistory'] = (id) => this.inner.entityHistory(id);
  iterateEntities: Store['iterateEntities'] = (source, version) => this.inner.iterateEntities(source, version);
  diff: Store['diff'] = (source, from, to) => this.inner.diff(source, from, to);

  reopen(options?: StoreOptions): Promise<Store> {
    return openStore(this.url, options);
  }

  async close(): Promise<void> {
    try {
      await this.inner.close();
    } finally {
      await this.cleanup();
    }
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** `url` with its session search_path set to `schema`. */
function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

export async function openTestStore(options?: StoreOptions): Promise<TestStore> {
  if (testDialect() === 'postgres') {
    const schema = `vigil_test_${process.pid}_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create schema ${schema}`);
    const drop = (): Promise<void> => adminQuery(`drop schema if exists ${schema} cascade`);
    const url = withSearchPath(testPostgresUrl(), schema);
    try {
      return new TestStoreHandle(await openStore(url, options), url, drop);
    } catch (error) {
      await drop();
      throw error;
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'vigil-store-'));
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  const url = join(dir, 'vigil.db');
  try {
    return new TestStoreHandle(await openStore(url, options), url, remove);
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Everything in one version, read through `iterateEntities`. */
export async function readAll(store: Store, source: string, version?: number): Promise<Entity[]> {
  const entities: Entity[] = [];
  for await (const entity of store.iterateEntities(source, version)) entities.push(entity);
  return entities;
}

/** Import input with a made-up file, for tests that build their records in code. */
export function importInput(source: string, records: ImportInput['records'], extra: Partial<ImportInput> = {}): ImportInput {
  return {
    source,
    mode: 'full',
    records,
    fileSha256: randomBytes(32).toString('hex'),
    fileNames: [`${source}.test`],
    ...extra,
  };
}
