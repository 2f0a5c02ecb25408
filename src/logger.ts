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
