// Once per `vitest run`: a scratch folder the test files (separate processes) share, so work that
// only needs doing once per run (building dist/) is done by the first file that needs it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A temp folder that lives as long as this test run, shared by every test file. */
    suiteRunDir: string;
  }
}

/** Makes the run's shared folder and hands its path to the test files; removes it afterwards. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'nextbeat-suite-run-'));
  project.provide('suiteRunDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
