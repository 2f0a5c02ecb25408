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
  const read = new EnvReader(env);
  const config: Config = {
    ...discordSettings(read, requireDiscord),
    ...fileSettings(read),
    ...runtimeSettings(read),
  };
  // Only now, so that one start-up names every bad key rather than the first.
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

type DiscordSettings = Pick<
  Config,
  'discordToken' | 'applicationId' | 'guildId' | 'discordApiUrl' | 'adminUserIds'
>;
type FileSettings = Pick<Config, 'dataPath' | 'datasetUrl' | 'dbPath' | 'modelsDir'>;

// The bot's identity and who may administer it.
function discordSettings(read: EnvReader, requireDiscord: boolean): DiscordSettings {
  const discordToken = read.text('DISCORD_TOKEN');
  if (requireDiscord && !discordToken) {
    read.problems.push(
      'DISCORD_TOKEN is missing (the bot token from the Discord developer portal)',
    );
  } else if (discordToken && !/^[\w.-]{20,}$/.test(discordToken)) {
    read.problems.push('DISCORD_TOKEN does not look like a bot token (value not shown)');
  }
  const adminUserIds = (read.text('ADMIN_USER_IDS') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  for (const id of adminUserIds) {
    if (!SNOWFLAKE.test(id)) {
      read.problems.push(`ADMIN_USER_IDS has "${id}", which is not a Discord id`);
    }
  }
  return {
    discordToken,
    applicationId: read.snowflake('DISCORD_APPLICATION_ID'),
    guildId: read.snowflake('DISCORD_GUILD_ID'),
    discordApiUrl: read.url('DISCORD_API_URL'),
    adminUserIds,
  };
}

// Where the data set, database and models are.
function fileSettings(read: EnvReader): FileSettings {
  return {
    dataPath: read.text('NEXTBEAT_DATA') ?? 'data/dataset.csv',
    datasetUrl: read.url('NEXTBEAT_DATASET_URL') ?? DEFAULT_DATASET_URL,
    dbPath: read.text('NEXTBEAT_DB') ?? 'db/nextbeat.sqlite',
    modelsDir: read.text('NEXTBEAT_MODELS') ?? 'models',
  };
}

// How the process runs: backend, logs, retrain limits, shards and the health server.
function runtimeSettings(
  read: EnvReader,
): Omit<Config, keyof DiscordSettings | keyof FileSettings> {
  return {
    backend: read.oneOf('NEXTBEAT_BACKEND', BACKEND_CHOICES, 'auto'),
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace'], 'info'),
    logFormat: read.oneOf('LOG_FORMAT', ['pretty', 'json'], 'pretty'),
    retrainMaxUploadMb: read.positive('RETRAIN_MAX_UPLOAD_MB', 50),
    retrainTimeoutSeconds: read.positive('RETRAIN_TIMEOUT_SECONDS', 900),
    shards: read.shards('NEXTBEAT_SHARDS'),
    healthPort: read.port('NEXTBEAT_HEALTH_PORT'),
    healthHost: read.text('NEXTBEAT_HEALTH_HOST') ?? '127.0.0.1',
  };
}

// Reads typed values; a malformed one is noted in `problems` and its fallback used, so parsing goes on.
class EnvReader {
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

  port(key: string): number | undefined {
    const raw = this.text(key);
    if (raw === undefined) return undefined;
    if (/^\d+$/.test(raw) && Number(raw) <= 65535) return Number(raw);
    this.problems.push(`${key} must be a port from 0 to 65535, or empty for none (got "${raw}")`);
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

/** Loads `.env` and parses process.env. */
export function loadConfig(options: { requireDiscord?: boolean } = {}): Config {
  loadDotenvFile();
  return parseConfig(process.env, options);
}
