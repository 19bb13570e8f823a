import { join, resolve } from 'node:path';
import { planImports } from '../src/lists/index.js';
import { importFiles, type Store } from '../src/store/index.js';
import { withFreshStore } from './fresh-store.js';
import { fmt, median, timeMs } from './stats.js';

const SHARED = resolve(process.cwd(), '../shared/data');
const SDN_OLD = join(SHARED, 'ofac/history/sdn_2024-05-01.csv');
const SDN = join(SHARED, 'ofac/history/sdn_2024-05-03.csv');
const UN = join(SHARED, 'un/consolidated_2026-02-27.xml');

async function parseOnly(paths: string[]): Promise<number> {
  let count = 0;
  for (const plan of await planImports(paths)) {
    for await (const record of plan.adapter.records()) if (record.kind === 'entity') count += 1;
  }
  return count;
}


export interface ImportBenchResult {
  dialect: string;
  importMs: number;
  diffMs: number;
}

/** Issue 2's entry: import SDN 2024-05-03 + UN, then diff two consecutive SDN versions. */
export async function benchImport(runs = 3): Promise<string> {
  const lines: string[] = [];
  const say = (text: string): void => {
    console.log(text);
    lines.push(text);
  };
  const parseTimes: number[] = [];
  let entityCount = 0;
  for (let i = 0; i < runs; i += 1) parseTimes.push(await timeMs(async () => { entityCount = await parseOnly([SDN, UN]); }));

  say(`\n## Import (OFAC SDN 2024-05-03 + UN, ${entityCount.toLocaleString('en-US')} entities; median of ${runs})`);
  say(`| dialect | import both lists | diff 05-01 -> 05-03 | baseline: parse only, no store | store overhead |`);
  say('|---|---|---|---|---|');
  const dialects: Array<'sqlite' | 'postgres'> = process.env.VIGIL_BENCH_SKIP_PG === '1' ? ['sqlite'] : ['sqlite', 'postgres'];
  for (const dialect of dialects) {
    const importTimes: number[] = [];
    const diffTimes: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      await withFreshStore(dialect, async (store) => {
        importTimes.push(await timeMs(() => importFiles(store, [SDN, UN])));
        await importFiles(store, [SDN_OLD]);
        await importFiles(store, [SDN]);
        diffTimes.push(await timeMs(() => store.diff('ofac-sdn')));
      });
    }
    const importMs = median(importTimes);
    const parseMs = median(parseTimes);
    say(`| ${dialect} | ${fmt(importMs, 0)} ms | ${fmt(median(diffTimes), 0)} ms | ${fmt(parseMs, 0)} ms | ${fmt(importMs / parseMs, 2)}x |`);
  }
  say('Target: both lists in under 3,000 ms on SQLite.');
  return lines.join('\n');
}
