import { defineConfig } from 'vitest/config';

/**
 * Files that may share one process (and its imports) with the files run before them: each selects
 * the tfjs backend it needs, measures tensors as before/after deltas, closes the bots and servers
 * it starts, and none measures the process's memory or handles or installs a signal handler.
 */
const SHARED_PROCESS = ['core', 'data', 'db', 'eval', 'charts', 'architecture', 'ml', 'bot'].map(
  (dir) => `tests/${dir}/**/*.test.ts`,
);

export default defineConfig({
  test: {
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one file at a time on 2 cores (cores - 1); most of this suite waits on
    // child processes, sockets and timers, so two files at once keep both cores busier.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Importing discord.js, tfjs, canvas and the sources afresh for each file was 2-3x the
        // CPU of the tests themselves.
        test: { name: 'shared', include: SHARED_PROCESS, isolate: false },
      },
      {
        extends: true,
        // Load, memory and handle measures, health and metrics servers, replicas, signals: a fresh
        // process per file.
        test: { name: 'isolated', include: ['tests/**/*.test.ts'], exclude: SHARED_PROCESS },
      },
    ],
  },
});
