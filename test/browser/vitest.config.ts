import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: the console and portal in Chromium against a real server. Not part of `npm test`.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A screen answers after a debounce and a round trip; vitest's 1 s default flaked under CI load.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
