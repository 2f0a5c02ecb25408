// Runs `npm run train -- --json` as a child process (out of the bot's event loop) and reads its
// progress events line by line.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
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

/** What the training process said and how it was ended, gathered while it runs. */
interface ProcessRecord {
  summary?: TrainingSummary;
  reportedError?: string;
  stderrTail: string;
  timedOut: boolean;
  stopped: boolean;
  listenerError?: unknown;
}

/** Starts the training CLI and resolves with its summary; rejects with TrainingFailedError. */
export function runTrainingProcess(options: TrainingProcessOptions): Promise<TrainingSummary> {
  const child = spawnTraining(options.entry ?? TRAIN_ENTRY, options.args);
  const record: ProcessRecord = { stderrTail: '', timedOut: false, stopped: false };
  const stop = () => {
    record.stopped = true;
    child.kill('SIGTERM');
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });

  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = parseTrainingEvent(line);
    // A listener that throws here would be an uncaught exception in the bot: keep the first one
    // and report it when the process ends.
    try {
      if (!event) return options.onGarbage(line);
      if (event.type === 'done') record.summary = event.summary;
      if (event.type === 'error') record.reportedError = event.message;
      options.onEvent(event);
    } catch (error) {
      record.listenerError ??= error;
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    record.stderrTail = (record.stderrTail + chunk.toString()).slice(-2000);
  });
  const timer = setTimeout(() => {
    record.timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);

  return new Promise((resolve, reject) => {
    child.on('error', (error) =>
      reject(new TrainingFailedError(`could not start training: ${error.message}`)),
    );
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
      if (record.listenerError) return reject(record.listenerError);
      if (code === 0 && record.summary) return resolve(record.summary);
      reject(new TrainingFailedError(failureReason(record, options.timeoutMs, code, signal)));
    });
  });
}

function spawnTraining(
  entry: string,
  args: string[],
): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(
    process.execPath,
    [...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []), entry, '--json', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DISCORD_TOKEN: '' },
    },
  );
}

/** Why the training ended without publishing, in words for the admin. */
function failureReason(
  record: ProcessRecord,
  timeoutMs: number,
  code: number | null,
  signal: NodeJS.Signals | null,
): string {
  if (record.timedOut) {
    return `it ran longer than the ${Math.round(timeoutMs / 1000)} s allowed and was stopped`;
  }
  if (record.stopped) return 'it was stopped because the bot is shutting down';
  if (record.reportedError !== undefined) return record.reportedError;
  if (signal) return `the training process was killed (${signal})`;
  return `${errorLine(record.stderrTail) ?? 'the training process failed'} (exit code ${code})`;
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
