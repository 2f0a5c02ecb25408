// `npm run deploy-commands [-- --global] [-- --force]`: registers the slash commands with Discord
// (only when what Discord holds differs, unless forced) and exits.
import { parseArgs } from 'node:util';
import { createRest } from '../bot/createClient.ts';
import {
  registerCommands,
  registerCommandsIfChanged,
  resolveApplicationId,
} from '../bot/registerCommands.ts';
import { loadConfig } from '../config.ts';
import { runCli, UsageError } from './runCli.ts';

/** Discord refused or could not be reached. */
class DeployError extends Error {
  override name = 'DeployError';
}

const USAGE = `Usage: npm run deploy-commands -- [--global] [--force]

Registers /recommend, /similar-vibe, /retrain and /about. With DISCORD_GUILD_ID set they go to
that server (instant); with --global, or without a guild id, to every server (may take up to an hour).
Discord's current commands are read first and written only when they differ; --force writes anyway.`;

await runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        global: { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
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
  const where = guildId ? `in guild ${guildId}` : 'globally';
  try {
    const applicationId = await resolveApplicationId(rest, config.applicationId);
    if (values.force) {
      const count = await registerCommands(rest, applicationId, guildId);
      console.log(`Registered ${count} commands ${where}.`);
      return 0;
    }
    const result = await registerCommandsIfChanged(rest, applicationId, guildId);
    console.log(
      result.outcome === 'registered'
        ? `Registered ${result.count} commands ${where} (${result.differences.join('; ')}).`
        : `The ${result.count} commands ${where} are already up to date; nothing written ` +
            '(--force writes anyway).',
    );
  } catch (error) {
    const api = config.discordApiUrl ?? 'Discord';
    throw new DeployError(
      `Could not register the commands with ${api}: ${(error as Error).message}`,
    );
  }
}, USAGE);
