#!/usr/bin/env node
// Runs the compiled CLI; `npm ci` builds it (the `prepare` script). From a source checkout
// without a build, falls back to running the TypeScript through tsx.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
