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

export interface TestBot {
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
      ...env,
    },
    { requireDiscord: true },
  );
  const logger = createLogger({ level: 'debug', format: 'json' }, sink);
  const bot = await startBot({ ...config, discordToken: discord.token }, logger, start);
  await discord.waitForReady();
  return {
    discord,
    bot,
    model: trained,
    logs: () => captured,
    async close() {
      await bot.shutdown();
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
  const restarted = await startTestBot({}, t.model, {}, { discord: t.discord });
  return {
    ...restarted,
    async close() {
      await restarted.close();
      await t.discord.close();
    },
  };
}
