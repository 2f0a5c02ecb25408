// The fields every INTERACTION_CREATE carries: who invoked it, where, with which permissions.
import {
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  Locale,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIInteraction,
  APIUser,
  ChannelFlags,
  GuildMemberFlags,
  InteractionType,
} from 'discord.js';
import { nextSnowflake } from './ids.ts';
import { guildPlace, textChannel, user } from './world.ts';
import type { World } from './world.ts';

/** Who sends the interaction and from where; defaults: a non-admin member in the guild channel. */
export interface InvokerOptions {
  userId?: string;
  username?: string;
  roles?: string[];
  /** Member permissions include Administrator (0x8). */
  admin?: boolean;
  /** Exact member permissions bitfield, overriding `admin`. */
  permissions?: string;
  /** A DM with the bot: `user` instead of `member`, no guild. */
  dm?: boolean;
  locale?: Locale;
  appPermissions?: string;
  /** The guild it comes from (one the bot is in); default the first. */
  guildId?: string;
}

const allPermissions = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);
const memberPermissions =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands;

type Common = Omit<APIInteraction, 'type' | 'data' | 'message'>;

/** The invoker's user object. */
export function invokerUser(options: InvokerOptions): APIUser {
  return user(options.userId ?? '1400000000000000001', options.username ?? 'tester');
}

/** Id, token, invoker, channel, permissions and context shared by every interaction type. */
export function commonFields(world: World, type: InteractionType, options: InvokerOptions): Common {
  const id = nextSnowflake();
  const invoker = invokerUser(options);
  const base = {
    id,
    application_id: world.applicationId,
    token: `fake-interaction-token-${type}-${id}`,
    version: 1 as const,
    app_permissions: options.appPermissions ?? String(memberPermissions),
    locale: options.locale ?? Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (options.dm) {
    const dmChannelId = `9${invoker.id.slice(1)}`;
    return {
      ...base,
      user: invoker,
      channel_id: dmChannelId,
      channel: {
        id: dmChannelId,
        type: ChannelType.DM,
        recipients: [invoker],
        flags: 0 as ChannelFlags,
      },
      context: InteractionContextType.BotDM,
      authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: invoker.id },
    };
  }
  const permissions =
    options.permissions ?? String(options.admin ? allPermissions : memberPermissions);
  const { guildId, channelId } = guildPlace(world, options.guildId);
  return {
    ...base,
    guild_id: guildId,
    guild: { id: guildId, locale: Locale.EnglishUS, features: [] },
    guild_locale: Locale.EnglishUS,
    channel_id: channelId,
    channel: textChannel(world, guildId),
    member: {
      user: invoker,
      roles: options.roles ?? [],
      permissions,
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      nick: null,
      avatar: null,
      premium_since: null,
      pending: false,
      communication_disabled_until: null,
    },
    context: InteractionContextType.Guild,
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
  };
}
