import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
export const DATA = join(ROOT, '../shared/data');
export const SHOTS = join(ROOT, 'test-results');
export const PASSWORD = 'correct horse battery staple';

/** Debian's Chromium (setup-machine.sh installs it); never a downloaded browser. */
export const CHROMIUM = process.env['VIGIL_CHROMIUM'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Vigil {
  base: string;
  dir: string;
  db: string;
  adminKey: string;
  stderr: () => string;
  /** Runs the CLI on the same database; resolves with its standard output. */
  cli: (args: string[], input?: string) => Promise<string>;
  /** An API call as the bootstrap admin (API key). */
  admin: (path: string, init?: RequestInit) => Promise<Response>;
  stop: () => Promise<void>;
  /** What the server logged on standard output so far. */
  log: () => string;
}

async function run(args: string[], cwd: string, input?: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, env: { ...process.env, VIGIL_CONFIG: '', VIGIL_LOG_LEVEL: 'warn' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  child.stdin.end(input ?? '');
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`vigil ${args.join(' ')} exited ${code}: ${err}`);
  return out;
}

/**
 * `vigil serve --dev` on 127.0.0.1 and a free port, on a new SQLite file in a temporary folder
 * (its working directory, where it leaves the admin key), with the given lists imported first.
 */
export async function startVigil(lists: string[]): Promise<Vigil> {
  const dir = await mkdtemp(join(tmpdir(), 'vigil-e2e-'));
  const db = join(dir, 'vigil.db');
  if (lists.length > 0) await run(['--db', db, 'lists', 'import', ...lists], dir);
  // Vetting looks for unvetted list versions every 2 s (60 s by default): an import through the
  // server starts a run at once, and a run that failed is retried within the tests' waits.
  const config = join(dir, 'vigil-config.json');
  await writeFile(config, JSON.stringify({ vetting: { intervalMs: 2_000 } }));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', TSX, MAIN, '--db', db, 'serve', '--host', '127.0.0.1', '--port', '0', '--dev'], {
    cwd: dir,
    env: { ...process.env, VIGIL_CONFIG: config, VIGIL_LOG_LEVEL: 'warn' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  // The server's log (warnings and errors at this level), kept to explain a failure.
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => {
    if (log.length < 200_000) log += chunk.toString();
  });
  const exited = once(child, 'exit');
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vigil serve did not listen within 60 s: ${stderr}`)), 60_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`vigil serve exited (${String(code)}) before listening: ${stderr}`));
    });
  });
  for (let i = 0; i < 600; i += 1) {
    const ready = await fetch(`${base}/readyz`).catch(() => undefined);
    if (ready?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const adminKey = (await readFile(join(dir, '.vigil', 'admin-key'), 'utf8')).trim();
  return {
    base,
    dir,
    db,
    adminKey,
    stderr: () => stderr,
    log: () => log,
    cli: (args, input) => run(['--db', db, ...args], dir, input),
    admin: (path, init = {}) => fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${adminKey}`, ...(init.headers ?? {}) } }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function addUser(vigil: Vigil, username: string, role: string): Promise<void> {
  await vigil.cli(['users', 'add', '--org', 'default', '--username', username, '--display-name', `${role[0]?.toUpperCase() ?? ''}${role.slice(1)} ${username}`, '--role', role, '--password-stdin'], `${PASSWORD}\n`);
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run scripts/setup-machine.sh (apt-get install chromium), or set VIGIL_CHROMIUM`);
  // Playwright gives every launch a new, empty profile directory of its own.
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  await mkdir(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Signs in through the form and waits for the dashboard. */
export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

export function listFile(...parts: string[]): string {
  return join(DATA, ...parts);
}

/** A signed-in API session from Node (the cookie), for setting up what a test then looks at. */
export async function apiSession(base: string, username: string): Promise<(path: string, body?: unknown) => Promise<Response>> {
  const login = await fetch(`${base}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (login.status !== 200) throw new Error(`sign-in of ${username} failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return (path, body) =>
    fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
}

/** Retries a check until it passes or the time is up (pages update after the network answers). */
export async function eventually(check: () => Promise<void> | void, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Waits until the element's text contains (or matches) what is expected. */
export async function hasText(locator: Locator, expected: string | RegExp, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ timeout });
  await eventually(async () => {
    const text = await locator.first().innerText();
    if (typeof expected === 'string' ? !text.includes(expected) : !expected.test(text)) {
      throw new Error(`expected text ${String(expected)} in ${JSON.stringify(text.slice(0, 500))}`);
    }
  }, timeout);
}

/** What the focused element says (its text, else its accessible label or id). */
export async function focused(page: Page): Promise<string> {
  return (await page.evaluate(
    "(() => { const e = document.activeElement; if (!e) return ''; return (e.textContent || '').trim() || e.getAttribute('aria-label') || e.id || e.tagName; })()",
  )) as string;
}

