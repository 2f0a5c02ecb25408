// The discord.js client: only the Guilds intent (slash commands need no message content), and
// REST pointed at DISCORD_API_URL when set; the gateway address then comes from that API. No
// message cache.
import { Client, GatewayIntentBits, Options, REST } from 'discord.js';
import type { Config } from '../config.ts';

/** A client for this configuration; not yet logged in. */
export function createClient(config: Config): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    // Replies come back as Message objects; the bot never reads them again, so none are kept.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
    rest: config.discordApiUrl ? { api: config.discordApiUrl } : {},
  });
}

/** A REST client with the bot token, for scripts that do not connect to the gateway. */
export function createRest(config: Config & { discordToken: string }): REST {
  return new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(
    config.discordToken,
  );
}
