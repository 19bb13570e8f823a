import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../helpers/test-store.js';
import { runCli } from './run-cli.js';

const OFAC = resolve(process.cwd(), '../shared/data/ofac');

describe('vigil lists and vigil entity, as a user runs them', () => {
  let store: TestStore;
  let db: string;
  let dir: string;

  beforeAll(async () => {
    // The store is opened only for its URL (a fresh SQLite file or PostgreSQL schema) and cleanup.
    store = await openTestStore();
    db = store.url;
    dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports two OFAC versions, detects the format and prints the difference as JSON', async () => {
    const first = await runCli(['--db', db, 'lists', 'import', join(OFAC, 'history/sdn_2024-04-26.csv'), '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ imports: [{ source: 'ofac-sdn', status: 'created', version: 1 }] });

    const second = await runCli(['--db', db, 'lists', 'import', join(OFAC, 'history/sdn_2024-05-01.csv'), '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ imports: [{ source: 'ofac-sdn', status: 'created', version: 2, added: 298, removed: 0 }] });

    const diff = await runCli(['--db', db, 'lists', 'diff', 'ofac-sdn', '--json']);
    const parsed = JSON.parse(diff.stdout) as { from: number; to: number; added: unknown[]; removed: unknown[] };
    expect(parsed).toMatchObject({ from: 1, to: 2 });
    expect(parsed.added).toHaveLength(298);

    const text = await runCli(['--db', db, 'lists']);
    expect(text.stdout).toContain('ofac-sdn: current version 2');
  });

  it('shows an entity as of an older version, and says when it does not exist', async () => {
    const entity = await runCli(['--db', db, 'entity', 'ofac-sdn:12926', '--version', '1', '--json']);
    expect(entity.code).toBe(0);
    const stored = JSON.parse(entity.stdout) as { version: number; entity: { caption: string; birthDates: unknown[] } };
    expect(stored.version).toBe(1);
    expect(stored.entity.caption).toContain('AL-BADRI');

    const missing = await runCli(['--db', db, 'entity', 'ofac-sdn:999999999']);
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain('no entity ofac-sdn:999999999');
  });

  it('rejects a malformed file naming its line, keeps what was stored, and --skip-invalid imports the rest', async () => {
    const bad = join(dir, 'sdn.csv');
    writeFileSync(
      bad,
      [
        '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
        'x12,"NOT A NUMBER",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
        '173,"ANGLO-CARIBBEAN CO., LTD.",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
        '',
      ].join('\r\n'),
    );
    const rejected = await runCli(['--db', db, 'lists', 'import', bad, '--source-id', 'ofac-test']);
    expect(rejected.code).toBe(3);
    expect(rejected.stderr).toMatch(/sdn\.csv.*line 2/);
    const listed = JSON.parse((await runCli(['--db', db, 'lists', '--json'])).stdout) as { sources: Array<{ source: string }> };
    expect(listed.sources.map((s) => s.source)).not.toContain('ofac-test');

    const skipped = await runCli(['--db', db, 'lists', 'import', bad, '--source-id', 'ofac-test', '--skip-invalid', '--json']);
    expect(skipped.code).toBe(0);
    const report = (JSON.parse(skipped.stdout) as { imports: Array<{ entities: number; skipped: Array<{ line: number }> }> }).imports;
    expect(report[0]?.entities).toBe(2);
    expect(report[0]?.skipped.map((s) => s.line)).toEqual([2]);
  });

  it('refuses a file it cannot recognise with a clear message', async () => {
    const odd = join(dir, 'notes.txt');
    writeFileSync(odd, 'just some notes\n');
    const run = await runCli(['--db', db, 'lists', 'import', odd]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('cannot tell which list this is');
  });
});
