// Structured logs (pino): JSON for log tools, or readable lines for people; the token is never written.
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** A logger that redacts anything that could carry the bot token. */
export function createLogger(
  { level = 'info', format = 'pretty' }: { level?: string; format?: 'pretty' | 'json' } = {},
  destination: NodeJS.WritableStream = process.stdout,
): Logger {
  const options = {
    level,
    serializers: { err: serializeError, replyError: serializeError },
    redact: {
      paths: [
        'token',
        '*.token',
        'headers.authorization',
        '*.headers.authorization',
        'config.discordToken',
      ],
      censor: '[redacted]',
    },
  };
  if (format === 'json') return pino(options, destination);
  return pino(
    options,
    pretty({ destination, colorize: false, translateTime: 'SYS:HH:MM:ss', sync: true }),
  );
}

// Interaction and webhook tokens in Discord URLs let anyone answer as the bot for 15 minutes.
const TOKEN_IN_URL = /(\/(?:interactions\/\d+|webhooks\/\d+)\/)[^/?]+/g;

/**
 * pino's error serializer, minus what does not belong in a log: the request body discord.js
 * attaches to REST errors (whole replies) and the interaction token in their URL.
 */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as Record<string, unknown>;
  delete serialized.requestBody;
  if (typeof serialized.url === 'string') {
    serialized.url = serialized.url.replace(TOKEN_IN_URL, '$1[redacted]');
  }
  return serialized;
}
