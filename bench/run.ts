import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { benchImport } from './import.js';
import { benchScreening } from './screening.js';

/**
 * `npm run bench [import|screening]`: every benchmark, each printing our figure beside a
 * baseline measured in the same run, and the whole report into bench/REPORT.md.
 */
const only = process.argv[2];
const sections: string[] = [
  '# Vigil benchmarks',
  '',
  `Last run ${new Date().toISOString()} on ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}. Regenerate with \`npm run bench\`; medians, and baselines from the same run.`,
];
/** The machine may be shared (CI, other load tests): the load average says how far to trust wall-clock figures. */
const loadNote = (when: string): string => `Load average ${when}: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (1, 5, 15 min) on ${availableParallelism()} cores.`;
sections.push(loadNote('at the start'));
if (only === undefined || only === 'import') sections.push(await benchImport());
if (only === undefined || only === 'screening') sections.push(await benchScreening({ synthetic: Number(process.env.VIGIL_BENCH_SYNTHETIC ?? 1_000_000) }));
sections.push('', loadNote('at the end'));
if (only === undefined) writeFileSync(new URL('./REPORT.md', import.meta.url), `${sections.join('\n')}\n`);
