// `npm run deploy-commands [-- --global]`: registers the slash commands with Discord and exits.
import { parseArgs } from 'node:util';
import { createRest } from '../bot/createClient.ts';
import { registerCommands, resolveApplicationId } from '../bot/registerCommands.ts';
import { loadConfig } from '../config.ts';
import { runCli, UsageError } from './runCli.ts';

/** Discord refused or could not be reached. */
class DeployError extends Error {
  override name = 'DeployError';
}

const USAGE = `Usage: npm run deploy-commands -- [--global]

Registers /recommend, /similar-vibe, /retrain and /about. With DISCORD_GUILD_ID set they go to
that server (instant); with --global, or without a guild id, to every server (may take up to an hour).`;

await runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: { global: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig({ requireDiscord: true });
  const rest = createRest({ ...config, discordToken: config.discordToken as string });
  const guildId = values.global ? undefined : config.guildId;
  let count: number;
  try {
    const applicationId = await resolveApplicationId(rest, config.applicationId);
    count = await registerCommands(rest, applicationId, guildId);
  } catch (error) {
    const api = config.discordApiUrl ?? 'Discord';
    throw new DeployError(
      `Could not register the commands with ${api}: ${(error as Error).message}`,
    );
  }
  console.log(`Registered ${count} commands ${guildId ? `in guild ${guildId}` : 'globally'}.`);
}, USAGE);
