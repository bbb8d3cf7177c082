import { defineConfig } from 'vitest/config';

/** End-to-end suites in real Chromium: one process, one file at a time, generous timeouts. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
