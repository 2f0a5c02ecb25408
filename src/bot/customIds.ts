// Component state lives in the custom id (Discord allows 100 characters), so buttons and menus
// keep working after a restart. Every id starts with a handler prefix and a version.
import { UserFacingError } from '../core/errors.ts';

export const CUSTOM_ID_MAX = 100;
const VERSION = '1';

/** Raised for a custom id this version cannot read (old, forged or foreign). */
export class ExpiredComponentError extends UserFacingError {
  override name = 'ExpiredComponentError';
  constructor() {
    super(
      'This button has expired or is not one of mine. Run the command again for fresh results.',
    );
  }
}

/** Joins a prefix and fields into a custom id; throws if it would not fit Discord's limit. */
export function encodeCustomId(prefix: string, fields: readonly (string | number)[]): string {
  const id = [prefix, VERSION, ...fields].join(':');
  if (id.length > CUSTOM_ID_MAX)
    throw new RangeError(`custom id longer than ${CUSTOM_ID_MAX}: ${id}`);
  return id;
}

/** Splits a custom id made by encodeCustomId into its fields; throws ExpiredComponentError otherwise. */
export function decodeCustomId(prefix: string, id: string, fieldCount: number): string[] {
  const parts = id.split(':');
  if (parts[0] !== prefix || parts[1] !== VERSION || parts.length !== fieldCount + 2) {
    throw new ExpiredComponentError();
  }
  return parts.slice(2);
}

/** A whole number from a custom id field within bounds, or ExpiredComponentError. */
export function intField(field: string | undefined, min: number, max: number): number {
  const value = Number(field);
  if (!Number.isInteger(value) || value < min || value > max) throw new ExpiredComponentError();
  return value;
}
