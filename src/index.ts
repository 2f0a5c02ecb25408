// `npm start` (or `node dist/index.js`): the Discord bot, until SIGINT or SIGTERM.
import { once } from 'node:events';
import { runCli } from './cli/runCli.ts';
import { loadConfig } from './config.ts';
import { StartAbortedError, startBot } from './bot/startBot.ts';
import { createLogger } from './logger.ts';

await runCli(async () => {
  const config = loadConfig({ requireDiscord: true });
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  // A stray rejection in a library must not take the bot down; log it and keep serving.
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: reason }, 'unhandled promise rejection'),
  );
  // Signals are handled from the first moment, so a stop during a first training or the login
  // stops those too. Repeats are ignored: Ctrl-C under npm delivers SIGINT twice (the terminal's
  // and npm's forwarded copy), and a second one must not cut the graceful stop short.
  const stopping = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping.signal.aborted) return logger.info(`${signal}: already stopping`);
    logger.info(`${signal}: finishing replies in flight, then stopping`);
    stopping.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let bot;
  try {
    const token = config.discordToken as string;
    bot = await startBot({ ...config, discordToken: token }, logger, { signal: stopping.signal });
  } catch (error) {
    if (!(error instanceof StartAbortedError)) throw error;
    logger.info('stopped before it was ready');
    return 0;
  }
  if (!stopping.signal.aborted) await once(stopping.signal, 'abort');
  await bot.shutdown();
  logger.info('stopped');
  // The chart thread and discord.js's timers would keep the process up a while; all is closed.
  process.exit(0);
});
