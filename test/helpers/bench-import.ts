/**
 * Times importing a generated list of OFAC-like size on the test dialect:
 *   VIGIL_TEST_DB=postgres node --import tsx test/helpers/bench-import.ts [entities]
 * First import, an identical re-import, then a version with 2% of the entities changed.
 */
import { performance } from 'node:perf_hooks';
import type { EntityInput } from '../../src/domain/index.js';
import { richEntity, recordsOf } from './list-records.js';
import { importInput, openTestStore, readAll, testDialect } from './test-store.js';

const SOURCE = 'bench';

function* list(count: number, changedEvery = 0): Generator<EntityInput> {
  for (let n = 0; n < count; n += 1) yield richEntity(SOURCE, n, changedEvery > 0 && n % changedEvery === 0 ? 1 : 0);
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 16000);
  const store = await openTestStore();
  try {
    const time = async (label: string, work: () => Promise<unknown>): Promise<void> => {
      const started = performance.now();
      const result = await work();
      const summary = result !== null && typeof result === 'object' && 'counts' in result ? JSON.stringify((result as { counts: unknown }).counts) : '';
      console.log(`${testDialect()} ${label}: ${Math.round(performance.now() - started)} ms ${summary}`);
    };
    await time(`first import of ${count}`, () => store.importList(importInput(SOURCE, recordsOf(list(count)))));
    await time('same entities, other file', () => store.importList(importInput(SOURCE, recordsOf(list(count)))));
    await time('2% changed', () => store.importList(importInput(SOURCE, recordsOf(list(count, 50)))));
    await time('read a version', () => readAll(store, SOURCE, 1));
    await time('diff', () => store.diff(SOURCE));
  } finally {
    await store.close();
  }
}

await main();
