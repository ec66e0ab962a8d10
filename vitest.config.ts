import { configDefaults, defineConfig } from 'vitest/config';

// Each test file gets its own database (see src/db/test-db.ts); files run in parallel forks,
// two at a time on a 2-core machine.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.unit.test.ts', 'bench/**/*.unit.test.ts'],
    // Browser tests need Chromium and the built console: `npm run test:e2e` (test/browser/vitest.config.ts).
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
