import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allFakers, faker } from '@faker-js/faker';
import pino from 'pino';
import { createAuditLog } from '../src/audit/index.js';
import { ScreeningEngine } from '../src/screening/index.js';
import { buildApp } from '../src/server/index.js';
import { importFiles } from '../src/store/index.js';
import { createIdentityService } from '../src/sharing/index.js';
import { openStore } from '../src/store/index.js';

/**
 * `npm run bench:http`: the HTTP service under load on this machine. The real OFAC SDN and UN
 * lists are imported into a temporary SQLite store; autocannon, in its own process, posts single
 * subjects with varied names to /v1/screen for a bounded time, after a baseline run against
 * /healthz on the same server (the framework's ceiling here). Afterwards every screening reply
 * must have exactly one audit record.
 *
 * Options (environment): VIGIL_BENCH_SECONDS (default 12), VIGIL_BENCH_CONNECTIONS (default 10),
 * VIGIL_BENCH_PROFILE=<file.cpuprofile> to profile the server during the screening run only.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LISTS = [join(ROOT, '../shared/data/ofac/history/sdn_2024-05-03.csv'), join(ROOT, '../shared/data/un/consolidated_2026-02-27.xml')];
const LOAD = join(ROOT, 'bench/http-load.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const SECONDS = Math.min(30, Number(process.env['VIGIL_BENCH_SECONDS'] ?? 12));
const CONNECTIONS = Number(process.env['VIGIL_BENCH_CONNECTIONS'] ?? 10);
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
  /** Requests started (POST runs), and the subject ids answered with 2xx. */
  sent: number;
  answeredIds: string[];
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
    bodies.push(JSON.stringify(subject));
  }
  return bodies;
}

function row(label: string, r: LoadResult): string {
  return `| ${label} | ${Math.round(r.rps).toLocaleString('en-US')} | ${r.p50} | ${r.p99} | ${r.max} | ${r.errors + r.timeouts} | ${r.non2xx} |`;
}

const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-http-'));
const store = await openStore(join(dir, 'vigil.db'));
try {
  let started = performance.now();
  await importFiles(store, LISTS);
  const importSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const engine = await ScreeningEngine.open(store);
  const indexSeconds = (performance.now() - started) / 1000;
  const identity = createIdentityService(store);
  const audit = createAuditLog(store);
  const org = await identity.createOrganisation({ name: 'Bench' });
  const { key } = await identity.createApiKey({ orgId: org.id, role: 'officer', label: 'bench' });
  const app = buildApp({
    store,
    engine,
    identity,
    audit,
    logger: pino({ level: 'warn' }),
    // One key sends everything here; the default per-key limit (6,000/min) would refuse most of it.
    config: { rateLimit: { max: 100_000_000, windowMs: 60_000 } },
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const listed: string[] = [];
  for (const source of ['ofac-sdn', 'un-sc']) for await (const entity of store.iterateEntities(source)) if (entity.schema === 'Person') listed.push(entity.caption);
  const bodies = subjects(listed, 5000);
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

  const baseline = await runLoad({ url: `${address}/healthz`, method: 'GET', headers: {}, connections: CONNECTIONS, durationSeconds: Math.max(3, Math.round(SECONDS / 2)) });
  const since = new Date().toISOString();
  const profilePath = process.env['VIGIL_BENCH_PROFILE'];
  const session = profilePath !== undefined ? new Session() : undefined;
  if (session !== undefined) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const screen = await runLoad({ url: `${address}/v1/screen`, method: 'POST', headers, bodies, connections: CONNECTIONS, durationSeconds: SECONDS });
  if (session !== undefined && profilePath !== undefined) {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(profilePath, JSON.stringify(profile));
    session.disconnect();
  }
  // Each request had its own subject id: every answered one must have exactly one record, and
  // the only records without a seen answer are requests cut off when the client stopped.
  await app.close();
  await audit.flush();
  const recordsPerId = new Map<string, number>();
  for await (const record of audit.export({ since })) {
    if (record.action !== 'screen') continue;
    for (const id of record.subjectIds ?? []) recordsPerId.set(id, (recordsPerId.get(id) ?? 0) + 1);
  }
  const audited = [...recordsPerId.values()].reduce((a, b) => a + b, 0);
  const duplicated = [...recordsPerId.values()].filter((n) => n > 1).length;
  const unrecorded = screen.answeredIds.filter((id) => recordsPerId.get(id) !== 1).length;
  const cutOff = audited - screen.answeredIds.length;
  const auditExact = duplicated === 0 && unrecorded === 0 && cutOff >= 0 && cutOff <= CONNECTIONS;

  const lines = [
    '## HTTP: POST /v1/screen, single subjects',
    '',
    `${new Date().toISOString()}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; server and load generator on this machine.`,
    `Lists: OFAC SDN 2024-05-03 + UN 2026-02-27, ${engine.snapshot.entityCount.toLocaleString('en-US')} entities (import ${importSeconds.toFixed(1)} s, index ${indexSeconds.toFixed(1)} s), SQLite.`,
    `${CONNECTIONS} connections, ${SECONDS} s, ${bodies.length.toLocaleString('en-US')} varied names (1 in 10 a listed person), API-key auth, audit on.`,
    '',
    '| run | req/s | p50 ms | p99 ms | max ms | errors | non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row('baseline: GET /healthz (framework ceiling)', baseline),
    row('POST /v1/screen', screen),
    '',
    `Audit: ${audited.toLocaleString('en-US')} screen records for ${screen.sent.toLocaleString('en-US')} requests sent, ${screen.answeredIds.length.toLocaleString('en-US')} answered: ${auditExact ? `exactly one record per answered request (by subject id), plus ${cutOff} for requests cut off when the client stopped` : `MISMATCH (${duplicated} ids with several records, ${unrecorded} answered without exactly one)`}.`,
    `Target: >= ${TARGET.rps} req/s, p99 < ${TARGET.p99Ms} ms, no errors: ${screen.rps >= TARGET.rps && screen.p99 < TARGET.p99Ms && screen.errors + screen.timeouts + screen.non2xx === 0 ? 'met' : 'NOT met'}.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!auditExact) {
    process.stderr.write('audit mismatch\n');
    process.exitCode = 1;
  }
  await audit.close();
} finally {
  await store.close();
  await rm(dir, { recursive: true, force: true });
}
