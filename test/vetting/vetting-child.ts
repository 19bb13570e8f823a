/**
 * A vetting run in its own process, for the crash test to kill: `node --import tsx
 * vetting-child.ts <store url> <batch size> <pause ms>` runs pending vetting in small batches,
 * writes `batch` to standard output after each one commits, pauses up to the given time, and
 * exits 0 when done.
 */
import { openStore } from '../../src/store/index.js';
import { runVetting } from '../../src/vetting/index.js';

const [url = '', batch = '3', pause = '0'] = process.argv.slice(2);
const store = await openStore(url);
try {
  await runVetting(store, {
    batchSize: Number(batch),
    onBatch: () => {
      process.stdout.write('batch\n');
      return new Promise((resolve) => setTimeout(resolve, Math.random() * Number(pause)));
    },
  });
} finally {
  await store.close();
}
