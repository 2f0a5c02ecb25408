// Typed reads of an environment for config.ts: a malformed value is noted with its key and a
// fallback used, so one start-up names every bad key.

export type Env = Record<string, string | undefined>;
export const SNOWFLAKE = /^\d{17,20}$/;

// Reads typed values; a malformed one is noted in `problems` and its fallback used, so parsing goes on.
export class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  text(key: string): string | undefined {
    const value = this.env[key]?.trim();
    return value ? value : undefined;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const value = this.text(key) ?? fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${key} must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  }

  positive(key: string, fallback: number): number {
    const raw = this.text(key);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isFinite(value) && value > 0) return value;
    this.problems.push(`${key} must be a positive number (got "${raw}")`);
    return fallback;
  }

  shards(key: string): 'auto' | number {
    const raw = this.text(key) ?? 'auto';
    if (raw === 'auto') return 'auto';
    if (/^\d+$/.test(raw) && Number(raw) >= 1) return Number(raw);
    this.problems.push(`${key} must be auto or a whole number of shards from 1 (got "${raw}")`);
    return 'auto';
  }

  port(key: string, whenEmpty = 'empty for none'): number | undefined {
    const raw = this.text(key);
    if (raw === undefined) return undefined;
    if (/^\d+$/.test(raw) && Number(raw) <= 65535) return Number(raw);
    this.problems.push(`${key} must be a port from 0 to 65535, or ${whenEmpty} (got "${raw}")`);
    return undefined;
  }

  snowflake(key: string): string | undefined {
    const value = this.text(key);
    if (value !== undefined && !SNOWFLAKE.test(value)) {
      this.problems.push(`${key} must be a Discord id of 17-20 digits (got "${value}")`);
    }
    return value;
  }

  url(key: string): string | undefined {
    const value = this.text(key);
    if (value !== undefined && !URL.canParse(value)) {
      this.problems.push(`${key} is not a URL ("${value}")`);
    }
    return value;
  }
}
