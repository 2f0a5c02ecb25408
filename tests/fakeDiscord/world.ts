// The fixed cast of the fake: the bot, the application, one guild (or a few, for sharding) with one
// text channel each, one tester.
import { ChannelType } from 'discord.js';
import type {
  APIApplication,
  APIGuildTextChannel,
  APIUser,
  ApplicationFlags,
  ChannelFlags,
  UserFlags,
} from 'discord.js';

/** Ids a test may pin; everything else has a sensible default. */
export interface FakeDiscordOptions {
  applicationId?: string;
  botUserId?: string;
  guildId?: string;
  channelId?: string;
  /** HELLO's heartbeat interval; Discord uses ~41 s, tests may want ~100 ms. */
  heartbeatIntervalMs?: number;
  /** Discord forgets an unacknowledged interaction after 3 s. */
  interactionTimeoutMs?: number;
  /** More guilds the bot is in, each with a text channel; a guild's shard is (id >> 22) % count. */
  extraGuildIds?: string[];
  /** The shard count GET /gateway/bot recommends (Discord: one per 1,000 guilds or so). */
  recommendedShards?: number;
  /** Shards that may IDENTIFY at once; discord.js waits 5 s between shards of one bucket. */
  maxConcurrency?: number;
}

export interface GuildPlace {
  guildId: string;
  channelId: string;
}

export interface World {
  applicationId: string;
  /** The first guild; interactions come from it unless a builder names another. */
  guildId: string;
  channelId: string;
  /** Every guild the bot is in, the first one first. */
  guilds: GuildPlace[];
  bot: APIUser;
  heartbeatIntervalMs: number;
  interactionTimeoutMs: number;
  recommendedShards: number;
  maxConcurrency: number;
  /** The application's Ed25519 public key (hex), with which HTTP interactions are signed. */
  verifyKey: string;
}

/** Fills in the defaults of the options. */
export function createWorld(options: FakeDiscordOptions = {}, verifyKey = '0'.repeat(64)): World {
  const applicationId = options.applicationId ?? '1100000000000000001';
  const guildId = options.guildId ?? '1200000000000000001';
  const channelId = options.channelId ?? '1300000000000000001';
  const extra = (options.extraGuildIds ?? []).map((id, i) => ({
    guildId: id,
    channelId: `13000000000000001${String(i + 1).padStart(2, '0')}`,
  }));
  return {
    applicationId,
    guildId,
    channelId,
    guilds: [{ guildId, channelId }, ...extra],
    bot: user(options.botUserId ?? applicationId, 'NextBeat', true),
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    interactionTimeoutMs: options.interactionTimeoutMs ?? 3_000,
    recommendedShards: options.recommendedShards ?? 1,
    maxConcurrency: options.maxConcurrency ?? 1,
    verifyKey,
  };
}

/** The guild (and its channel) with this id; throws for a guild the bot is not in. */
export function guildPlace(world: World, guildId = world.guildId): GuildPlace {
  const place = world.guilds.find((g) => g.guildId === guildId);
  if (!place) throw new Error(`fake Discord: the bot is not in guild ${guildId}`);
  return place;
}

/** The guild whose text channel this is, if any. */
export function channelPlace(world: World, channelId: string): GuildPlace | undefined {
  return world.guilds.find((g) => g.channelId === channelId);
}

/** A user object as Discord sends it (new-style username, no discriminator). */
export function user(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
    public_flags: 0 as UserFlags,
  };
}

/** The text channel of a guild (the first guild by default), where interactions happen. */
export function textChannel(
  world: World,
  guildId = world.guildId,
): APIGuildTextChannel<ChannelType.GuildText> {
  const place = guildPlace(world, guildId);
  return {
    id: place.channelId,
    type: ChannelType.GuildText,
    guild_id: place.guildId,
    name: 'general',
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    default_auto_archive_duration: 1440,
    flags: 0 as ChannelFlags,
  };
}

/** GET /applications/@me. */
export function application(world: World): APIApplication {
  return {
    id: world.applicationId,
    name: world.bot.username,
    icon: null,
    description: '',
    bot_public: false,
    bot_require_code_grant: false,
    bot: world.bot,
    summary: '',
    verify_key: world.verifyKey,
    team: null,
    flags: 0 as ApplicationFlags,
    flags_new: '0',
  };
}
