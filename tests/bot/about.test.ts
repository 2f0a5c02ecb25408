import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngSize } from '../helpers/pngHeader.ts';
import { startTestBot, type TestBot } from './botHarness.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

describe('/about and start-up', () => {
  it('GIVEN a running bot WHEN /about runs THEN it names the model run, track count and fit', async () => {
    const reply = await t.discord.sendInteraction(t.discord.build.chatInput({ name: 'about' }));
    const fields = (await reply.callback).data?.embeds?.[0]?.fields ?? [];
    const byName = Object.fromEntries(fields.map((f) => [f.name, f.value]));
    expect(byName['Model run']).toBe(`\`${t.bot.context.model.run.id}\``);
    expect(byName['Tracks']).toBe('362');
    expect(byName['Fit']).toMatch(/validation MSE \d\.\d{5} vs \d\.\d{5}/);
  });

  it("GIVEN map: true WHEN /about runs THEN the served model's latent map is attached as the embed image", async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'about', options: { map: true } }),
    );
    const { data, files } = await reply.callback;
    expect(files.map((f) => f.name)).toEqual(['latent-space.png']);
    expect(pngSize(files[0]!.data)).toEqual({ width: 1000, height: 520 });
    expect(data?.embeds?.[0]?.image?.url).toBe('attachment://latent-space.png');
  });

  it('GIVEN start-up WHEN ready THEN the guild commands are registered and one ready line is logged', () => {
    const names = t.discord.commands.list(t.discord.world.guildId).map((c) => c.name);
    expect(names.sort()).toEqual([
      'about',
      'for-you',
      'forget-me',
      'journey',
      'recommend',
      'retrain',
      'similar-vibe',
    ]);
    const retrain = t.discord.commands
      .list(t.discord.world.guildId)
      .find((c) => c.name === 'retrain');
    expect(retrain?.default_member_permissions).toBe('8');
    expect(retrain?.contexts).toEqual([0]);
    expect(t.logs().match(/"msg":"ready as NextBeat: 362 tracks, model run /g)).toHaveLength(1);
  });

  it('GIVEN a handler that throws unexpectedly WHEN invoked THEN the user gets an apology with a reference that is logged', async () => {
    const original = t.bot.context.model;
    t.bot.context.model = { ...original, catalog: undefined as never };
    try {
      const reply = await t.discord.sendInteraction(t.discord.build.chatInput({ name: 'about' }));
      const { data } = await reply.callback;
      const reference = /reference `([0-9a-f]{8})`/.exec(data?.content ?? '')?.[1];
      expect(data?.flags).toBe(64);
      expect(reference).toBeDefined();
      expect(t.logs()).toContain(`"reference":"${reference}"`);
    } finally {
      t.bot.context.model = original;
    }
  });

  it('GIVEN everything logged so far WHEN searched THEN the bot token never appears', () => {
    expect(t.logs().length).toBeGreaterThan(0);
    expect(t.logs()).not.toContain(t.discord.token);
  });

  it('GIVEN 300 distinct members WHEN each uses autocomplete THEN all are answered and at most 200 users and members stay cached, the bot itself among them', async () => {
    const userIds = Array.from({ length: 300 }, (_, i) => String(1500000000000000000n + BigInt(i)));
    for (const userId of userIds) {
      const reply = await t.discord.sendInteraction(
        t.discord.build.autocomplete({ name: 'recommend', focused: 'song', value: 'a', userId }),
      );
      expect((await reply.callback).data?.choices).toBeInstanceOf(Array);
    }
    const client = t.bot.client;
    const members = client.guilds.cache.get(t.discord.world.guildId)!.members.cache;
    expect(client.users.cache.size).toBeLessThanOrEqual(201);
    expect(client.users.cache.has(client.user!.id)).toBe(true);
    expect(client.users.cache.has(userIds.at(-1)!)).toBe(true);
    expect(members.size).toBeLessThanOrEqual(201);
    expect(members.has(userIds.at(-1)!)).toBe(true);
  });
});
