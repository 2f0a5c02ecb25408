// The discord.js client: only the Guilds intent (slash commands need no message content), and
// REST pointed at DISCORD_API_URL when set; the gateway address then comes from that API. No
// message cache, and user and member caches capped (see makeCache below). Shards run inside this
// process (discord.js internal sharding), so every shard serves from the one catalog in memory.
import { Client, GatewayIntentBits, Options, REST } from 'discord.js';
import type { Config } from '../config.ts';

const RECENT_MEMBERS = 200;

/** A client for this configuration; not yet logged in. */
export function createClient(config: Config): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      // Replies come back as Message objects; the bot never reads them again, so none are kept.
      MessageManager: 0,
      // Every interaction brings its user and member; uncapped, these caches grow with every
      // distinct member, for good. The bot reads both from the interaction itself, so only the
      // most recent few are kept, and always the bot's own.
      UserManager: {
        maxSize: RECENT_MEMBERS,
        keepOverLimit: (user) => user.id === user.client.user.id,
      },
      GuildMemberManager: {
        maxSize: RECENT_MEMBERS,
        keepOverLimit: (member) => member.id === member.client.user.id,
      },
    }),
    rest: config.discordApiUrl ? { api: config.discordApiUrl } : {},
    ...shardOptions(config.shards),
  });
}

// 'auto' asks Discord (GET /gateway/bot) for its recommended count; a number runs every shard
// of that count here. Both set explicitly: left alone, discord.js reads SHARDS from the env.
function shardOptions(shards: Config['shards']): {
  shards: 'auto' | number[];
  shardCount?: number;
} {
  if (shards === 'auto') return { shards: 'auto' };
  return { shards: Array.from({ length: shards }, (_, id) => id), shardCount: shards };
}

/** A REST client with the bot token, for scripts that do not connect to the gateway. */
export function createRest(config: Config & { discordToken: string }): REST {
  return new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(
    config.discordToken,
  );
}
