import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordsOf, richEntity } from '../helpers/list-records.js';
import { importInput, openTestStore, testDialect, type TestStore } from '../helpers/test-store.js';

/** SQLite: the requirement. PostgreSQL pays a network round trip per statement and more WAL. */
const LIMIT_MS = { sqlite: 1500, postgres: 3000 }[testDialect()];

describe(`import speed (${testDialect()})`, () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(() => store.close());

  it(`imports 16,000 OFAC-sized entities in under ${LIMIT_MS} ms`, async () => {
    // A small import first, so the timing is of the import and not of the JIT compiling it.
    await store.importList(importInput('warm-up', recordsOf(Array.from({ length: 500 }, (_, n) => richEntity('warm-up', n)))));
    const entities = Array.from({ length: 16000 }, (_, n) => richEntity('speed', n));
    const started = performance.now();
    const result = await store.importList(importInput('speed', recordsOf(entities)));
    const elapsed = performance.now() - started;
    expect(result.counts.added).toBe(16000);
    expect(elapsed).toBeLessThan(LIMIT_MS);
  });
});
