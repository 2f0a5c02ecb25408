// /for-you: a private list from the listener's latest likes, leaving out everything they rated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenerStores } from '../../src/bot/listeners/stores.ts';
import { fakeTrackId, SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { startTestBot, type TestBot } from './botHarness.ts';
import { choose, componentWith, listedIds, press, recommend } from './listHelpers.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

async function forYou(userId: string, options: Record<string, number | string> = {}) {
  const reply = await t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'for-you', userId, options }),
  );
  return { callback: await reply.callback, message: () => reply.message()! };
}

/** Stores ratings through the bot's own store, one millisecond apart, the last the newest. */
function rate(userId: string, ratings: [string, 'l' | 'd'][]) {
  const db = t.bot.context.db;
  const at = Date.now();
  ratings.forEach(([id, kind], k) =>
    listenerStores(db).ratings.rate(userId, id, kind === 'l' ? 'like' : 'dislike', at + k),
  );
}

describe('/for-you', () => {
  it('GIVEN a listener with no likes WHEN /for-you runs THEN a private message says how to get some', async () => {
    const { callback } = await forYou('1400000000000000901');
    expect(callback.data?.flags).toBe(64);
    expect(callback.data?.content).toMatch(
      /^You have not liked any songs yet\. Mark some with the "Rate these" menu/,
    );
  });

  it('GIVEN likes clicked in a list WHEN /for-you runs THEN a private list from them, naming them', async () => {
    const user = '1400000000000000902';
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, user);
    const [liked] = listedIds(callback.data);
    await choose(t, message, componentWith(callback.data, 'rate').custom_id!, [`l:${liked}`], user);
    const { callback: mine } = await forYou(user);
    expect(mine.data?.flags).toBe(64);
    const title = mine.data?.embeds?.[0]?.title ?? '';
    const likedTitle = t.bot.context.model.catalog.track(
      t.bot.context.model.catalog.indexOfId(liked!),
    ).title;
    expect(title).toBe(`5 songs for you, because you liked ${likedTitle}`);
    expect(mine.data?.embeds?.[0]?.footer?.text).toMatch(/only you can see this/);
    expect(listedIds(mine.data)).not.toContain(liked);
  });

  it('GIVEN seven likes and some dislikes WHEN /for-you runs THEN the five latest likes are the seeds and nothing rated is listed, on any page', async () => {
    const user = '1400000000000000903';
    const likes = [0, 1, 2, 61, 62, 125, 126].map(fakeTrackId);
    const dislikes = [3, 4, 5, 63, 64, 127, 128].map(fakeTrackId);
    rate(user, [
      ...likes.map((id) => [id, 'l'] as [string, 'l']),
      ...dislikes.map((id) => [id, 'd'] as [string, 'd']),
    ]);
    const { callback, message } = await forYou(user, { count: 10 });
    const title = callback.data?.embeds?.[0]?.title ?? '';
    // Newest first: 126, 125, 62, 61, 2 (0 and 1 are older).
    expect(title).toMatch(
      /^10 songs for you, because you liked Song classical 6, Song classical 5, Song rock 2, Song rock 1 and Song pop 2$/,
    );
    const rated = [...likes, ...dislikes];
    const shown = listedIds(callback.data);
    const { callback: next } = await press(
      t,
      message(),
      componentWith(callback.data, 'next').custom_id!,
      user,
    );
    expect(next.type).toBe(7);
    expect((t.discord.message(message().id)?.flags ?? 0) & 64).toBe(64); // still private
    shown.push(...listedIds(next.data));
    expect(shown).toHaveLength(20);
    expect(shown.filter((id) => rated.includes(id))).toEqual([]);
  });

  it('GIVEN a private list WHEN a song is picked from its menu THEN the new list is private too', async () => {
    const user = '1400000000000000904';
    rate(user, [[fakeTrackId(200), 'l']]);
    const { callback, message } = await forYou(user);
    const menu = componentWith(callback.data, 'from');
    const reply = await t.discord.sendInteraction(
      t.discord.build.select({
        customId: menu.custom_id!,
        values: [menu.options![0]!.value],
        message: message(),
        userId: user,
      }),
    );
    const { data } = await reply.callback;
    expect(data?.flags).toBe(64);
    expect(data?.embeds?.[0]?.title).toMatch(/^If you like /);
  });

  it('GIVEN likes of tracks a retrain dropped WHEN /for-you runs THEN they are skipped, or named as the reason when nothing is left', async () => {
    const user = '1400000000000000905';
    rate(user, [['GoneAfterRetrain000001', 'l']]);
    const { callback: none } = await forYou(user);
    expect(none.data?.content).toMatch(/^None of the songs you liked is in the current model/);
    rate(user, [
      [fakeTrackId(300), 'l'],
      ['GoneAfterRetrain000002', 'l'],
    ]);
    const { callback } = await forYou(user);
    expect(callback.data?.embeds?.[0]?.title).toBe(
      '5 songs for you, because you liked Song jazz 0',
    );
  });
});
