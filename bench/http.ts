import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allFakers, faker } from '@faker-js/faker';
import { createAuditLog } from '../src/audit/index.js';
import { createIdentityService } from '../src/sharing/index.js';
import { importFiles, openStore } from '../src/store/index.js';

/**
 * `npm run bench:http`: the HTTP service under load on this machine. The real OFAC SDN and UN
 * lists are imported into a temporary SQLite store; `vigil serve` runs on it as its own process
 * (as in production: request logging at info, rate limiting, security headers, API-key auth);
 * autocannon, in a third process, posts single subjects with varied names to /v1/screen.
 *
 * Measured in rounds, each a baseline run against GET /healthz on the same server (the
 * framework and plugins with no screening, database or audit: the ceiling here) followed by the
 * screening run, so both see the same machine load; the table shows medians over the rounds.
 * The server's own CPU time per request (from /proc) is shown too: unlike req/s it barely moves
 * when other work shares the machine; and the load generator's, which takes its share of the
 * same two cores. Afterwards every answered screening must have exactly one
 * audit record, and the audit chain must verify.
 *
 * Options (environment): VIGIL_BENCH_SECONDS (screening run, default 5), VIGIL_BENCH_ROUNDS
 * (default 3), VIGIL_BENCH_CONNECTIONS (default 10) and VIGIL_BENCH_BUSY_CONNECTIONS (a second
 * screening run in each round with more clients at once, default 32: the server's group commits
 * share more with more requests in flight, so its capacity shows only under more concurrency
 * than a handful of clients that each wait for their answer), VIGIL_BENCH_WORKERS (`serve --workers`,
 * default 1: on this SQLite store two worker processes cost about twice the CPU per request of
 * one, since each process's page cache is invalidated by the other's writes and each writes
 * smaller group commits; the setting pays off on PostgreSQL or with more cores), VIGIL_BENCH_LOG_LEVEL (default info), VIGIL_BENCH_ENROL=0 (subjects ask not to be
 * enrolled for recurrent vetting), VIGIL_BENCH_PROFILE=<dir> (the server runs with --cpu-prof),
 * VIGIL_BENCH_BASELINE=0 (no /healthz runs: a profile then holds screening only),
 * VIGIL_BENCH_RATE=<req/s> (screening at a fixed rate: CPU per request compared at equal load,
 * since group commits cost less per request the more requests share them), VIGIL_BENCH_WARMUP
 * (seconds of screening before the rounds, not counted; default 5).
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LISTS = [join(ROOT, '../shared/data/ofac/history/sdn_2024-05-03.csv'), join(ROOT, '../shared/data/un/consolidated_2026-02-27.xml')];
const LOAD = join(ROOT, 'bench/http-load.ts');
const MAIN = join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

function numberFrom(name: string, fallback: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number from 1, not "${process.env[name]}"`);
  return Math.min(max, value);
}

const SECONDS = numberFrom('VIGIL_BENCH_SECONDS', 5, 30);
const BASELINE_SECONDS = Math.max(2, Math.round(SECONDS / 2));
// The first seconds of load run while V8 compiles the hot paths and SQLite's log and pages
// grow: a first round measured 690 req/s where the next two measured 1,636 and 2,035.
const WARMUP_SECONDS = Number(process.env['VIGIL_BENCH_WARMUP'] ?? 5);
if (!(Number.isInteger(WARMUP_SECONDS) && WARMUP_SECONDS >= 0 && WARMUP_SECONDS <= 60)) throw new Error(`VIGIL_BENCH_WARMUP must be a whole number of seconds from 0 to 60, not "${process.env['VIGIL_BENCH_WARMUP']}"`);
const ROUNDS = numberFrom('VIGIL_BENCH_ROUNDS', 3, 9);
const CONNECTIONS = numberFrom('VIGIL_BENCH_CONNECTIONS', 10, 1000);
const BUSY_CONNECTIONS = numberFrom('VIGIL_BENCH_BUSY_CONNECTIONS', 32, 1000);
const WORKERS = numberFrom('VIGIL_BENCH_WORKERS', 1, 16);
const LOG_LEVEL = process.env['VIGIL_BENCH_LOG_LEVEL'] ?? 'info';
const ENROL = process.env['VIGIL_BENCH_ENROL'] !== '0';
const PROFILE_DIR = process.env['VIGIL_BENCH_PROFILE'];
const BASELINE = process.env['VIGIL_BENCH_BASELINE'] !== '0';
const RATE = process.env['VIGIL_BENCH_RATE'] === undefined ? undefined : numberFrom('VIGIL_BENCH_RATE', 1, 100_000);
const TARGET = { rps: 3000, p99Ms: 20 };

interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  ok: number;
  /** The load generator's CPU time during the run. */
  cpuSeconds: number;
  /** Requests started (POST runs), and the subject ids answered with 2xx. */
  sent: number;
  answeredIds: string[];
}

/** One load run and the server CPU it cost. */
interface Measured extends LoadResult {
  serverCpuSeconds: number;
}

function runLoad(job: object): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, LOAD], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdin.end(JSON.stringify(job));
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load generator exited ${code}`))));
  });
}

/** Travellers as a screening centre sees them: many scripts and origins, a few listed people. */
function subjects(listed: string[], count: number): string[] {
  faker.seed(7);
  const locales = ['en_US', 'en_GB', 'de', 'fr', 'es', 'it', 'pl', 'ru', 'ar', 'fa', 'tr', 'zh_CN', 'ja', 'ko', 'vi', 'pt_BR', 'uk', 'el', 'he', 'id_ID'] as const;
  const bodies: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const locale = allFakers[locales[i % locales.length] ?? 'en_US'];
    const fromList = i % 10 === 0 && listed.length > 0;
    const name = fromList ? (listed[(i * 7919) % listed.length] ?? 'Nobody') : locale.person.fullName();
    // The load generator puts a unique id per request in place of __ID__.
    const subject: Record<string, unknown> = { id: '__ID__', name, channel: 'air_arrival', port: 'JFK' };
    if (i % 3 === 0) subject['birthDate'] = faker.date.birthdate({ min: 18, max: 80, mode: 'age' }).toISOString().slice(0, 10);
    if (i % 4 === 0) subject['nationality'] = faker.location.countryCode('alpha-2');
    if (!ENROL) subject['enrol'] = false;
    bodies.push(JSON.stringify(subject));
  }
  return bodies;
}

/** User plus system CPU seconds of a process, from /proc (Linux); 0 where it cannot be read. */
async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the command name (which may hold spaces) start at the state, field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  // USER_HZ is 100 on every Linux this runs on.
  return Number.isFinite(ticks) ? ticks / 100 : 0;
}

/** The server process and its cluster workers. */
async function serverPids(primary: number): Promise<number[]> {
  const pids = [primary];
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === primary) pids.push(Number(entry));
  }
  return pids;
}

async function serverCpuSeconds(primary: number): Promise<number> {
  let total = 0;
  for (const pid of await serverPids(primary)) total += await cpuSecondsOf(pid);
  return total;
}

async function measured(server: ChildProcess, job: object): Promise<Measured> {
  const pid = server.pid ?? 0;
  const before = await serverCpuSeconds(pid);
  const result = await runLoad(job);
  return { ...result, serverCpuSeconds: (await serverCpuSeconds(pid)) - before };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function row(label: string, runs: Measured[]): string {
  const rps = runs.map((r) => r.rps);
  const failed = runs.reduce((sum, r) => sum + r.errors + r.timeouts, 0);
  const non2xx = runs.reduce((sum, r) => sum + r.non2xx, 0);
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  const cpuMs = (1000 * runs.reduce((sum, r) => sum + r.serverCpuSeconds, 0)) / Math.max(1, requests);
  const clientCpuMs = (1000 * runs.reduce((sum, r) => sum + r.cpuSeconds, 0)) / Math.max(1, requests);
  const each = rps.map((v) => Math.round(v).toLocaleString('en-US')).join(', ');
  return `| ${label} | ${Math.round(median(rps)).toLocaleString('en-US')} (${each}) | ${median(runs.map((r) => r.p50))} | ${median(runs.map((r) => r.p99))} | ${Math.max(...runs.map((r) => r.max))} | ${failed} | ${non2xx} | ${cpuMs.toFixed(3)} | ${clientCpuMs.toFixed(3)} |`;
}

/** Starts `vigil serve` and resolves with its address once every worker has its index. */
async function startServer(cwd: string, db: string, logPath: string): Promise<{ server: ChildProcess; address: string }> {
  const log = await open(logPath, 'w');
  const profile = PROFILE_DIR !== undefined ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [];
  const server = spawn(process.execPath, [...profile, '--import', TSX, MAIN, '--db', db, 'serve', '--port', '0', '--rate-limit', '1000000000', ...(WORKERS > 1 ? ['--workers', String(WORKERS)] : [])], {
    cwd,
    env: { ...process.env, VIGIL_LOG_LEVEL: LOG_LEVEL, VIGIL_CONFIG: '' },
    // Logs go to a file as in production, not through a pipe this process would have to drain.
    stdio: ['ignore', log.fd, 'pipe'],
  });
  await log.close();
  let stderr = '';
  const exited = once(server, 'exit');
  const address = await new Promise<string>((resolve, reject) => {
    server.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const listening = /listening on (http:\/\/\S+)/.exec(stderr)?.[1];
      const allIndexed = WORKERS === 1 || stderr.includes(`${WORKERS} workers ready`);
      if (listening !== undefined && allIndexed) resolve(listening);
    });
    void exited.then(() => reject(new Error(`vigil serve exited before listening: ${stderr}`)));
  });
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const response = await fetch(`${address}/readyz`).catch(() => undefined);
    if (response?.status === 200) return { server, address };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('vigil serve never became ready');
}

const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-http-'));
const dbPath = join(dir, 'vigil.db');
let server: ChildProcess | undefined;
/** A run with failed requests keeps the server's log, which says why. */
let keepLog = false;
try {
  const store = await openStore(dbPath);
  let key: string;
  let importSeconds: number;
  let entityCount = 0;
  const listed: string[] = [];
  try {
    const started = performance.now();
    const imports = await importFiles(store, LISTS);
    importSeconds = (performance.now() - started) / 1000;
    entityCount = imports.reduce((sum, i) => sum + i.entities, 0);
    const identity = createIdentityService(store);
    const org = await identity.createOrganisation({ name: 'Bench' });
    ({ key } = await identity.createApiKey({ orgId: org.id, role: 'officer', label: 'bench' }));
    for (const source of ['ofac-sdn', 'un-sc']) for await (const entity of store.iterateEntities(source)) if (entity.schema === 'Person') listed.push(entity.caption);
  } finally {
    await store.close();
  }
  const bodies = subjects(listed, 5000);
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

  let started = performance.now();
  const running = await startServer(dir, dbPath, join(dir, 'server.log'));
  server = running.server;
  const readySeconds = (performance.now() - started) / 1000;
  const since = new Date().toISOString();
  const baseline: Measured[] = [];
  const screening: Measured[] = [];
  const busy: Measured[] = [];
  // Not counted in the table; its requests are audited and checked like the others.
  const warmup: Measured[] = [];
  if (WARMUP_SECONDS > 0) warmup.push(await measured(server, { url: `${running.address}/v1/screen`, method: 'POST', headers, bodies, idPrefix: 'w-', connections: BUSY_CONNECTIONS, durationSeconds: WARMUP_SECONDS }));
  started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    if (BASELINE) baseline.push(await measured(server, { url: `${running.address}/healthz`, method: 'GET', headers: {}, connections: CONNECTIONS, durationSeconds: BASELINE_SECONDS }));
    screening.push(await measured(server, { url: `${running.address}/v1/screen`, method: 'POST', headers, bodies, idPrefix: `s${round}-`, connections: CONNECTIONS, durationSeconds: SECONDS, ...(RATE !== undefined ? { overallRate: RATE } : {}) }));
    busy.push(await measured(server, { url: `${running.address}/v1/screen`, method: 'POST', headers, bodies, idPrefix: `b${round}-`, connections: BUSY_CONNECTIONS, durationSeconds: SECONDS, ...(RATE !== undefined ? { overallRate: RATE } : {}) }));
  }
  const loadSeconds = (performance.now() - started) / 1000;
  const loadAfter = loadavg()[0] ?? 0;

  // A graceful stop flushes every worker's audit records before the process exits.
  const stopped = once(server, 'exit') as Promise<[number | null]>;
  server.kill('SIGTERM');
  const exitCode = await Promise.race([stopped.then(([code]) => String(code)), new Promise<string>((resolve) => setTimeout(() => resolve('NOT within 30 s of SIGTERM'), 30_000).unref())]);
  if (exitCode !== '0') process.exitCode = 1;
  if (server.exitCode === null) server.kill('SIGKILL');
  server = undefined;

  // Each request had its own subject id: every answered one must have exactly one record, and
  // the only records without a seen answer are requests cut off when a run's client stopped.
  const check = await openStore(dbPath);
  const audit = createAuditLog(check);
  const recordsPerId = new Map<string, number>();
  let chain: string;
  try {
    for await (const record of audit.export({ since })) {
      if (record.action !== 'screen') continue;
      for (const id of record.subjectIds ?? []) recordsPerId.set(id, (recordsPerId.get(id) ?? 0) + 1);
    }
    const verification = await audit.verify();
    chain = verification.ok ? `the chain verifies (${verification.count.toLocaleString('en-US')} records)` : `the chain does NOT verify: ${verification.problem.message}`;
    if (!verification.ok) process.exitCode = 1;
  } finally {
    await audit.close();
    await check.close();
  }
  const answeredIds = [...warmup, ...screening, ...busy].flatMap((r) => r.answeredIds);
  const sent = [...warmup, ...screening, ...busy].reduce((sum, r) => sum + r.sent, 0);
  const audited = [...recordsPerId.values()].reduce((a, b) => a + b, 0);
  const duplicated = [...recordsPerId.values()].filter((n) => n > 1).length;
  const unrecorded = answeredIds.filter((id) => recordsPerId.get(id) !== 1).length;
  const cutOff = audited - answeredIds.length;
  const auditExact = duplicated === 0 && unrecorded === 0 && cutOff >= 0 && cutOff <= (CONNECTIONS + BUSY_CONNECTIONS) * ROUNDS + BUSY_CONNECTIONS * warmup.length;
  const verdict = (runs: Measured[]): { met: boolean; failures: number; text: string } => {
    const rps = median(runs.map((r) => r.rps));
    const p99 = median(runs.map((r) => r.p99));
    const failures = runs.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0);
    const met = rps >= TARGET.rps && p99 < TARGET.p99Ms && failures === 0;
    return { met, failures, text: `${met ? 'met' : 'NOT met'} (${Math.round(rps).toLocaleString('en-US')} req/s, p99 ${p99} ms, ${failures} failed)` };
  };
  const quiet = verdict(screening);
  const loaded = verdict(busy);
  const best = { failures: quiet.failures + loaded.failures };

  const lines = [
    '## HTTP: POST /v1/screen, single subjects',
    '',
    `${new Date().toISOString()}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; server, load generator (autocannon, its own process) and any other work on this machine share the cores (load average ${loadBefore.toFixed(1)} before the runs, ${loadAfter.toFixed(1)} after).`,
    `Lists: OFAC SDN 2024-05-03 + UN 2026-02-27, ${entityCount.toLocaleString('en-US')} entities (import ${importSeconds.toFixed(1)} s; server ready in ${readySeconds.toFixed(1)} s), SQLite.`,
    `\`vigil serve --workers ${WORKERS}\`, log level ${LOG_LEVEL}; ${CONNECTIONS} then ${BUSY_CONNECTIONS} connections, no pipelining${RATE !== undefined ? `, at most ${RATE} req/s` : ""}; ${WARMUP_SECONDS > 0 ? `a ${WARMUP_SECONDS} s screening warm-up at ${BUSY_CONNECTIONS} connections (not counted), then ` : ''}${ROUNDS} rounds of ${BASELINE ? `${BASELINE_SECONDS} s baseline + ` : ""}${SECONDS} s screening at each (${loadSeconds.toFixed(0)} s in all); ${bodies.length.toLocaleString('en-US')} varied names (1 in 10 a listed person), channel air_arrival${ENROL ? ' (enrols for recurrent vetting)' : ', enrol: false'}, API-key auth, audit on.`,
    '',
    '| run | req/s, median (each round) | p50 ms | p99 ms | max ms | errors | non-2xx | server CPU ms/request | load generator CPU ms/request |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...(BASELINE ? [row('baseline: GET /healthz (framework ceiling)', baseline)] : []),
    row(`POST /v1/screen, ${CONNECTIONS} connections`, screening),
    row(`POST /v1/screen, ${BUSY_CONNECTIONS} connections`, busy),
    '',
    `Audit: ${audited.toLocaleString('en-US')} screen records for ${sent.toLocaleString('en-US')} requests sent, ${answeredIds.length.toLocaleString('en-US')} answered: ${auditExact ? `exactly one record per answered request (by subject id), plus ${cutOff} for requests cut off when a run's client stopped` : `MISMATCH (${duplicated} ids with several records, ${unrecorded} answered without exactly one)`}; ${chain}; the server exited ${exitCode}.`,
    `Target: >= ${TARGET.rps} req/s, p99 < ${TARGET.p99Ms} ms, no errors: at ${CONNECTIONS} connections ${quiet.text}; at ${BUSY_CONNECTIONS} connections ${loaded.text}.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  // The default run is the recorded one; a run with settings changed by the environment is not.
  if (!Object.keys(process.env).some((name) => name.startsWith('VIGIL_BENCH_'))) await writeFile(join(process.cwd(), 'bench', 'HTTP.md'), `${lines.join('\n')}\n`);
  if (!auditExact) {
    process.stderr.write('audit mismatch\n');
    process.exitCode = 1;
  }
  if (best.failures > 0) {
    keepLog = true;
    process.stderr.write(`${best.failures} requests failed; server log: ${join(dir, 'server.log')} (kept)\n`);
  }
} finally {
  if (server !== undefined) {
    server.kill('SIGKILL');
    process.stderr.write(`server log: ${join(dir, 'server.log')} (kept)\n`);
  } else if (!keepLog) {
    await rm(dir, { recursive: true, force: true });
  }
}
