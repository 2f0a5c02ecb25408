// The only reader of process.env: parses every setting once, typed, and names every bad key at once.
import { config as loadDotenv } from 'dotenv';
import { BACKEND_CHOICES, type BackendChoice } from './ml/backendChoice.ts';

export const DEFAULT_DATASET_URL =
  'https://huggingface.co/datasets/maharshipandya/spotify-tracks-dataset/resolve/main/dataset.csv';

export interface Config {
  discordToken: string | undefined;
  applicationId: string | undefined;
  guildId: string | undefined;
  discordApiUrl: string | undefined;
  adminUserIds: string[];
  dataPath: string;
  datasetUrl: string;
  dbPath: string;
  modelsDir: string;
  backend: BackendChoice;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  logFormat: 'pretty' | 'json';
  retrainMaxUploadMb: number;
  retrainTimeoutSeconds: number;
  /** Gateway shards in this one process: 'auto' takes Discord's recommended count. */
  shards: 'auto' | number;
  /** Port of /healthz and /metrics; undefined: no such server (0: any free port). */
  healthPort: number | undefined;
  healthHost: string;
}

/** Raised when settings are missing or malformed; lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Configuration problem${problems.length > 1 ? 's' : ''}:\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;
const SNOWFLAKE = /^\d{17,20}$/;

/** Reads `.env` (if present) into process.env without overriding what is already set. */
export function loadDotenvFile(path = '.env'): void {
  loadDotenv({ path, quiet: true });
}

/** Parses settings from an environment; `requireDiscord` makes the token mandatory (the bot). */
export function parseConfig(env: Env, { requireDiscord = false } = {}): Config {
  const problems: string[] = [];
  const text = (key: string): string | undefined => {
    const value = env[key]?.trim();
    return value ? value : undefined;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const value = text(key) ?? fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${key} must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  };
  const positive = (key: string, fallback: number): number => {
    const raw = text(key);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isFinite(value) && value > 0) return value;
    problems.push(`${key} must be a positive number (got "${raw}")`);
    return fallback;
  };
  const shards = (key: string): 'auto' | number => {
    const raw = text(key) ?? 'auto';
    if (raw === 'auto') return 'auto';
    if (/^\d+$/.test(raw) && Number(raw) >= 1) return Number(raw);
    problems.push(`${key} must be auto or a whole number of shards from 1 (got "${raw}")`);
    return 'auto';
  };
  const port = (key: string): number | undefined => {
    const raw = text(key);
    if (raw === undefined) return undefined;
    if (/^\d+$/.test(raw) && Number(raw) <= 65535) return Number(raw);
    problems.push(`${key} must be a port from 0 to 65535, or empty for none (got "${raw}")`);
    return undefined;
  };
  const snowflake = (key: string): string | undefined => {
    const value = text(key);
    if (value !== undefined && !SNOWFLAKE.test(value)) {
      problems.push(`${key} must be a Discord id of 17-20 digits (got "${value}")`);
    }
    return value;
  };
  const url = (key: string): string | undefined => {
    const value = text(key);
    if (value !== undefined && !URL.canParse(value))
      problems.push(`${key} is not a URL ("${value}")`);
    return value;
  };

  const discordToken = text('DISCORD_TOKEN');
  if (requireDiscord && !discordToken) {
    problems.push('DISCORD_TOKEN is missing (the bot token from the Discord developer portal)');
  } else if (discordToken && !/^[\w.-]{20,}$/.test(discordToken)) {
    problems.push('DISCORD_TOKEN does not look like a bot token (value not shown)');
  }
  const adminUserIds = (text('ADMIN_USER_IDS') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  for (const id of adminUserIds) {
    if (!SNOWFLAKE.test(id)) problems.push(`ADMIN_USER_IDS has "${id}", which is not a Discord id`);
  }

  const result: Config = {
    discordToken,
    applicationId: snowflake('DISCORD_APPLICATION_ID'),
    guildId: snowflake('DISCORD_GUILD_ID'),
    discordApiUrl: url('DISCORD_API_URL'),
    adminUserIds,
    dataPath: text('NEXTBEAT_DATA') ?? 'data/dataset.csv',
    datasetUrl: url('NEXTBEAT_DATASET_URL') ?? DEFAULT_DATASET_URL,
    dbPath: text('NEXTBEAT_DB') ?? 'db/nextbeat.sqlite',
    modelsDir: text('NEXTBEAT_MODELS') ?? 'models',
    backend: oneOf('NEXTBEAT_BACKEND', BACKEND_CHOICES, 'auto'),
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace'], 'info'),
    logFormat: oneOf('LOG_FORMAT', ['pretty', 'json'], 'pretty'),
    retrainMaxUploadMb: positive('RETRAIN_MAX_UPLOAD_MB', 50),
    retrainTimeoutSeconds: positive('RETRAIN_TIMEOUT_SECONDS', 900),
    shards: shards('NEXTBEAT_SHARDS'),
    healthPort: port('NEXTBEAT_HEALTH_PORT'),
    healthHost: text('NEXTBEAT_HEALTH_HOST') ?? '127.0.0.1',
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return result;
}

/** Loads `.env` and parses process.env. */
export function loadConfig(options: { requireDiscord?: boolean } = {}): Config {
  loadDotenvFile();
  return parseConfig(process.env, options);
}
