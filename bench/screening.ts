import { availableParallelism } from 'node:os';
import { PassThrough, Readable } from 'node:stream';
import pg from 'pg';
import type { Entity, Subject } from '../src/domain/index.js';
import { buildIndex, createScreener, measureCandidateRecall, type MatchIndex } from '../src/matching/index.js';
import { ScreeningPool, screenStream } from '../src/screening/index.js';
import { buildJaroWinklerIndex, listedNames } from '../eval/baselines/jaro-winkler.js';
import { buildDatasets } from '../eval/datasets/index.js';
import { loadWatchlist } from '../eval/load-watchlist.js';
import { fmt, median, percentile } from './stats.js';
import { rng, syntheticEntities, syntheticSubjects } from './synthetic-list.js';

export interface Row {
  system: string;
  buildMs?: number;
  memoryMb?: number;
  batchPerSec?: number;
  singlePerSec: number;
  p50Ms: number;
  p99Ms: number;
  note?: string;
}

/**
 * JavaScript heap plus memory outside it, each byte once: Node counts an ArrayBuffer's memory in
 * both `external` and `arrayBuffers`, a SharedArrayBuffer's (the index's arrays) in
 * `arrayBuffers` only. Only the C++ objects in `external` (a few MB) may be left out.
 */
function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return (usage.heapUsed + Math.max(usage.external, usage.arrayBuffers)) / 1e6;
}

function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  const random = rng(seed);
  return Array.from({ length: Math.min(count, items.length) }, () => items[Math.floor(random() * items.length)] as T);
}

function subjectNames(subject: Subject): string[] {
  return typeof subject.name === 'string' ? [subject.name] : subject.name;
}

/** Per-query latencies of `work` over `subjects`, after a warm-up. */
function latencies(subjects: readonly Subject[], work: (subject: Subject) => void): number[] {
  for (const subject of subjects.slice(0, Math.min(200, subjects.length))) work(subject);
  return subjects.map((subject) => {
    const start = process.hrtime.bigint();
    work(subject);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
}

function describeThreads(threads: number): string {
  if (threads <= 1) return 'the main thread only';
  const workers = threads - 1;
  return `${threads} threads (the main thread and ${workers} worker${workers === 1 ? '' : 's'})`;
}

/** CPU time of this process, every thread included, in microseconds. */
function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/**
 * `vigil screen`'s path end to end: JSON lines in, JSON lines out, worker start-up included.
 * CPU time per subject beside the wall-clock rate: on a shared machine the rate drops with the
 * other load, the CPU time much less.
 */
async function batchThroughput(index: MatchIndex, subjects: readonly Subject[], pool: ScreeningPool | undefined): Promise<{ perSec: number; threads: number; cpuMicrosPerSubject: number }> {
  const input = Readable.from([subjects.map((s) => JSON.stringify(s)).join('\n')]);
  const sink = new PassThrough();
  sink.resume();
  const cpuStart = cpuMicros();
  const start = process.hrtime.bigint();
  const summary = await screenStream(index, input, sink, { workers: pool === undefined ? 1 : pool.size + 1, workerThreshold: 1, ...(pool !== undefined ? { pool } : {}) });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { perSec: summary.subjects / seconds, threads: summary.workers, cpuMicrosPerSubject: (cpuMicros() - cpuStart) / summary.subjects };
}

export async function measureVigil(label: string, entities: readonly Entity[], subjects: readonly Subject[], batchSubjects: readonly Subject[]): Promise<{ row: Row; index: MatchIndex }> {
  // Started before the index is built, as `vigil screen` starts them before reading the lists:
  // they warm up on the other cores meanwhile. Handing them the index is part of the batch's time.
  const pool = availableParallelism() > 1 ? new ScreeningPool(availableParallelism() - 1) : undefined;
  const before = heapMb();
  const buildTimes: number[] = [];
  let index: MatchIndex | undefined;
  const builds = entities.length > 100_000 ? 1 : 3;
  for (let run = 0; run < builds; run += 1) {
    index = undefined;
    const start = process.hrtime.bigint();
    index = buildIndex(entities);
    buildTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (index === undefined) throw new Error('no index');
  const memoryMb = heapMb() - before;
  const screener = createScreener(index);
  // The builds above leave garbage a server collects once, long before it serves: collected
  // here, so that the latencies are a serving screener's and not the builds' collection.
  (globalThis as { gc?: () => void }).gc?.();
  const cpuStart = cpuMicros();
  const times = latencies(subjects, (subject) => screener.screen(subject));
  // Warm-up included, as in the wall-clock figures' loop: only a rough check against them.
  const singleCpuMicros = (cpuMicros() - cpuStart) / (subjects.length + Math.min(200, subjects.length));
  const batch = await batchThroughput(index, batchSubjects, pool).finally(() => pool?.close());
  return {
    index,
    row: {
      system: label,
      buildMs: median(buildTimes),
      memoryMb,
      batchPerSec: batch.perSec,
      singlePerSec: 1000 / (times.reduce((a, b) => a + b, 0) / times.length),
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      note:
        `batch: ${batchSubjects.length.toLocaleString('en-US')} subjects, ${describeThreads(batch.threads)}, JSON in and out, workers started while the index was built (as \`vigil screen\` does) and given it in the batch's time, ` +
        `${fmt(batch.cpuMicrosPerSubject, 0)} µs CPU a subject (all threads); 1 thread: ${fmt(singleCpuMicros, 0)} µs CPU a subject`,
    },
  };
}

export function measureJaroWinkler(entities: readonly Entity[], subjects: readonly Subject[]): Row {
  const start = process.hrtime.bigint();
  const baseline = buildJaroWinklerIndex(listedNames(entities));
  const buildMs = Number(process.hrtime.bigint() - start) / 1e6;
  const times = latencies(subjects, (subject) => {
    for (const name of subjectNames(subject)) baseline.search(name, { floor: 0.85, limit: 10 });
  });
  const single = 1000 / (times.reduce((a, b) => a + b, 0) / times.length);
  return {
    system: 'baseline 1: brute-force Jaro-Winkler over every name',
    buildMs,
    batchPerSec: single * availableParallelism(),
    singlePerSec: single,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    note: `${baseline.nameCount.toLocaleString('en-US')} names; batch = one thread x ${availableParallelism()} cores (ideal scaling)`,
  };
}

export async function measurePgTrgm(entities: readonly Entity[], subjects: readonly Subject[]): Promise<Row | string> {
  const url = process.env.VIGIL_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    return `pg_trgm baseline skipped: cannot reach PostgreSQL at ${url} (${error instanceof Error ? error.message : String(error)})`;
  }
  const schema = `vigil_bench_trgm_${process.pid}`;
  try {
    await client.query('create extension if not exists pg_trgm');
    await client.query(`create schema ${schema}`);
    await client.query(`create table ${schema}.names (entity_id text not null, name text not null)`);
    const names = listedNames(entities);
    for (let i = 0; i < names.length; i += 5_000) {
      const chunk = names.slice(i, i + 5_000);
      const params: string[] = [];
      const values = chunk.map((n, j) => {
        params.push(n.entityId, n.name);
        return `($${j * 2 + 1}, $${j * 2 + 2})`;
      });
      await client.query(`insert into ${schema}.names values ${values.join(',')}`, params);
    }
    const start = process.hrtime.bigint();
    await client.query(`create index on ${schema}.names using gin (name gin_trgm_ops)`);
    const buildMs = Number(process.hrtime.bigint() - start) / 1e6;
    await client.query(`analyze ${schema}.names`);
    await client.query('set pg_trgm.similarity_threshold = 0.5');
    const query = `select entity_id, similarity(name, $1) as score from ${schema}.names where name % $1 order by score desc limit 10`;
    const times: number[] = [];
    for (const subject of subjects.slice(0, 50)) await client.query(query, [subjectNames(subject)[0]?.toLowerCase()]);
    for (const subject of subjects) {
      const begin = process.hrtime.bigint();
      for (const name of subjectNames(subject)) await client.query(query, [name.toLowerCase()]);
      times.push(Number(process.hrtime.bigint() - begin) / 1e6);
    }
    const single = 1000 / (times.reduce((a, b) => a + b, 0) / times.length);
    return {
      system: 'baseline 2: PostgreSQL pg_trgm, GIN index',
      buildMs,
      singlePerSec: single,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      note: `${names.length.toLocaleString('en-US')} names; one connection, similarity >= 0.5, top 10`,
    };
  } finally {
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
}

export function renderRows(rows: Row[]): string {
  const cell = (value: number | undefined, digits = 0): string => (value === undefined ? '-' : fmt(value, digits));
  return [
    '| system | subjects/s (batch) | subjects/s (1 thread) | p50 ms | p99 ms | build ms | memory MB | notes |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.system} | ${cell(r.batchPerSec)} | ${cell(r.singlePerSec)} | ${cell(r.p50Ms, 3)} | ${cell(r.p99Ms, 3)} | ${cell(r.buildMs)} | ${cell(r.memoryMb)} | ${r.note ?? ''} |`),
  ].join('\n');
}

/** Issue 3's speed benchmark, on the real lists and on a synthetic list of a million names. */
export async function benchScreening(options: { synthetic?: number } = {}): Promise<string> {
  const lines: string[] = [];
  const say = (text: string): void => {
    console.log(text);
    lines.push(text);
  };
  const entities = await loadWatchlist();
  const { positives, negatives } = buildDatasets(entities, { seed: 20260227, negativePersons: 8_000, negativeOrganisations: 200 });
  const queries = [...positives, ...negatives].map((q) => q.subject);
  const latencySample = sample(queries, 5_000, 7);
  const baselineSample = sample(queries, 400, 11);
  // A batch of distinct subjects (another seed, more negatives): repeated queries would be served
  // from the name cache and flatter the rate.
  const more = buildDatasets(entities, { seed: 20261123, negativePersons: 50_000, negativeOrganisations: 1_000 });
  const batch = [...more.positives, ...more.negatives].map((q, n) => ({ ...q.subject, id: `b${n}` }));

  say(`\n## Screening speed: real lists (OFAC SDN 2024-05-03 + UN, ${entities.length.toLocaleString('en-US')} entities)`);
  say(`Queries: the evaluation's subjects (positives and negatives across scripts); latency over ${latencySample.length.toLocaleString('en-US')}, baselines over ${baselineSample.length}.`);
  const vigil = await measureVigil('Vigil', entities, latencySample, batch);
  const rows = [vigil.row, measureJaroWinkler(entities, baselineSample)];
  const trgm = await measurePgTrgm(entities, baselineSample);
  if (typeof trgm === 'string') say(trgm);
  else rows.push(trgm);
  say(renderRows(rows));
  const jw = rows[1];
  if (jw !== undefined) say(`Vigil / brute-force Jaro-Winkler, single thread: ${fmt(vigil.row.singlePerSec / jw.singlePerSec, 0)}x.`);
  say('Targets: >= 20,000 subjects/s batch, p99 < 2 ms, build < 2,000 ms.');

  const recallSubjects = sample(queries, 150, 13);
  const recall = measureCandidateRecall(vigil.index, recallSubjects);
  say(`Candidate recall against a brute-force scan of every entity with the same scorer (${recall.subjects} subjects, review threshold): ${(recall.recall * 100).toFixed(2)}% (${recall.found}/${recall.expected} pairs). Target >= 99.5%.`);

  const syntheticCount = options.synthetic ?? 1_000_000;
  if (syntheticCount > 0) {
    say(`\n## Screening speed: synthetic list of ${syntheticCount.toLocaleString('en-US')} names across scripts`);
    const synthetic = syntheticEntities(syntheticCount);
    const subjects = syntheticSubjects(3_000, synthetic);
    const batchSynthetic = syntheticSubjects(20_000, synthetic, 5);
    const big = await measureVigil('Vigil', synthetic, subjects, batchSynthetic);
    say(renderRows([big.row]));
    say('Targets: >= 4,000 subjects/s batch, build < 60,000 ms, memory < 2,000 MB.');
  }
  return lines.join('\n');
}
