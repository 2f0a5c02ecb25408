import { EventEmitter } from 'node:events';
import {
  Events,
  GuildMember,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
  type Client,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  hasAdministratorBit,
  keepSentPermissions,
  memberPermissions,
} from '../../src/bot/retrain/permissions.ts';

const ADMIN = String(PermissionFlagsBits.Administrator);
const EVERYTHING = String((1n << 52n) - 1n);

describe('hasAdministratorBit', () => {
  it.each([ADMIN, EVERYTHING, String(PermissionFlagsBits.Administrator | (1n << 50n))])(
    'GIVEN the decimal string %s WHEN read THEN admin',
    (permissions) => {
      expect(hasAdministratorBit(permissions)).toBe(true);
    },
  );

  it.each([
    ['-1 (every bit in two’s complement)', '-1'],
    ['-8', '-8'],
    ['hexadecimal', '0x8'],
    ['a flag name', 'Administrator'],
    ['spaces', ' 8 '],
    ['a plus sign', '+8'],
    ['an exponent', '8e0'],
    ['empty', ''],
    ['100 digits', '9'.repeat(100)],
    ['without the bit', String(PermissionFlagsBits.ManageGuild)],
    ['a number, not a string', 8],
    ['missing', undefined],
    ['a negative bigint', -1n],
    ['2^64 + 8 as 20 digits', String((1n << 64n) + 8n)],
    ['a bigint of 2^70 + 8 (what discord.js makes of 22 digits)', (1n << 70n) + 8n],
  ])('GIVEN %s WHEN read THEN not admin', (_case, permissions) => {
    expect(hasAdministratorBit(permissions)).toBe(false);
  });

  it('GIVEN bits discord.js already parsed WHEN read THEN the ADMINISTRATOR bit decides', () => {
    expect(hasAdministratorBit(PermissionFlagsBits.Administrator)).toBe(true);
    expect(hasAdministratorBit(PermissionFlagsBits.ManageGuild)).toBe(false);
  });
});

describe('memberPermissions', () => {
  it('GIVEN a raw member (guild not cached) with "0x8" that discord.js read as 8 WHEN checked THEN the raw string decides: not admin', () => {
    const interaction = {
      member: { permissions: '0x8' },
      memberPermissions: { bitfield: PermissionFlagsBits.Administrator },
    } as unknown as ChatInputCommandInteraction;
    expect(memberPermissions(interaction)).toBe('0x8');
    expect(hasAdministratorBit(memberPermissions(interaction))).toBe(false);
  });

  it('GIVEN no member WHEN checked THEN not admin', () => {
    const interaction = {
      member: null,
      memberPermissions: null,
    } as unknown as ChatInputCommandInteraction;
    expect(hasAdministratorBit(memberPermissions(interaction))).toBe(false);
  });
});

describe('keepSentPermissions', () => {
  it('GIVEN a cached member whose string was "0x8" (discord.js parsed it as Administrator) WHEN checked THEN the string as sent decides: not admin', () => {
    // GIVEN a client that saw the raw packet, and the GuildMember discord.js built from it
    const client = new EventEmitter() as unknown as Client;
    keepSentPermissions(client);
    client.emit(Events.Raw, {
      t: 'INTERACTION_CREATE',
      d: { id: '42', member: { permissions: '0x8' } },
    });
    const interaction = {
      id: '42',
      client,
      member: Object.create(GuildMember.prototype) as GuildMember,
      memberPermissions: { bitfield: PermissionFlagsBits.Administrator },
    } as unknown as ChatInputCommandInteraction;
    // WHEN / THEN
    expect(memberPermissions(interaction)).toBe('0x8');
    expect(hasAdministratorBit(memberPermissions(interaction))).toBe(false);
  });

  it('GIVEN a cached member whose string was "8" WHEN checked THEN admin', () => {
    const client = new EventEmitter() as unknown as Client;
    keepSentPermissions(client);
    client.emit(Events.Raw, {
      t: 'INTERACTION_CREATE',
      d: { id: '43', member: { permissions: '8' } },
    });
    const interaction = {
      id: '43',
      client,
      member: Object.create(GuildMember.prototype) as GuildMember,
      memberPermissions: { bitfield: PermissionFlagsBits.Administrator },
    } as unknown as ChatInputCommandInteraction;
    expect(hasAdministratorBit(memberPermissions(interaction))).toBe(true);
  });
});
