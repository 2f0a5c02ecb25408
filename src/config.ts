// The only reader of process.env: parses every setting once, typed, and names every bad key at once.
import { hostname } from 'node:os';
import { config as loadDotenv } from 'dotenv';
import { EnvReader, SNOWFLAKE, type Env } from './envReader.ts';
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
  /** How interactions arrive: over the gateway, or POSTed by Discord to our HTTP endpoint. */
  mode: 'gateway' | 'http';
  /** HTTP mode: where the interactions endpoint listens (0: any free port, logged). */
  httpPort: number;
  httpHost: string;
  /** HTTP mode: the application's Ed25519 public key, 64 hex characters. */
  publicKey: string | undefined;
  /** A folder every replica shares: training publishes there, replicas follow its pointer. Unset: off. */
  runStore: string | undefined;
  /** How often a replica reads the run store's pointer. */
  runStorePollMs: number;
  /** A retrain lock in the run store untouched this long was left by a crashed trainer. */
  retrainLockStaleSeconds: number;
  /** This replica's name in the retrain lock and the logs. */
  replicaName: string;
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
    ...modeSettings(read),
    ...rolloutSettings(read),
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
type ModeSettings = Pick<Config, 'mode' | 'httpPort' | 'httpHost' | 'publicKey'>;
type RolloutSettings = Pick<
  Config,
  'runStore' | 'runStorePollMs' | 'retrainLockStaleSeconds' | 'replicaName'
>;
const PUBLIC_KEY = /^[0-9a-f]{64}$/i;

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

// Gateway, or HTTP interactions: then the endpoint's address and the key that checks Discord's
// signatures, which is required (without it no request can be verified).
function modeSettings(read: EnvReader): ModeSettings {
  const mode = read.oneOf('NEXTBEAT_MODE', ['gateway', 'http'], 'gateway');
  const publicKey = read.text('DISCORD_PUBLIC_KEY');
  if (mode === 'http' && publicKey === undefined) {
    read.problems.push(
      'DISCORD_PUBLIC_KEY is missing (NEXTBEAT_MODE=http needs the Public Key from the developer ' +
        "portal's General Information page)",
    );
  } else if (publicKey !== undefined && !PUBLIC_KEY.test(publicKey)) {
    read.problems.push(
      `DISCORD_PUBLIC_KEY must be 64 hexadecimal characters (got ${publicKey.length} characters)`,
    );
  }
  return {
    mode,
    httpPort: read.port('NEXTBEAT_HTTP_PORT', 'empty for 8080') ?? 8080,
    httpHost: read.text('NEXTBEAT_HTTP_HOST') ?? '127.0.0.1',
    publicKey: publicKey?.toLowerCase(),
  };
}

// The run store replicas share, and how they follow it (see src/runstore/).
function rolloutSettings(read: EnvReader): RolloutSettings {
  return {
    runStore: read.text('NEXTBEAT_RUN_STORE'),
    runStorePollMs: read.positive('NEXTBEAT_RUN_STORE_POLL_MS', 1000),
    retrainLockStaleSeconds: read.positive('NEXTBEAT_RETRAIN_LOCK_STALE_SECONDS', 60),
    replicaName: read.text('NEXTBEAT_REPLICA_NAME') ?? `${hostname()} pid ${process.pid}`,
  };
}

// How the process runs: backend, logs, retrain limits, shards and the health server.
function runtimeSettings(
  read: EnvReader,
): Omit<
  Config,
  keyof DiscordSettings | keyof FileSettings | keyof ModeSettings | keyof RolloutSettings
> {
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

/** Loads `.env` and parses process.env. */
export function loadConfig(options: { requireDiscord?: boolean } = {}): Config {
  loadDotenvFile();
  return parseConfig(process.env, options);
}
