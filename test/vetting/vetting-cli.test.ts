import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testDialect, type TestStore } from '../helpers/test-store.js';
import { runCli } from '../cli/run-cli.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

interface AlertJson {
  subjectId: string;
  entityId: string;
  entityVersion: number;
  score: number;
  status: string;
  explanation: { summary: string };
  change: { source: string; from: number; to: number; kind: string; fields?: string[] };
}

describe(`vigil subjects, vet and alerts, as a user runs them (${testDialect()})`, () => {
  let store: TestStore;
  let db: string;
  let dir: string;

  beforeAll(async () => {
    // Opened only for a fresh database URL and its cleanup.
    store = await openTestStore();
    db = store.url;
    dir = mkdtempSync(join(tmpdir(), 'vigil-vet-cli-'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('enrols a population, reporting bad lines by number, re-vets after a list change and lists the alerts it raised', async () => {
    const importList = (file: string) => runCli(['--db', db, 'lists', 'import', join(FIXTURES, file), '--source', 'nominations', '--source-id', 'watch', '--json']);
    expect((await importList('watch-v1.csv')).code).toBe(0);
    const nothing = await runCli(['--db', db, 'vet']);
    expect(nothing.stdout).toMatch(/nothing to vet/);

    const enrol = await runCli(['--db', db, 'subjects', 'import', join(FIXTURES, 'travellers.jsonl'), '--channel', 'visa', '--port', 'GBLHR', '--json']);
    expect(enrol.code).toBe(2);
    const enrolled = JSON.parse(enrol.stdout) as { enrolled: number; bad: Array<{ line: number; message: string }>; retentionDays: number };
    expect(enrolled.enrolled).toBe(5);
    expect(enrolled.retentionDays).toBe(1825);
    expect(enrolled.bad.map((b) => b.line)).toEqual([3, 6]);
    expect(enrolled.bad[1]?.message).toMatch(/name/);

    // The import that changes the list re-vets the enrolled population at once.
    const imported = await importList('watch-v2.csv');
    expect(imported.code).toBe(0);
    expect(imported.stderr).toBe('');
    const [report] = (JSON.parse(imported.stdout) as { vetting: Array<{ source: string; from: number; to: number; added: number; changed: number; removed: number; raised: number }> }).vetting;
    expect(report).toMatchObject({ source: 'watch', from: 1, to: 2, added: 1, changed: 1, removed: 1, raised: 3 });
    expect((await runCli(['--db', db, 'vet'])).stdout).toMatch(/nothing to vet/);

    const alerts = JSON.parse((await runCli(['--db', db, 'alerts', '--json'])).stdout) as AlertJson[];
    expect(alerts.map((a) => `${a.subjectId} ${a.entityId}`).sort()).toEqual(['T-100 watch:VET-003', 'T-101 watch:VET-001', 'T-105 watch:VET-003']);
    const karpov = alerts.find((a) => a.subjectId === 'T-105');
    expect(karpov).toMatchObject({ entityVersion: 2, status: 'open', change: { source: 'watch', from: 1, to: 2, kind: 'added' } });
    expect(karpov?.score).toBeGreaterThanOrEqual(0.7);
    expect(alerts.find((a) => a.subjectId === 'T-101')?.change).toMatchObject({ kind: 'changed', fields: ['names'] });

    const filtered = JSON.parse((await runCli(['--db', db, 'alerts', '--status', 'open', '--entity', 'watch:VET-003', '--since', '2020-01-01', '--json'])).stdout) as AlertJson[];
    expect(filtered.map((a) => a.subjectId).sort()).toEqual(['T-100', 'T-105']);
    const table = await runCli(['--db', db, 'alerts', '--status', 'closed']);
    expect(table.stdout.trim()).toBe('no alerts');

    // Every read is in the audit trail, with the subjects it showed.
    const trail = (await runCli(['--db', db, 'audit', 'export'])).stdout.trim().split('\n').map((line) => JSON.parse(line) as { action: string; subjectIds?: string[] });
    const reads = trail.filter((r) => r.action === 'alert.read');
    expect(reads).toHaveLength(3);
    expect(reads[0]?.subjectIds?.sort()).toEqual(['T-100', 'T-101', 'T-105']);
    expect(trail.map((r) => r.action)).toEqual(expect.arrayContaining(['subjects.import', 'vetting.run']));
  }, 240_000);

  it('purges subjects whose retention ended, and says so in the audit trail', async () => {
    const file = join(dir, 'old.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'OLD-1', name: 'Long Gone' })}\n`);
    const enrol = await runCli(['--db', db, 'subjects', 'import', file, '--screened-at', '2001-01-01T00:00:00Z', '--retention-days', '10', '--json']);
    expect(enrol.code).toBe(0);
    const purge = await runCli(['--db', db, 'subjects', 'purge', '--json']);
    expect(JSON.parse(purge.stdout)).toMatchObject({ purged: 1 });
    const trail = (await runCli(['--db', db, 'audit', 'export'])).stdout.trim().split('\n').map((line) => JSON.parse(line) as { action: string; subjectIds?: string[] });
    expect(trail.filter((r) => r.action === 'subjects.purge').at(-1)?.subjectIds).toEqual(['OLD-1']);
  });

  it('refuses options it cannot use, with the input exit status', async () => {
    expect((await runCli(['--db', db, 'vet', '--since', 'yesterday'])).code).toBe(2);
    expect((await runCli(['--db', db, 'alerts', '--limit', '0'])).code).toBe(2);
    expect((await runCli(['--db', db, 'subjects', 'import', join(dir, 'missing.jsonl')])).code).toBe(2);
  });
});

describe(`vigil screen enrols what it screens, and vigil lists import re-vets it (${testDialect()})`, () => {
  let store: TestStore;
  let db: string;
  beforeAll(async () => {
    store = await openTestStore();
    db = store.url;
  });
  afterAll(() => store.close());

  it('enrols by channel or flag without changing a byte of the results, then alerts when the list adds a match', async () => {
    const importList = (file: string) => runCli(['--db', db, 'lists', 'import', join(FIXTURES, file), '--source', 'nominations', '--source-id', 'watch', '--json']);
    expect((await importList('watch-v1.csv')).code).toBe(0);
    const travellers = [
      { id: 'V-1', name: 'Victor Karpov', birthDate: '1971-04-02' },
      { id: 'V-2', name: 'Dmitry Orlov', birthDate: '1962' },
    ]
      .map((s) => JSON.stringify(s))
      .join('\n');
    const plain = await runCli(['--db', db, 'screen'], { input: travellers });
    const visa = await runCli(['--db', db, 'screen', '--channel', 'visa', '--port', 'GBLHR'], { input: travellers });
    expect(visa.code).toBe(0);
    expect(visa.stdout).toBe(plain.stdout);
    expect(visa.stderr).toMatch(/enrolled 2 subjects for recurrent vetting \(2 new\)/);

    const land = await runCli(['--db', db, 'screen', '--channel', 'land_border'], { input: JSON.stringify({ id: 'L-1', name: 'Viktor Karpow' }) });
    expect(land.stderr).toBe('');
    const flagged = await runCli(['--db', db, 'screen', '--channel', 'land_border', '--enrol', '--retention-days', '7'], { input: JSON.stringify({ id: 'L-2', name: 'Wiktor Karpow' }) });
    expect(flagged.stderr).toMatch(/enrolled 1 subjects/);
    const refused = await runCli(['--db', db, 'screen', '--channel', 'visa', '--no-enrol'], { input: JSON.stringify({ id: 'V-3', name: 'Viktor Karpov' }) });
    expect(refused.stderr).toBe('');

    const imported = await importList('watch-v2.csv');
    const [report] = (JSON.parse(imported.stdout) as { vetting: Array<{ raised: number }> }).vetting;
    expect(report?.raised).toBeGreaterThanOrEqual(2);
    const alerts = JSON.parse((await runCli(['--db', db, 'alerts', '--entity', 'watch:VET-003', '--json'])).stdout) as AlertJson[];
    expect(alerts.map((a) => a.subjectId).sort()).toEqual(['L-2', 'V-1']);
    const trail = (await runCli(['--db', db, 'audit', 'export'])).stdout.trim().split('\n').map((line) => JSON.parse(line) as { action: string; details?: { channel?: string } });
    expect(trail.filter((r) => r.action === 'subjects.enrol').map((r) => r.details?.channel)).toEqual(['visa', 'land_border']);
  }, 240_000);
});
