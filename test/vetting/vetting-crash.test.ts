import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EntityInput, Subject } from '../../src/domain/index.js';
import type { Store } from '../../src/store/index.js';
import { enrolSubjects, listAlerts, runVetting } from '../../src/vetting/index.js';
import { openTestStore, testDialect } from '../helpers/test-store.js';
import { importVersion, toEntity, vary } from './vetting-fixtures.js';

const CHILD = fileURLToPath(new URL('./vetting-child.ts', import.meta.url));
const SOURCE = 'watch';
const FAMILIES = ['Petrov', 'Karimov', 'Nasser', 'Kuznetsov', 'Qodirzoda', 'Rahmanov', 'Baghdadi', 'Hassan'];
const GIVENS = ['Ivan', 'Omar', 'Yusuf', 'Sergei', 'Abdul', 'Umar'];

function listVersion(version: number): EntityInput[] {
  return FAMILIES.flatMap((family, f) =>
    GIVENS.slice(0, version === 1 ? 2 : 4).map((given, g) =>
      toEntity(SOURCE, f * 10 + g, { schema: 'Person', names: [`${family.toUpperCase()}, ${given}`, ...(version === 2 && g === 0 ? [`${given} ${family}ov`] : [])], birthDates: version === 2 && g === 1 ? ['1970-01-02'] : [], documents: [] }),
    ),
  );
}

function population(): Subject[] {
  const subjects: Subject[] = [];
  FAMILIES.forEach((family, f) =>
    GIVENS.forEach((given, g) => {
      subjects.push({ id: `p-${f}-${g}`, name: vary(`${given} ${family}`, f + g, f * g), ...(g % 2 === 1 ? { birthDate: '1970-01-02' } : {}) });
      subjects.push({ id: `q-${f}-${g}`, name: `${given} ${family}` });
    }),
  );
  return subjects;
}

async function prepare(store: Store): Promise<void> {
  await importVersion(store, SOURCE, listVersion(1));
  await runVetting(store);
  await enrolSubjects(store, population(), { channel: 'visa', retentionDays: 30, screenedAt: '2026-03-01T00:00:00Z' });
  await importVersion(store, SOURCE, listVersion(2));
}

async function outcome(store: Store): Promise<string[]> {
  return (await listAlerts(store, { limit: 10_000 })).map((a) => `${a.subjectId} ${a.entityId} ${a.score} ${a.status} ${a.change.from}->${a.change.to}`).sort();
}

/**
 * Runs the child. With `killAfterBatches`, kills it with SIGKILL a random few milliseconds after
 * that many batches committed: in its pause, or in the middle of the next batch's work or commit.
 */
function runChild(url: string, killAfterBatches: number | undefined): Promise<{ code: number | null; signal: NodeJS.Signals | null; batches: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, '3', '20'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let batches = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      batches += chunk.toString('utf8').split('\n').filter((line) => line === 'batch').length;
      if (killAfterBatches !== undefined && batches >= killAfterBatches) setTimeout(() => child.kill('SIGKILL'), Math.random() * 30);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, batches, stderr }));
  });
}

describe(`a vetting run killed midway (${testDialect()})`, () => {
  it('resumes where it stopped and ends with exactly the alerts of an uninterrupted run', async () => {
    const reference = await openTestStore();
    const crashed = await openTestStore();
    try {
      await prepare(reference);
      await runVetting(reference);
      const expected = await outcome(reference);
      expect(expected.length).toBeGreaterThan(10);

      await prepare(crashed);
      const url = crashed.url;
      let kills = 0;
      let committed = 0;
      // Kill at random points after a random number of batches, until a run finishes.
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const result = await runChild(url, attempt < 6 ? 1 + Math.floor(Math.random() * 2) : undefined);
        committed += result.batches;
        if (result.signal === 'SIGKILL') {
          kills += 1;
          continue;
        }
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        break;
      }
      expect(kills).toBeGreaterThanOrEqual(3);
      expect(committed).toBeGreaterThan(kills);
      expect(await outcome(crashed)).toEqual(expected);
      // Nothing is left to vet, and vetting the change again raises nothing.
      expect(await runVetting(crashed)).toEqual([]);
      const [again] = await runVetting(crashed, { since: 1 });
      expect(again?.raised).toBe(0);
    } finally {
      await crashed.close();
      await reference.close();
    }
  }, 180_000);
});
