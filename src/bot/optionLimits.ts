// Discord's client enforces option types, ranges and lengths, but an interaction's payload is
// whatever its sender put there: every option is checked again against the command's definition.
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOption,
  type CommandInteractionOption,
} from 'discord.js';
import { UserFacingError } from '../core/errors.ts';

/** An option the command does not declare, of the wrong type, or outside its declared range. */
export class InvalidOptionError extends UserFacingError {
  override name = 'InvalidOptionError';
}

interface Limits {
  type: ApplicationCommandOptionType;
  required?: boolean;
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
}

/**
 * Throws InvalidOptionError unless every given option is declared with that type and within its
 * bounds; `complete` (a command being run, not autocompleted) also requires the required ones.
 */
export function checkOptions(
  declared: readonly APIApplicationCommandOption[],
  given: readonly CommandInteractionOption[],
  complete: boolean,
): void {
  const byName = new Map(declared.map((option) => [option.name, option as Limits]));
  for (const option of given) {
    const limits = byName.get(option.name);
    if (!limits)
      throw new InvalidOptionError(`This command has no \`${clip(option.name)}\` option.`);
    if (option.type !== limits.type) {
      throw new InvalidOptionError(`The \`${option.name}\` option has the wrong type.`);
    }
    checkValue(option.name, option.value, limits);
  }
  if (!complete) return;
  for (const [name, limits] of byName) {
    if (limits.required && !given.some((option) => option.name === name)) {
      throw new InvalidOptionError(`The \`${name}\` option is required.`);
    }
  }
}

function checkValue(name: string, value: unknown, limits: Limits): void {
  switch (limits.type) {
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const integer = limits.type === ApplicationCommandOptionType.Integer;
      const low = limits.min_value ?? -Infinity;
      const high = limits.max_value ?? Infinity;
      const ok =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (!integer || Number.isInteger(value)) &&
        value >= low &&
        value <= high;
      if (!ok) {
        const kind = integer ? 'a whole number' : 'a number';
        throw new InvalidOptionError(
          `\`${name}\` must be ${kind} from ${low} to ${high} (got ${clip(String(value))}).`,
        );
      }
      return;
    }
    case ApplicationCommandOptionType.String: {
      const max = limits.max_length ?? 6000;
      if (typeof value !== 'string' || value.length > max) {
        const got = typeof value === 'string' ? `${value.length} characters` : typeof value;
        throw new InvalidOptionError(`\`${name}\` can be at most ${max} characters (got ${got}).`);
      }
      return;
    }
    case ApplicationCommandOptionType.Boolean:
      if (typeof value !== 'boolean') {
        throw new InvalidOptionError(`\`${name}\` must be true or false.`);
      }
      return;
    default:
      return;
  }
}

// Names and values come from the sender: keep them short in the reply.
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
