/**
 * Child process for the kill test: imports a generated list of many entities into the store at
 * a URL and prints `progress <records read>` as batches are written, so the parent can kill it
 * part way through the transaction.
 *   node --import tsx test/helpers/import-large-list.ts <store url> <source> <entities>
 */
import type { ListRecord } from '../../src/domain/index.js';
import { openStore } from '../../src/store/index.js';
import { person } from './list-records.js';

async function* generated(source: string, count: number): AsyncGenerator<ListRecord> {
  for (let n = 0; n < count; n += 1) {
    // Variant 1 differs from what the parent imported, so every batch writes.
    yield { kind: 'entity', entity: person(source, n, 1), at: { file: 'large.test', line: n + 1 } };
  }
}

const [url, source, count] = process.argv.slice(2);
if (url === undefined || source === undefined || count === undefined) {
  throw new Error('usage: import-large-list.ts <store url> <source> <entities>');
}
const store = await openStore(url);
try {
  const result = await store.importList({
    source,
    mode: 'full',
    records: generated(source, Number(count)),
    fileSha256: 'f'.repeat(64),
    fileNames: ['large.test'],
    onProgress: (read) => process.stdout.write(`progress ${read}\n`),
  });
  process.stdout.write(`done ${result.version.version}\n`);
} finally {
  await store.close();
}
