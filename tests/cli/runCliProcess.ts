// Runs a CLI entry file as a child process, as a person would, and collects what it printed.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

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

/**
 * `node --import tsx <entry> ...args` from the repository root with pipes (not a TTY), NEXTBEAT_*
 * from `env` only and the wasm backend, without blocking this process (a test server can answer it).
 */
export function runCliEntry(
  entry: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('NEXTBEAT_')),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { ...inherited, NEXTBEAT_BACKEND: 'wasm', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
