// Owns what every command-line entry shares: the exit code, the final error message, and the
// options more than one command takes.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { PopularityMode } from '../core/queries/index.ts';
import { POPULARITY_MODES } from '../core/queries/index.ts';
import { BACKEND_CHOICES, isBackendChoice, type BackendChoice } from '../ml/backendChoice.ts';

/** Raised for bad command-line usage; printed with the command's usage text. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Runs `main`, printing a known error's message (or an unexpected one's stack) and setting the exit code. */
export async function runCli(main: () => Promise<number | void>, usage = ''): Promise<void> {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    process.exitCode = error instanceof UsageError ? 2 : 1;
    if (!(error instanceof Error)) {
      console.error(`Error: ${String(error)}`);
    } else if (error.constructor === Error || error.name === 'Error') {
      console.error(error.stack ?? error.message);
    } else {
      console.error(`Error: ${error.message}`);
    }
    if (error instanceof UsageError && usage) console.error(`\n${usage}`);
  }
}

/** Parses a command-line number, naming the option when it is not one. */
export function numberOption(
  name: string,
  raw: string | undefined,
  fallback: number,
  { min = -Infinity, max = Infinity, integer = false } = {},
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  const ok = raw.trim() !== '' && Number.isFinite(value) && value >= min && value <= max;
  if (!ok || (integer && !Number.isInteger(value))) {
    const kind = integer ? 'a whole number' : 'a number';
    const range = describeRange(min, max);
    throw new UsageError(`--${name} must be ${kind}${range} (got "${raw}")`);
  }
  return value;
}

/** Parses --backend (or the configured default), naming the choices when it is none of them. */
export function backendOption(raw: string): BackendChoice {
  if (isBackendChoice(raw)) return raw;
  const choices = `${BACKEND_CHOICES.slice(0, -1).join(', ')} or ${BACKEND_CHOICES.at(-1)}`;
  throw new UsageError(`--backend must be ${choices} (got "${raw}")`);
}

function describeRange(min: number, max: number): string {
  if (min !== -Infinity && max !== Infinity) return ` from ${min} to ${max}`;
  if (min !== -Infinity) return ` >= ${min}`;
  return max === Infinity ? '' : ` <= ${max}`;
}

/** The --popularity mode, or UsageError naming the option and its choices. */
export function popularityOption(raw: string | undefined): PopularityMode | undefined {
  if (raw === undefined) return undefined;
  if (!(POPULARITY_MODES as readonly string[]).includes(raw)) {
    throw new UsageError(
      `--popularity must be one of ${POPULARITY_MODES.join(', ')}, got "${raw}".`,
    );
  }
  return raw as PopularityMode;
}

/** `parseArgs` with strict checking, its complaints raised as UsageError (printed with the usage). */
export function parseArgsOrUsage<T extends ParseArgsConfig>(
  config: T,
): ReturnType<typeof parseArgs<T & { strict: true }>> {
  try {
    return parseArgs({ ...config, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Options every list-printing command takes (recommend, journey): parseArgs spellings. */
const LIST_OPTIONS = {
  popularity: { type: 'string' },
  'no-explicit': { type: 'boolean' },
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses a list-printing command's arguments: its own `options`, LIST_OPTIONS and positionals. */
export function parseListArgs<O extends NonNullable<ParseArgsConfig['options']>>(options: O) {
  return parseArgsOrUsage({ allowPositionals: true, options: { ...options, ...LIST_OPTIONS } });
}
