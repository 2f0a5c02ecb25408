// `npm run build` (dist/ from src/) once per test run, however many files run the compiled bot:
// each build costs ~15 s of CPU, and two builds writing dist/ at once could hand a starting bot a
// half-written file. The first caller builds; the others wait for its recorded result.
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { runCommand } from './runEntry.ts';

interface BuildResult {
  code: number | null;
  output: string;
}

/** Resolves once dist/ is built from these sources in this test run; rejects with tsc's output if the build failed. */
export async function buildDistOnce(timeoutMs = 180_000): Promise<void> {
  const runDir = inject('suiteRunDir');
  const resultFile = join(runDir, 'dist-build.json');
  if (claim(join(runDir, 'dist-build.lock'))) {
    const build = runCommand('npm', ['run', 'build'], {});
    const result: BuildResult = { code: await build.exited, output: build.output() };
    // Written whole, then renamed: a waiting file never reads half a result.
    writeFileSync(`${resultFile}.part`, JSON.stringify(result));
    renameSync(`${resultFile}.part`, resultFile);
  }
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(resultFile)) {
    if (Date.now() > deadline)
      throw new Error(`npm run build (in another test file) took over ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { code, output } = JSON.parse(readFileSync(resultFile, 'utf8')) as BuildResult;
  if (code !== 0) throw new Error(`npm run build exited ${code}:\n${output}`);
}

/** True for the one caller that creates the lock folder (mkdir is atomic), false for the rest. */
function claim(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
