// Who may retrain: the ADMINISTRATOR bit, read strictly from the permissions the interaction
// carries. Discord sends them as a decimal string; discord.js parses that with BigInt(), which also
// takes "-1" (every bit set, in two's complement), so a forged "-1" would otherwise pass as admin.
import { GuildMember, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';

const DECIMAL_DIGITS = /^[0-9]{1,30}$/;

/**
 * Whether permissions have the ADMINISTRATOR bit: a string must be decimal digits only, a number
 * already parsed must not be negative; anything else is not admin.
 */
export function hasAdministratorBit(permissions: unknown): boolean {
  let bits: bigint;
  if (typeof permissions === 'string' && DECIMAL_DIGITS.test(permissions)) {
    bits = BigInt(permissions);
  } else if (typeof permissions === 'bigint' && permissions >= 0n) {
    bits = permissions;
  } else {
    return false;
  }
  return (bits & PermissionFlagsBits.Administrator) === PermissionFlagsBits.Administrator;
}

/**
 * The member's permissions as this interaction carries them: Discord's own string when discord.js
 * kept the raw member (guild not cached), else the bits discord.js parsed from it (the string itself
 * is not kept then, so only its sign can still be checked).
 */
export function memberPermissions(interaction: ChatInputCommandInteraction): unknown {
  const { member } = interaction;
  if (member && !(member instanceof GuildMember)) return member.permissions;
  return interaction.memberPermissions?.bitfield;
}
