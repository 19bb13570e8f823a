import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('settings from flags, environment and a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, settings: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(settings));
    return path;
  };

  it('ships working defaults: visas enrolled for five years, land crossings not enrolled', () => {
    const config = loadConfig({ env: {} });
    expect(config.db).toBe('./vigil.db');
    expect(config.vetting.channels['visa']).toEqual({ enrol: true, retentionDays: 1825 });
    expect(config.vetting.channels['land_border']?.enrol).toBe(false);
    expect(config.vetting.intervalMs).toBe(60_000);
    expect(config.advisories).toBeUndefined();
  });

  it('reads vetting and advisory settings from the file, with the environment and flags over it', () => {
    const path = file('ok.json', {
      db: 'from-file.db',
      vetting: { channels: { land_border: { enrol: true, retentionDays: 14 } }, intervalMs: 5000 },
      advisories: { sender: 'ntas@dhs.example' },
      server: { maxBatch: 200, rateLimit: { max: 100, windowMs: 1000 } },
    });
    const config = loadConfig({ file: path, env: { VIGIL_DB: 'from-env.db' } });
    expect(config.db).toBe('from-env.db');
    expect(config.vetting.channels['land_border']).toEqual({ enrol: true, retentionDays: 14 });
    expect(config.vetting.intervalMs).toBe(5000);
    expect(config.advisories?.sender).toBe('ntas@dhs.example');
    expect(config.server).toMatchObject({ maxBatch: 200, rateLimit: { max: 100, windowMs: 1000 }, bodyLimit: 1024 * 1024 });
    expect(loadConfig({ file: path, env: { VIGIL_DB: 'from-env.db' }, flags: { db: 'flag.db' } }).db).toBe('flag.db');
  });

  it('refuses a bad setting naming its field, and a file that is not JSON naming the file', () => {
    const bad = file('bad.json', { vetting: { channels: { visa: { enrol: 'yes', retentionDays: 10 } } } });
    expect(() => loadConfig({ file: bad, env: {} })).toThrow(/vetting\.channels\.visa\.enrol/);
    const unknown = file('unknown.json', { vetting: { retentionDay: 10 } });
    expect(() => loadConfig({ file: unknown, env: {} })).toThrow(/vetting/);
    expect(() => loadConfig({ file: file('server.json', { server: { maxBatch: 0 } }), env: {} })).toThrow(/server\.maxBatch/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "db": ');
    expect(() => loadConfig({ file: broken, env: {} })).toThrow(/broken\.json is not valid JSON/);
  });
});
