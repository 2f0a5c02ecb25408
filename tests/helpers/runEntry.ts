// Runs one of the project's entry points as a child process, as a user would, capturing its output.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface EntryProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves when the output matches, rejects when the process exits first or time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Starts `node [...nodeArgs] <entry> ...args` (through tsx for .ts) in the project folder with
 * only the given env added.
 */
export function runEntry(
  entry: string,
  args: string[],
  env: Record<string, string>,
  nodeArgs: string[] = [],
): EntryProcess {
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return runCommand(process.execPath, [...nodeArgs, ...loader, entry, ...args], env);
}

/**
 * Starts any command in the project folder with only the given env added. `detached` puts it at
 * the head of a new process group (as a supervisor would start it), whose id is its pid; `cwd`
 * runs it elsewhere than the project folder.
 */
export function runCommand(
  command: string,
  args: string[],
  env: Record<string, string>,
  { detached = false, cwd = ROOT } = {},
): EntryProcess {
  const child = spawn(command, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((done, fail) => {
        const check = () => {
          if (!pattern.test(output)) return;
          cleanup();
          done();
        };
        const timer = setTimeout(() => {
          cleanup();
          fail(new Error(`timed out waiting for ${pattern}; output:\n${output}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          if (!pattern.test(output)) {
            cleanup();
            fail(new Error(`process exited before ${pattern}; output:\n${output}`));
          }
        });
        check();
      });
    },
  };
}

/** The Node flags `npm start` runs the bot with (from package.json), to start it the same way. */
export function startScriptNodeFlags(): string[] {
  return startScriptWords().filter((arg) => arg.startsWith('--'));
}

/** The environment `npm start` sets before Node (`NAME=value` words before `exec`), likewise. */
export function startScriptEnv(): Record<string, string> {
  const words = startScriptWords();
  const assignments = words.slice(0, Math.max(0, words.indexOf('exec')));
  return Object.fromEntries(assignments.map((word) => word.split('=', 2) as [string, string]));
}

function startScriptWords(): string[] {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return (pkg.scripts.start ?? '').split(/\s+/);
}
