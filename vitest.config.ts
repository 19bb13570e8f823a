import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'eval/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most files wait on child processes and databases, not the CPU: two at a time on a
    // 2-core machine cut the suite from 5.3 to 3.5 minutes (vitest's default is one fewer than the cores).
    maxWorkers: 2,
  },
});
