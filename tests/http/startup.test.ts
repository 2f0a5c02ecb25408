// Starting in HTTP mode: no gateway connection, commands registered over REST, one ready line, and
// a public key that is not the application's refused at start rather than failing every request.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../bot/botHarness.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakeDiscord/index.ts';
import { trainSmallModel } from '../helpers/trainedModel.ts';

const running: { bot?: TestBot; discord?: FakeDiscord } = {};
afterAll(async () => {
  await running.bot?.close();
  await running.discord?.close();
});

describe('HTTP mode start-up', () => {
  it('GIVEN NEXTBEAT_MODE=http WHEN the bot starts THEN it registers its commands, logs one ready line naming the endpoint, and never opens the gateway', async () => {
    running.bot = await startTestBot({ NEXTBEAT_MODE: 'http' });
    const { discord, bot } = running.bot;
    expect(discord.commands.list(discord.world.guildId).map((c) => c.name)).toContain('recommend');
    const ready = running.bot
      .logs()
      .match(/"msg":"ready as NextBeat \(HTTP interactions on ([^)]+)\)/g);
    expect(ready).toHaveLength(1);
    expect(ready?.[0]).toContain(bot.interactionsUrl);
    expect(bot.interactionsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/interactions$/);
    expect(discord.gatewayConnections.opened).toBe(0);
    expect(discord.requests.some((r) => r.path === '/gateway/bot')).toBe(false);
  });

  it('GIVEN DISCORD_PUBLIC_KEY of another application WHEN the bot starts THEN it stops with an error naming the variable, before registering anything', async () => {
    running.discord = await startFakeDiscord();
    const other = 'ab'.repeat(32);
    await expect(
      startTestBot(
        { NEXTBEAT_MODE: 'http', DISCORD_PUBLIC_KEY: other },
        await trainSmallModel(),
        {},
        { discord: running.discord },
      ),
    ).rejects.toThrow(
      /DISCORD_PUBLIC_KEY is not the public key of application 1100000000000000001/,
    );
    expect(running.discord.requests.some((r) => r.path.includes('/commands'))).toBe(false);
  });
});
