import { defineConfig } from 'vitest/config';

/**
 * Files that measure this process's heap, RSS or handles, which files run before them in the same
 * process would blur: each gets a fresh process.
 */
const OWN_PROCESS = ['tests/reliability/load.test.ts', 'tests/reliability/retrainUploads.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one file at a time on 2 cores (cores - 1); much of this suite waits on
    // child processes, sockets and timers, so two files at once keep both cores busier.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Importing discord.js, tfjs, canvas and the sources afresh for each file cost more CPU
        // than the tests themselves. These files share a worker's imports: each selects the tfjs
        // backend it needs, counts tensors as before/after deltas, closes the bots, servers and
        // child processes it starts, and none installs a signal handler.
        test: {
          name: 'shared',
          include: ['tests/**/*.test.ts'],
          exclude: OWN_PROCESS,
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'own-process', include: OWN_PROCESS },
      },
    ],
  },
});
