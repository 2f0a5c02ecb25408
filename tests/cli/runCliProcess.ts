// Runs a CLI entry file as a child process, as a person would, and collects what it printed.
import { spawnSync } from 'node:child_process';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx <entry> ...args` from the repository root, with NEXTBEAT_DB unset. */
export function runCliProcess(entry: string, args: readonly string[]): CliRun {
  const env = { ...process.env };
  delete env.NEXTBEAT_DB;
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
