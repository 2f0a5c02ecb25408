import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one file at a time on 2 cores (cores - 1); most of this suite waits on
    // child processes, sockets and timers, so two files at once keep both cores busier.
    maxWorkers: 2,
  },
});
