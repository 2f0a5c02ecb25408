// `npm start`: the Discord bot.
import { runCli } from './cli/runCli.ts';
import { loadConfig } from './config.ts';
import { startBot } from './bot/startBot.ts';
import { createLogger } from './logger.ts';

await runCli(async () => {
  const config = loadConfig({ requireDiscord: true });
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  // A stray rejection in a library must not take the bot down; log it and keep serving.
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: reason }, 'unhandled promise rejection'),
  );
  const bot = await startBot({ ...config, discordToken: config.discordToken as string }, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing replies in flight, then stopping`);
    void bot.shutdown().then(() => {
      logger.info('stopped');
      process.exit(0);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  await new Promise(() => {}); // serve until a signal arrives
});
