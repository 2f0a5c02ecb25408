import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticTracksCsv, SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { pngSize } from '../helpers/pngHeader.ts';
import { ADMIN_ID, startTestBot, type TestBot } from './botHarness.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

const uploads = () => {
  const dir = join(dirname(t.model.dataPath), 'uploads');
  return existsSync(dir) ? readdirSync(dir) : [];
};

const recommendLinks = async () => {
  const reply = await t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
  );
  return (await reply.callback).data?.embeds?.[0]?.description ?? '';
};

describe('/retrain', () => {
  it('GIVEN a member without Administrator (default permissions bypassed) WHEN /retrain THEN refused', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'retrain', userId: ADMIN_ID, admin: false }),
    );
    const { data } = await reply.callback;
    expect(data?.flags).toBe(64);
    expect(data?.content).toMatch(/Only server administrators listed in ADMIN_USER_IDS/);
    expect(t.bot.context.retrainer.current).toBeUndefined();
  });

  it('GIVEN an Administrator not in ADMIN_USER_IDS WHEN /retrain THEN refused', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'retrain', userId: '1400000000000000042', admin: true }),
    );
    expect((await reply.callback).data?.content).toMatch(/Only server administrators/);
  });

  it('GIVEN a broken CSV attached WHEN an admin retrains THEN the reply says why and the old model keeps serving', async () => {
    const before = await recommendLinks();
    const runBefore = t.bot.context.model.run.id;
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({
        name: 'retrain',
        userId: ADMIN_ID,
        admin: true,
        options: { csv: { name: 'broken.csv', data: Buffer.from('id,name\n1,x\n') } },
      }),
    );
    expect((await reply.callback).type).toBe(5);
    const final = await reply.waitForEdit(
      (e) => /Retraining failed/.test(String(e.body.content)),
      60_000,
    );
    expect(final.body.content).toMatch(/missing required column/);
    expect(final.body.content).toContain(runBefore);
    expect(t.bot.context.model.run.id).toBe(runBefore);
    expect(await recommendLinks()).toBe(before);
    expect(t.bot.context.retrainer.current).toBeUndefined();
  });

  it('GIVEN a good CSV WHEN an admin retrains THEN /recommend answers meanwhile, a second retrain is refused, and the new model swaps in', async () => {
    const runBefore = t.bot.context.model.run.id;
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({
        name: 'retrain',
        userId: ADMIN_ID,
        admin: true,
        options: {
          epochs: 4,
          csv: { name: 'more_tracks.csv', data: Buffer.from(syntheticTracksCsv(80, 11)) },
        },
      }),
    );
    expect((await reply.callback).type).toBe(5);
    expect(t.bot.context.retrainer.current).toBeDefined();

    const during = await recommendLinks();
    expect(during.match(/open\.spotify\.com/g)).toHaveLength(5);

    const second = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'retrain', userId: ADMIN_ID, admin: true }),
    );
    expect((await second.callback).data?.content).toMatch(/already running/);

    const final = await reply.waitForEdit((e) => (e.body.embeds?.length ?? 0) > 0, 90_000);
    const embed = final.body.embeds![0]!;
    expect(embed.title).toBe('Retrained: the new model is live');
    expect(embed.fields?.[0]?.value).toContain(runBefore);
    expect(t.bot.context.model.run.id).not.toBe(runBefore);
    expect(embed.fields?.[1]?.value).toContain(t.bot.context.model.run.id);
    expect(embed.fields?.[1]?.value).toContain('data more\\_tracks.csv');
    expect(uploads()).toEqual([]);
    expect(t.bot.context.model.catalog.size).toBe(6 * 80 + 2);
    expect(embed.image?.url).toBe('attachment://loss-curves.png');
    expect(final.files.map((f) => f.name)).toEqual(['loss-curves.png']);
    expect(pngSize(final.files[0]!.data)).toEqual({ width: 600, height: 360 });
    expect((await recommendLinks()).match(/open\.spotify\.com/g)).toHaveLength(5);
  });
});
