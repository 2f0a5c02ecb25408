// Runs `npm run train -- --json` as a child process (out of the bot's event loop) and reads its
// progress events line by line.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TrainingEvent, TrainingSummary } from '../../train/events.ts';
import { parseTrainingEvent } from './trainingEvents.ts';

export interface TrainingProcessOptions {
  args: string[];
  timeoutMs: number;
  onEvent: (event: TrainingEvent) => void;
  /** Lines on stdout that are not training events (logged, never trusted). */
  onGarbage: (line: string) => void;
  /** The entry point to run; the real CLI unless a test swaps it. */
  entry?: string;
  /** Stops the training (SIGTERM) when aborted, e.g. because the bot is shutting down. */
  signal?: AbortSignal;
}

/** Raised when training ended without publishing: its message says why, for the admin. */
export class TrainingFailedError extends Error {
  override name = 'TrainingFailedError';
}

// Run as compiled JavaScript (npm start) the bot starts the compiled CLI; run from source (tests,
// tsx) it starts the TypeScript one through tsx.
const COMPILED = import.meta.url.endsWith('.js');
const TRAIN_ENTRY = fileURLToPath(
  new URL(`../../cli/train.${COMPILED ? 'js' : 'ts'}`, import.meta.url),
);

/** Starts the training CLI and resolves with its summary; rejects with TrainingFailedError. */
export function runTrainingProcess(options: TrainingProcessOptions): Promise<TrainingSummary> {
  const entry = options.entry ?? TRAIN_ENTRY;
  const child = spawn(
    process.execPath,
    [...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []), entry, '--json', ...options.args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DISCORD_TOKEN: '' },
    },
  );
  let summary: TrainingSummary | undefined;
  let reportedError: string | undefined;
  let stderrTail = '';
  let timedOut = false;
  let stopped = false;
  const stop = () => {
    stopped = true;
    child.kill('SIGTERM');
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });

  let listenerError: unknown;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = parseTrainingEvent(line);
    // A listener that throws here would be an uncaught exception in the bot: keep the first one
    // and report it when the process ends.
    try {
      if (!event) return options.onGarbage(line);
      if (event.type === 'done') summary = event.summary;
      if (event.type === 'error') reportedError = event.message;
      options.onEvent(event);
    } catch (error) {
      listenerError ??= error;
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-2000);
  });
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);

  return new Promise((resolve, reject) => {
    child.on('error', (error) =>
      reject(new TrainingFailedError(`could not start training: ${error.message}`)),
    );
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
      if (listenerError) return reject(listenerError);
      if (code === 0 && summary) return resolve(summary);
      const why = timedOut
        ? `it ran longer than the ${Math.round(options.timeoutMs / 1000)} s allowed and was stopped`
        : stopped
          ? 'it was stopped because the bot is shutting down'
          : (reportedError ??
            (signal
              ? `the training process was killed (${signal})`
              : `${errorLine(stderrTail) ?? 'the training process failed'} (exit code ${code})`));
      reject(new TrainingFailedError(why));
    });
  });
}

/** The line of stderr that says what went wrong: the last error message, not a stack frame. */
function errorLine(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^(at |Node\.js v|\^+$|\{|\}$)/.test(line));
  const found = [...lines].reverse().find((line) => /\b\w*Error\b/.test(line)) ?? lines.at(-1);
  return found?.slice(0, 300);
}
