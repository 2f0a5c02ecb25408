// Registration at start asks Discord what it holds and writes only what differs: a fresh Discord
// (another application or server, or commands deleted in the portal) gets the commands, an
// unchanged one gets no write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/bot/registerCommands.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakeDiscord/index.ts';
import { trainSmallModel, type TrainedModel } from '../helpers/trainedModel.ts';
import { startTestBot } from './botHarness.ts';
import { COMMANDS } from '../../src/bot/commands/index.ts';

/** Every command the bot has, sorted: the lists below follow it, so a new command needs no edit here. */
const COMMAND_NAMES = COMMANDS.map((c) => c.data.name).sort();

const NAMES = COMMAND_NAMES;

let model: TrainedModel;
beforeAll(async () => {
  model = await trainSmallModel();
});

/** Requests that wrote commands (bulk overwrite, create, edit, delete). */
function commandWrites(discord: FakeDiscord) {
  return discord.requests.filter((r) => /\/commands/.test(r.path) && r.method !== 'GET');
}

const names = (discord: FakeDiscord, guildId?: string) =>
  discord.commands
    .list(guildId)
    .map((c) => c.name)
    .sort();

describe('registering the commands at start', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await startFakeDiscord();
  });
  afterAll(() => discord?.close());

  it('GIVEN a bot that registered its commands WHEN it starts against a fresh Discord with the same database THEN it registers them there', async () => {
    const first = await startTestBot({}, model);
    expect(names(first.discord, first.discord.world.guildId)).toEqual(NAMES);
    await first.close();

    const second = await startTestBot({}, model);
    try {
      expect(names(second.discord, second.discord.world.guildId)).toEqual(NAMES);
      expect(commandWrites(second.discord)).toHaveLength(1);
      expect(second.logs()).toMatch(
        /commands registered \(guild \d+\): \/recommend is not registered/,
      );
    } finally {
      await second.close();
    }
  }, 60_000);

  it('GIVEN Discord holding the same commands WHEN the bot starts again THEN it reads them and writes nothing', async () => {
    const first = await startTestBot({}, model, {}, { discord });
    await first.close();
    const writesBefore = commandWrites(discord).length;
    const readsBefore = discord.requests.filter(
      (r) => r.method === 'GET' && /\/commands/.test(r.path),
    ).length;

    const second = await startTestBot({}, model, {}, { discord });
    try {
      expect(commandWrites(discord)).toHaveLength(writesBefore);
      const reads = discord.requests.filter((r) => r.method === 'GET' && /\/commands/.test(r.path));
      expect(reads).toHaveLength(readsBefore + 1);
      expect(reads.at(-1)?.query).toEqual({ with_localizations: 'true' });
      expect(second.logs()).toMatch(/commands unchanged \(guild \d+\)/);
    } finally {
      await second.close();
    }
  }, 60_000);

  it('GIVEN a command changed and one added in the developer portal WHEN the bot starts THEN it overwrites them with its own', async () => {
    const guildId = discord.world.guildId;
    const edited = commandDefinitions().map((c) =>
      c.name === 'recommend' ? { ...c, description: 'Edited by hand' } : c,
    );
    discord.commands.overwrite(guildId, [...edited, { name: 'stray', description: 'Not ours' }]);

    const bot = await startTestBot({}, model, {}, { discord });
    try {
      expect(names(discord, guildId)).toEqual(NAMES);
      expect(discord.commands.find('recommend', guildId)?.description).toBe(
        commandDefinitions().find((c) => c.name === 'recommend')?.description,
      );
      expect(discord.commands.find('recommend', guildId)?.description).not.toBe('Edited by hand');
      expect(bot.logs()).toMatch(/\/recommend differs; \/stray is not defined here/);
    } finally {
      await bot.close();
    }
  }, 60_000);

  it('GIVEN no guild id WHEN the bot starts twice THEN the commands are registered globally once', async () => {
    const fresh = await startFakeDiscord();
    try {
      for (let start = 0; start < 2; start++) {
        const bot = await startTestBot({ DISCORD_GUILD_ID: '' }, model, {}, { discord: fresh });
        await bot.close();
      }
      expect(names(fresh)).toEqual(NAMES);
      expect(commandWrites(fresh).map((r) => `${r.method} ${r.path}`)).toEqual([
        `PUT /applications/${fresh.world.applicationId}/commands`,
      ]);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
