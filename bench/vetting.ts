import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { Entity, Subject } from '../src/domain/index.js';
import { planImports } from '../src/lists/index.js';
import { buildSnapshot, screenStream } from '../src/screening/index.js';
import type { Store } from '../src/store/index.js';
import { importSubjects, listAlerts, runVetting, type VetReport } from '../src/vetting/index.js';
import { DEFAULT_BENCH_PG_URL, withFreshStore } from './fresh-store.js';
import { fmt, timeMs } from './stats.js';
import { rng, syntheticSubjects } from './synthetic-list.js';

/**
 * `npm run bench:vetting [-- --subjects N] [--dialect sqlite|postgres] [--no-baseline]`
 *
 * Enrols N synthetic subjects across scripts (default 1,000,000) with variants of the 298
 * entities OFAC added on 2024-05-01 planted among them, imports the SDN list of 2024-04-26 and
 * then 2024-05-01, and times the re-vetting run beside a full re-screen of every subject in the
 * same process (the baseline). Checks that both find the same hits on the changed entities and
 * that every planted subject the full re-screen finds is alerted.
 */
const HISTORY = resolve(process.cwd(), '../shared/data/ofac/history');
const BEFORE = join(HISTORY, 'sdn_2024-04-26.csv');
const AFTER = join(HISTORY, 'sdn_2024-05-01.csv');

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const SUBJECTS = Number(argument('subjects') ?? 1_000_000);
const DIALECTS = (argument('dialect') ?? 'sqlite,postgres').split(',') as Array<'sqlite' | 'postgres'>;
const BASELINE = !process.argv.includes('--no-baseline');
const PG_URL = argument('pg') ?? DEFAULT_BENCH_PG_URL;


async function importFile(store: Store, file: string): Promise<void> {
  for (const plan of await planImports([file])) {
    await store.importList({ source: plan.source, mode: plan.adapter.mode, records: plan.adapter.records(), fileSha256: plan.fileSha256, fileNames: plan.files });
  }
}

async function readEntities(file: string): Promise<Entity[]> {
  const out: Entity[] = [];
  for (const plan of await planImports([file])) for await (const record of plan.adapter.records()) if (record.kind === 'entity') out.push(record.entity as Entity);
  return out;
}

/** "FAMILY, Given" as a traveller writes it: "Given Family". */
function travellerOrder(name: string): string {
  const [family, given] = name.split(/,\s*/);
  const titled = (s: string): string => s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return given !== undefined && family !== undefined ? `${titled(given)} ${titled(family)}` : titled(name);
}

/** One letter of the longest word dropped: a slip a visa form or a passenger list carries. */
function slip(name: string, random: () => number): string {
  const words = name.split(' ');
  let longest = 0;
  words.forEach((w, i) => {
    if (w.length > (words[longest]?.length ?? 0)) longest = i;
  });
  const word = words[longest] ?? '';
  if (word.length < 8) return name;
  const at = 2 + Math.floor(random() * (word.length - 4));
  words[longest] = word.slice(0, at) + word.slice(at + 1);
  return words.join(' ');
}

/** Two subjects per added entity: its name as a traveller writes it, and with a slip. */
function plant(added: readonly Entity[]): Subject[] {
  const random = rng(501);
  const out: Subject[] = [];
  added.forEach((entity, i) => {
    const birth = entity.birthDates.find((b) => b.kind === 'exact');
    const base = { schema: entity.schema, ...(birth !== undefined && birth.kind === 'exact' ? { birthDate: birth.date } : {}) };
    const name = travellerOrder(entity.caption);
    out.push({ id: `planted-${i}-a`, name, ...base });
    out.push({ id: `planted-${i}-b`, name: slip(name, random), ...base });
  });
  return out;
}

/** Shuffles the planted subjects into the population at fixed places. */
function population(count: number, planted: readonly Subject[]): Subject[] {
  const subjects = syntheticSubjects(Math.max(0, count - planted.length), [], 2);
  const random = rng(7);
  for (const p of planted) subjects.splice(Math.floor(random() * subjects.length), 0, p);
  return subjects;
}

function* jsonLines(subjects: readonly Subject[]): Generator<string> {
  for (let i = 0; i < subjects.length; i += 1000) yield `${subjects.slice(i, i + 1000).map((s) => JSON.stringify(s)).join('\n')}\n`;
}

/** Every hit of a full re-screen (worker threads, as `vigil screen` runs it) on the given entities. */
async function fullRescreen(store: Store, subjects: readonly Subject[], entityIds: ReadonlySet<string>): Promise<{ ms: number; hits: Set<string> }> {
  const snapshot = await buildSnapshot(store);
  const hits = new Set<string>();
  let pending = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString('utf8');
      let nl = pending.indexOf('\n');
      while (nl >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const result = JSON.parse(line) as { id: string; hits?: Array<{ entityId: string; score: number }> };
        for (const hit of result.hits ?? []) if (entityIds.has(hit.entityId)) hits.add(`${result.id}\n${hit.entityId}\n${Math.round(hit.score * 10_000)}`);
        nl = pending.indexOf('\n');
      }
      done();
    },
  });
  const ms = await timeMs(() => screenStream(snapshot.index, Readable.from(jsonLines(subjects)), sink, { workers: availableParallelism() }));
  return { ms, hits };
}

interface DialectResult {
  dialect: string;
  enrolMs: number;
  report: VetReport;
  baseline?: { ms: number; hits: number; same: boolean };
  planted: number;
  plantedFound: number;
  plantedInBaseline?: number;
}

async function benchDialect(dialect: 'sqlite' | 'postgres', subjects: readonly Subject[], planted: readonly Subject[]): Promise<DialectResult> {
  return withFreshStore(
    dialect,
    async (store) => {
      await importFile(store, BEFORE);
      await runVetting(store);
      // The bulk path of `vigil subjects import`: JSON lines in, validated, enrolled in chunks.
      const enrolMs = await timeMs(() =>
        importSubjects(store, Readable.from(jsonLines(subjects)), {
          channel: 'visa',
          retentionDays: 365,
          screenedAt: '2024-04-28T10:00:00Z',
          onProgress: (lines) => process.stderr.write(`  ${dialect}: enrolled ${lines.toLocaleString('en-US')}\r`),
        }),
      );
      process.stderr.write(`  ${dialect}: enrolled ${subjects.length.toLocaleString('en-US')} in ${fmt(enrolMs / 1000)} s\n`);
      await importFile(store, AFTER);
      const [report] = await runVetting(store);
      if (report === undefined) throw new Error('the 2024-05-01 import changed nothing');
      const alerts = await listAlerts(store, { limit: 10_000 });
      const alerted = new Set(alerts.map((a) => `${a.subjectId}\n${a.entityId}\n${Math.round(a.score * 10_000)}`));
      const plantedIds = new Set(planted.map((p) => p.id));
      const plantedFound = new Set(alerts.filter((a) => plantedIds.has(a.subjectId)).map((a) => a.subjectId)).size;
      const result: DialectResult = { dialect, enrolMs, report, planted: planted.length, plantedFound };
      if (BASELINE) {
        const diff = await store.diff(report.source, report.from, report.to);
        const changed = new Set([...diff.added, ...diff.changed].map((e) => e.id));
        const full = await fullRescreen(store, subjects, changed);
        const same = full.hits.size === alerted.size && [...full.hits].every((h) => alerted.has(h));
        const inBaseline = new Set([...full.hits].map((h) => h.split('\n')[0] as string).filter((id) => plantedIds.has(id))).size;
        result.baseline = { ms: full.ms, hits: full.hits.size, same };
        result.plantedInBaseline = inBaseline;
      }
      return result;
    },
    { label: 'bench_vetting', pgUrl: PG_URL },
  );
}

function render(results: DialectResult[], subjects: number, added: number): string {
  const lines = [
    '## Recurrent vetting',
    '',
    `${subjects.toLocaleString('en-US')} enrolled subjects (synthetic, across scripts, with 2 variants of each of the ${added} entities OFAC added on 2024-05-01 planted), SDN 2024-04-26 then 2024-05-01; ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${new Date().toISOString()}.`,
    '',
    '| database | enrol | re-vetting run | of which: snapshot / probes / vocabulary / plan / candidates / bound / screen | candidates -> screened | alerts | full re-screen (baseline) | same hits | planted alerted |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const m = r.report.ms;
    lines.push(
      `| ${r.dialect} | ${fmt(r.enrolMs / 1000)} s (${fmt(subjects / (r.enrolMs / 1000), 0)}/s) | ${fmt(m.total / 1000, 2)} s | ${fmt(m.snapshot / 1000, 2)} / ${fmt(m.probes / 1000, 2)} / ${fmt(m.vocabulary / 1000, 2)} / ${fmt(m.plan / 1000, 2)} / ${fmt(m.candidates / 1000, 2)} / ${fmt(m.bound / 1000, 2)} / ${fmt(m.screen / 1000, 2)} s | ${r.report.candidates.toLocaleString('en-US')} -> ${r.report.screened.toLocaleString('en-US')} | ${r.report.raised} | ${r.baseline !== undefined ? `${fmt(r.baseline.ms / 1000)} s` : 'skipped'} | ${r.baseline !== undefined ? (r.baseline.same ? `yes (${r.baseline.hits})` : `NO (${r.baseline.hits} vs ${r.report.raised})`) : '-'} | ${r.plantedFound} / ${r.planted}${r.plantedInBaseline !== undefined ? ` (baseline ${r.plantedInBaseline})` : ''} |`,
    );
  }
  return lines.join('\n');
}

const before = new Set((await readEntities(BEFORE)).map((e) => e.id));
const added = (await readEntities(AFTER)).filter((e) => !before.has(e.id));
const planted = plant(added);
const subjects = population(SUBJECTS, planted);
const results: DialectResult[] = [];
for (const dialect of DIALECTS) {
  process.stderr.write(`vetting bench on ${dialect}, ${subjects.length.toLocaleString('en-US')} subjects\n`);
  results.push(await benchDialect(dialect, subjects, planted));
  // Each database's row as soon as it is measured: a later failure does not lose it.
  process.stderr.write(`${render(results.slice(-1), subjects.length, added.length).split('\n').at(-1) ?? ''}\n`);
}
const report = render(results, subjects.length, added.length);
process.stdout.write(`${report}\n`);
// Only the full run (1M subjects, both databases, with the baseline) stands as the recorded figures.
if (SUBJECTS === 1_000_000 && DIALECTS.length === 2 && BASELINE) writeFileSync(join(process.cwd(), 'bench', 'VETTING.md'), `${report}\n`);
