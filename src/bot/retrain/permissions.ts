// Who may retrain: the ADMINISTRATOR bit, read strictly from the permissions string the interaction
// carried. Discord sends a decimal string; discord.js turns it into bits with `!isNaN(s) ? BigInt(s)
// : Flags[s]` (util/BitField.js), which reads "-1" as every bit set, "0x8", " 8" and
// "Administrator" as the Administrator bit, and 40 nines as a number with that bit set. So the
// string as sent is kept (from the raw gateway packet, when discord.js turned the member into a
// GuildMember and dropped it) and only a plain decimal string below 2^64 counts.
import {
  Events,
  GuildMember,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
  type Client,
} from 'discord.js';

const DECIMAL_DIGITS = /^[0-9]{1,20}$/;
// Discord's permission flags fit in 64 bits; anything larger is not a permission set.
const LIMIT = 1n << 64n;
// Interactions are answered within seconds: the strings of the last 1,000 are plenty.
const KEPT = 1000;

/**
 * Whether permissions have the ADMINISTRATOR bit: a string must be 1-20 decimal digits, a number
 * already parsed must not be negative; either must be below 2^64. Anything else is not admin.
 */
export function hasAdministratorBit(permissions: unknown): boolean {
  let bits: bigint;
  if (typeof permissions === 'string' && DECIMAL_DIGITS.test(permissions)) {
    bits = BigInt(permissions);
  } else if (typeof permissions === 'bigint') {
    bits = permissions;
  } else {
    return false;
  }
  if (bits < 0n || bits >= LIMIT) return false;
  return (bits & PermissionFlagsBits.Administrator) === PermissionFlagsBits.Administrator;
}

const sentPermissions = new WeakMap<Client, Map<string, unknown>>();

/** Keeps each interaction's member permissions as Discord sent them, before discord.js parses them. */
export function keepSentPermissions(client: Client): void {
  const kept = new Map<string, unknown>();
  sentPermissions.set(client, kept);
  client.on(
    Events.Raw,
    (packet: { t?: unknown; d?: { id?: unknown; member?: { permissions?: unknown } } }) => {
      if (packet.t !== 'INTERACTION_CREATE' || typeof packet.d?.id !== 'string') return;
      kept.set(packet.d.id, packet.d.member?.permissions);
      if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
    },
  );
}

/**
 * The member's permissions as this interaction carried them: the string Discord sent when it is
 * known (a raw member, or one kept by keepSentPermissions), else the bits discord.js parsed.
 */
export function memberPermissions(interaction: ChatInputCommandInteraction): unknown {
  const { member } = interaction;
  if (member && !(member instanceof GuildMember)) return member.permissions;
  const kept = sentPermissions.get(interaction.client)?.get(interaction.id);
  if (kept !== undefined) return kept;
  return interaction.memberPermissions?.bitfield;
}
