// Starts the real bot code against the fake Discord with a tiny trained model, capturing its logs.
import { Writable } from 'node:stream';
import { startBot, type RunningBot, type StartOptions } from '../../src/bot/startBot.ts';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import {
  startFakeDiscord,
  type FakeDiscord,
  type FakeDiscordOptions,
} from '../fakeDiscord/index.ts';
import { trainSmallModel, type TrainedModel } from '../helpers/trainedModel.ts';

export const ADMIN_ID = '1400000000000000099';

/**
 * The mode a test bot runs in unless its env names one: NEXTBEAT_TEST_MODE=http runs the end-to-end
 * tests with Discord POSTing signed interactions to the bot instead of the gateway.
 */
export function defaultTestMode(): 'gateway' | 'http' {
  return process.env.NEXTBEAT_TEST_MODE === 'http' ? 'http' : 'gateway';
}

export interface TestBot {
  mode: 'gateway' | 'http';
  discord: FakeDiscord;
  bot: RunningBot;
  model: TrainedModel;
  /** Everything the bot logged so far. */
  logs(): string;
  close(): Promise<void>;
}

export interface TestBotOptions {
  /** Connect to this fake (left running by close()) instead of a fresh one. */
  discord?: FakeDiscord;
  start?: StartOptions;
}

/** A running bot connected to a fresh fake Discord (built with `fakeOptions`), or to `discord`. */
export async function startTestBot(
  env: Record<string, string> = {},
  model?: TrainedModel,
  fakeOptions: FakeDiscordOptions = {},
  { discord: shared, start }: TestBotOptions = {},
): Promise<TestBot> {
  const trained = model ?? (await trainSmallModel());
  const discord = shared ?? (await startFakeDiscord(fakeOptions));
  const mode =
    env.NEXTBEAT_MODE === 'http' || env.NEXTBEAT_MODE === 'gateway'
      ? env.NEXTBEAT_MODE
      : defaultTestMode();
  let captured = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      captured += String(chunk);
      done();
    },
  });
  const config = parseConfig(
    {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_GUILD_ID: discord.world.guildId,
      ADMIN_USER_IDS: ADMIN_ID,
      NEXTBEAT_DATA: trained.dataPath,
      NEXTBEAT_DB: trained.dbPath,
      NEXTBEAT_MODELS: trained.modelsDir,
      NEXTBEAT_MODE: mode,
      ...(mode === 'http'
        ? { DISCORD_PUBLIC_KEY: discord.signer.publicKeyHex, NEXTBEAT_HTTP_PORT: '0' }
        : {}),
      ...env,
    },
    { requireDiscord: true },
  );
  const logger = createLogger({ level: 'debug', format: 'json' }, sink);
  const bot = await startBot({ ...config, discordToken: discord.token }, logger, start);
  if (mode === 'http') discord.setInteractionsEndpoint(bot.interactionsUrl);
  else await discord.waitForReady();
  return {
    mode,
    discord,
    bot,
    model: trained,
    logs: () => captured,
    async close() {
      await bot.shutdown();
      if (mode === 'http') discord.setInteractionsEndpoint(undefined);
      if (!shared) await discord.close();
    },
  };
}

/**
 * Stops the bot (not its fake Discord) and starts a new one on the same database and fake, as a
 * restarted process would be: messages the old one sent are still there to press.
 */
export async function restartTestBot(t: TestBot): Promise<TestBot> {
  await t.bot.shutdown();
  const restarted = await startTestBot(
    { NEXTBEAT_MODE: t.mode },
    t.model,
    {},
    {
      discord: t.discord,
    },
  );
  return {
    ...restarted,
    async close() {
      await restarted.close();
      await t.discord.close();
    },
  };
}
