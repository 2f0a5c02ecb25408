// The GUILD_CREATE a shard sends for each of its guilds: the guild, its @everyone role and its
// one text channel.
import {
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildVerificationLevel,
  Locale,
} from 'discord.js';
import type {
  APIRole,
  GatewayGuildCreateDispatchData,
  GuildSystemChannelFlags,
  RoleFlags,
} from 'discord.js';
import { guildPlace, textChannel, type World } from './world.ts';

/** The @everyone role; its id is the guild id. */
function everyoneRole(guildId: string): APIRole {
  return {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: '2248473465835073',
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

/** The GUILD_CREATE payload for a guild the bot is in (the first by default). */
export function guildCreate(world: World, guildId = world.guildId): GatewayGuildCreateDispatchData {
  const place = guildPlace(world, guildId);
  return {
    id: place.guildId,
    name: place.guildId === world.guildId ? 'NextBeat Test Guild' : `Test Guild ${place.guildId}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: '1400000000000000999',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [everyoneRole(place.guildId)],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: place.channelId,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    max_members: 500_000,
    incidents_data: null,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    channels: [textChannel(world, place.guildId)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
