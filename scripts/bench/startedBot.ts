// The compiled bot (run `npm run build` first), started with `npm start`'s Node flags and
// environment against a new fake Discord, for the bot benchmarks.
import { readFileSync } from 'node:fs';
import { startFakeDiscord, type FakeDiscord } from '../../tests/fakeDiscord/index.ts';
import {
  runEntry,
  startScriptEnv,
  startScriptNodeFlags,
  type EntryProcess,
} from '../../tests/helpers/runEntry.ts';

export interface StartedBot {
  discord: FakeDiscord;
  bot: EntryProcess;
  /** The bot process's resident memory now, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

/** Starts the fake Discord and the bot with `env` (database, models, admins...) and waits until it is ready. */
export async function startBenchBot(env: Record<string, string>): Promise<StartedBot> {
  const discord = await startFakeDiscord();
  const fullEnv = {
    ...startScriptEnv(),
    ...env,
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_GUILD_ID: discord.world.guildId,
    LOG_FORMAT: 'json',
  };
  const bot = runEntry('dist/index.js', [], fullEnv, startScriptNodeFlags());
  await bot.waitFor(/ready as/, 120_000);
  return {
    discord,
    bot,
    rssMb() {
      const status = readFileSync(`/proc/${bot.child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
    },
    async stop() {
      bot.child.kill('SIGTERM');
      await bot.exited;
      await discord.close();
    },
  };
}
