import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const UN_FILE = resolve(process.cwd(), '../shared/data/un/consolidated_2026-02-27.xml');

describe('vigil screen on a large input file', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-screen-cli-'));
    db = join(dir, 'vigil.db');
    const imported = await runCli(['--db', db, 'lists', 'import', UN_FILE, '--no-vet']);
    expect(imported.code, imported.stderr).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts its workers before reading the lists and answers exactly as one thread does, in input order', async () => {
    const names = ['Aiman Muhammed Rabi al-Zawahiri', 'Hafiz Muhammad Saeed', 'Maria Garcia Lopez', 'Joseph Kony', 'Ли Вэй', 'عبد الرحمن القاسمي', 'Jane Doe'];
    const lines = Array.from({ length: 4_500 }, (_, n) => JSON.stringify({ id: `t${n}`, name: `${names[n % names.length]}${n % 3 === 0 ? '' : ` ${String.fromCharCode(97 + (n % 26))}`}`, birthDate: `19${50 + (n % 40)}` }));
    lines.splice(3_000, 0, '{"id":"bad","name":');
    const input = join(dir, 'travellers.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    // Large enough for `vigil screen` to start its workers while it builds the index.
    expect(statSync(input).size).toBeGreaterThanOrEqual(256 * 1024);
    const pooled = await runCli(['--db', db, 'screen', '--input', input, '--output', join(dir, 'pooled.jsonl'), '--workers', '2']);
    const single = await runCli(['--db', db, 'screen', '--input', input, '--output', join(dir, 'single.jsonl'), '--workers', '1']);
    expect(pooled.code).toBe(2);
    expect(single.code).toBe(2);
    expect(pooled.stderr).toMatch(/1 of 4501 lines could not be screened/);
    const out = readFileSync(join(dir, 'pooled.jsonl'), 'utf8');
    expect(out).toBe(readFileSync(join(dir, 'single.jsonl'), 'utf8'));
    const results = out.trim().split('\n').map((line) => JSON.parse(line) as { id?: string; decision?: string; error?: string });
    expect(results).toHaveLength(4_501);
    expect(results[3_000]?.error).toMatch(/line 3001: not valid JSON/);
    expect(results.filter((r) => r.id !== undefined && r.id !== 'bad').map((r) => r.id)).toEqual(lines.filter((l) => l.startsWith('{"id":"t')).map((l) => (JSON.parse(l) as { id: string }).id));
    expect(results.some((r) => r.decision === 'match')).toBe(true);
  }, 120_000);
});
