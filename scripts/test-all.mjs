#!/usr/bin/env node
// Runs the test suite once per dialect: everything on the embedded SQLite default, then every
// test file that uses a store again on PostgreSQL; then the console's browser tests (test/e2e,
// Debian's Chromium against a real `vigil serve`; VIGIL_SKIP_E2E=1 skips them). Ends with one
// plain summary line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const outDir = mkdtempSync(join(tmpdir(), 'vigil-tests-'));

function testFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'e2e') continue;
    if (statSync(path).isDirectory()) found.push(...testFiles(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const usesStore = ['src', 'test', 'eval']
  .flatMap((dir) => testFiles(dir))
  .filter((file) => /test-store|openTestStore/.test(readFileSync(file, 'utf8')));

const runs = [{ name: 'sqlite', env: { VIGIL_TEST_DB: 'sqlite' }, files: [] }];
if (process.env.VIGIL_SKIP_POSTGRES !== '1' && usesStore.length > 0) {
  runs.push({ name: 'postgres', env: { VIGIL_TEST_DB: 'postgres' }, files: usesStore });
}
if (process.env.VIGIL_SKIP_E2E !== '1') {
  // The console is built first (and so type-checked): the browser tests load what is served.
  runs.push({ name: 'e2e (browser)', env: {}, files: [], config: 'test/e2e/vitest.config.ts', before: ['npm', ['run', 'build:web']] });
}

let passed = 0;
let failed = 0;
let skipped = 0;
let exitCode = 0;
const perRun = [];
for (const run of runs) {
  const before = { passed, failed };
  const outputFile = join(outDir, `${run.name.replace(/\W+/g, '-')}.json`);
  console.log(`\n== tests on ${run.name} ==`);
  if (run.before !== undefined) {
    const prepared = spawnSync(run.before[0], run.before[1], { stdio: 'inherit', env: process.env });
    if (prepared.status !== 0) {
      console.error(`${run.before[0]} ${run.before[1].join(' ')} failed: the ${run.name} tests were not run`);
      failed += 1;
      exitCode = 1;
      continue;
    }
  }
  const result = spawnSync(
    'npx',
    ['vitest', 'run', ...(run.config !== undefined ? ['--config', run.config] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`, ...run.files],
    // The browser suite bounds its own steps; this bounds the whole run.
    { stdio: 'inherit', env: { ...process.env, ...run.env }, ...(run.config !== undefined ? { timeout: 10 * 60_000 } : {}) },
  );
  if (result.status !== 0) exitCode = 1;
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    // A suite that failed to load counts as a failure even when it ran no test.
    failed += report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
  } catch (error) {
    console.error(`no test report from the ${run.name} run: ${error.message}`);
    failed += 1;
    exitCode = 1;
  }
  perRun.push(`${run.name}: ${passed - before.passed} passed, ${failed - before.failed} failed`);
}
console.log(`\n${perRun.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(exitCode !== 0 || failed > 0 ? 1 : 0);
