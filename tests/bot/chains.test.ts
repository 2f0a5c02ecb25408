// List chains: "More like this" never shows a track twice in one chain, works after a restart,
// belongs to the listener who asked; expired, unknown and forged chain ids get a polite answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecommendState } from '../../src/bot/recommendState.ts';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { restartTestBot, startTestBot, type TestBot } from './botHarness.ts';
import { componentWith, listedIds, press, recommend } from './listHelpers.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

const OTHER_USER = '1400000000000000555';

describe('list chains', () => {
  it('GIVEN a list WHEN "More like this" is pressed until it runs out THEN no track is shown twice and it stops at 100', async () => {
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0], count: 10 });
    const seen = [...listedIds(callback.data)];
    let data = callback.data;
    for (let page = 2; componentsHaveNext(data); page++) {
      const { callback: next } = await press(t, message, componentWith(data, 'next').custom_id!);
      expect(next.type).toBe(7);
      data = next.data;
      expect(data?.embeds?.[0]?.footer?.text).toContain(`results ${seen.length + 1}-`);
      seen.push(...listedIds(data));
      expect(page).toBeLessThanOrEqual(10);
    }
    expect(seen).toHaveLength(100);
    expect(new Set(seen).size).toBe(100);
  });

  it('GIVEN a list made before a restart WHEN "More like this" is pressed on the restarted bot THEN it goes on without repeats', async () => {
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] });
    const more = componentWith(callback.data, 'next').custom_id!;
    t = await restartTestBot(t);
    const { callback: next } = await press(t, message, more);
    expect(next.type).toBe(7);
    expect(next.data?.embeds?.[0]?.footer?.text).toMatch(/results 6-10/);
    const first = listedIds(callback.data);
    expect(listedIds(next.data).filter((id) => first.includes(id))).toEqual([]);
  });

  it('GIVEN someone else\'s list WHEN they press "More like this" THEN a private refusal and the list is unchanged', async () => {
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] });
    const more = componentWith(callback.data, 'next').custom_id!;
    const { callback: refused } = await press(t, message, more, OTHER_USER);
    expect(refused.data?.flags).toBe(64);
    expect(refused.data?.content).toMatch(/Only the person who asked/);
    // The owner's next page is still results 6-10.
    const { callback: next } = await press(t, message, more);
    expect(next.data?.embeds?.[0]?.footer?.text).toMatch(/results 6-10/);
  });

  it('GIVEN a button made before chains (more:1:<track>:<offset>...) WHEN pressed THEN it shows that page and the message gets chain buttons', async () => {
    const { message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] });
    const old = encodeRecommendState({
      trackId: SHAPE_OF_YOU_IDS[0],
      offset: 5,
      count: 5,
      sameGenre: false,
      noExplicit: false,
      genre: '',
      excludeArtist: '',
      popularity: 'balanced',
    });
    const { callback } = await press(t, message, old);
    expect(callback.type).toBe(7);
    expect(callback.data?.embeds?.[0]?.footer?.text).toMatch(/results 6-10/);
    const { callback: next } = await press(
      t,
      message,
      componentWith(callback.data, 'next').custom_id!,
    );
    expect(next.data?.embeds?.[0]?.footer?.text).toMatch(/results 11-15/);
    const page2 = listedIds(callback.data);
    expect(listedIds(next.data).filter((id) => page2.includes(id))).toEqual([]);
  });

  it.each([
    ['a chain id that was never made', 'next:1:AAAAAAAA'],
    ['a chain id of the wrong shape', 'next:1:not/a/chain'],
    ['no chain id', 'next:1'],
    ['a playlist of an unknown chain', 'take:1:ZZZZZZZZ'],
    ['an unknown version', 'next:7:AAAAAAAA'],
  ])('GIVEN %s WHEN pressed THEN a polite private message', async (_name, customId) => {
    const { message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] });
    const { callback } = await press(t, message, customId);
    expect(callback.data?.flags).toBe(64);
    expect(callback.data?.content).toMatch(/expired|not one of mine/);
  });

  it('GIVEN a menu pick of a track the list never showed WHEN chosen THEN a polite private message', async () => {
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] });
    const menu = componentWith(callback.data, 'from');
    const reply = await t.discord.sendInteraction(
      t.discord.build.select({ customId: menu.custom_id!, values: [SHAPE_OF_YOU_IDS[1]], message }),
    );
    const { data } = await reply.callback;
    expect(data?.flags).toBe(64);
    expect(data?.content).toMatch(/expired/);
  });

  it('GIVEN a list WHEN a track is picked from its menu THEN a new public list from it, with its own chain', async () => {
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0], count: 3 });
    const menu = componentWith(callback.data, 'from');
    const picked = menu.options![1]!.value;
    const reply = await t.discord.sendInteraction(
      t.discord.build.select({ customId: menu.custom_id!, values: [picked], message }),
    );
    const { data } = await reply.callback;
    expect(data?.flags ?? 0).toBe(0);
    expect(listedIds(data)).toHaveLength(3);
    expect(listedIds(data)).not.toContain(picked);
    expect(componentWith(data, 'next').custom_id).not.toBe(
      componentWith(callback.data, 'next').custom_id,
    );
    expect(t.discord.unhandled).toEqual([]);
  });
});

function componentsHaveNext(data: Parameters<typeof componentWith>[0]): boolean {
  try {
    componentWith(data, 'next');
    return true;
  } catch {
    return false;
  }
}
