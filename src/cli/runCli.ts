// Owns what every command-line entry shares: the exit code and the final error message.
import type { PopularityMode } from '../core/queries/index.ts';
import { POPULARITY_MODES } from '../core/queries/index.ts';

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
