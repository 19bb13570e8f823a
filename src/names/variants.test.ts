import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nameVariantsVersion } from './index.js';
import type { VariantFile } from './variants.js';

const path = new URL('./generated/name-variants.json', import.meta.url);
const file = JSON.parse(readFileSync(path, 'utf8')) as VariantFile;

describe('the generated variant dictionary', () => {
  it('says where it comes from and is versioned by its content', () => {
    expect(file.generator).toContain('scripts/build-name-variants.ts');
    expect(file.sources.some((s) => s.includes('wd_arabic_20'))).toBe(true);
    expect(file.licence).toContain('CC0');
    expect(file.version).toBe(createHash('sha256').update(file.classes.join('\n')).digest('hex').slice(0, 12));
    expect(nameVariantsVersion()).toContain(file.version);
  });

  it('stays compact and holds no runaway classes', () => {
    expect(readFileSync(path).length).toBeLessThan(3 * 1024 * 1024);
    const sizes = file.classes.map((c) => c.split(' ').length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(60);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2);
  });

  it('is what the generator builds from the data and seeds today', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const out = execFileSync('npx', ['tsx', 'scripts/build-name-variants.ts', '--check'], { cwd: root, encoding: 'utf8' });
    expect(out).toContain('up to date');
  }, 120_000);
});
