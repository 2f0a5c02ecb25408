import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakeDiscord/index.ts';
import { runEntry, startScriptNodeFlags } from '../helpers/runEntry.ts';
import { SHAPE_OF_YOU_IDS, syntheticTracksCsv } from '../helpers/syntheticTracksCsv.ts';
import { COMMANDS } from '../../src/bot/commands/index.ts';

/** Every command the bot has, sorted: the lists below follow it, so a new command needs no edit here. */
const COMMAND_NAMES = COMMANDS.map((c) => c.data.name).sort();

let discord: FakeDiscord;
beforeAll(async () => {
  discord = await startFakeDiscord();
});
afterAll(() => discord?.close());

function freshFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'nextbeat-entry-'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'dataset.csv'), syntheticTracksCsv());
  return {
    NEXTBEAT_DATA: join(dir, 'data', 'dataset.csv'),
    NEXTBEAT_DB: join(dir, 'db', 'nextbeat.sqlite'),
    NEXTBEAT_MODELS: join(dir, 'models'),
  };
}

describe('npm start (src/index.ts)', () => {
  it('GIVEN bad settings WHEN starting THEN every bad key is named at once, the token is not shown, exit 1', async () => {
    const secret = 'not a token but secret 123';
    const bot = runEntry('src/index.ts', [], {
      DISCORD_TOKEN: secret,
      DISCORD_GUILD_ID: 'abc',
      LOG_LEVEL: 'loud',
    });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(/DISCORD_TOKEN does not look like a bot token/);
    expect(bot.output()).toMatch(/DISCORD_GUILD_ID must be a Discord id/);
    expect(bot.output()).toMatch(/LOG_LEVEL must be one of/);
    expect(bot.output()).not.toContain(secret);
  });

  it("GIVEN no trained model WHEN starting with npm start's Node flags THEN it trains first, registers commands, logs one ready line, answers, and stops cleanly on SIGTERM", async () => {
    const bot = runEntry(
      'src/index.ts',
      [],
      {
        ...freshFolder(),
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_GUILD_ID: discord.world.guildId,
        LOG_FORMAT: 'json',
      },
      startScriptNodeFlags(),
    );
    await bot.waitFor(
      /ready as NextBeat: 362 tracks, model run \S+, commands registered .*, memory \d+ MB resident/,
      120_000,
    );
    expect(bot.output()).toMatch(/no trained model .* training one/);
    expect(discord.commands.list(discord.world.guildId)).toHaveLength(COMMAND_NAMES.length);

    const reply = await discord.sendInteraction(
      discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
    );
    expect((await reply.callback).data?.embeds?.[0]?.title).toMatch(/^If you like Shape of You/);

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toMatch(/SIGTERM: finishing replies in flight/);
    expect(bot.output()).not.toContain(discord.token);
  }, 150_000);
});

describe('npm run deploy-commands', () => {
  it('GIVEN a guild id and a guild without the commands WHEN deploying THEN every command is registered in that guild', async () => {
    discord.commands.overwrite(discord.world.guildId, []);
    const run = runEntry('src/cli/deployCommands.ts', [], {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_GUILD_ID: discord.world.guildId,
    });
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(
      new RegExp(
        `Registered ${COMMAND_NAMES.length} commands in guild \\d+ \\(/recommend is not registered;`,
      ),
    );
    expect(discord.commands.list(discord.world.guildId)).toHaveLength(COMMAND_NAMES.length);
  });

  it('GIVEN --global WHEN deploying THEN they are registered globally', async () => {
    const run = runEntry('src/cli/deployCommands.ts', ['--global'], {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
    });
    expect(await run.exited).toBe(0);
    expect(
      discord.commands
        .list()
        .map((c) => c.name)
        .sort(),
    ).toEqual(COMMAND_NAMES);
  });

  it('GIVEN the commands already registered WHEN deploying again THEN Discord is read and nothing is written', async () => {
    const writes = () =>
      discord.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/commands')).length;
    const before = writes();
    const run = runEntry('src/cli/deployCommands.ts', ['--global'], {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
    });
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(
      new RegExp(
        `The ${COMMAND_NAMES.length} commands globally are already up to date; nothing written`,
      ),
    );
    expect(writes()).toBe(before);
  });

  it('GIVEN Discord refusing WHEN deploying with --force THEN it exits non-zero with the reason', async () => {
    discord.setRestFault('PUT /applications', { status: 403, times: 1 });
    const run = runEntry('src/cli/deployCommands.ts', ['--global', '--force'], {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(
      /Error: Could not register the commands with http:\/\/127.0.0.1:\d+\/api: .+/,
    );
  });
});
