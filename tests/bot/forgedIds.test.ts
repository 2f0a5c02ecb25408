// Custom ids a client can forge on the list components the chain tests do not press: the rating
// and "Recommend from one of these" menus of unknown chains, and self-contained vibe nudges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { startTestBot, type TestBot } from './botHarness.ts';
import { choose, listedIds, press, recommend } from './listHelpers.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

const USER = '1400000000000000951';
const ratingCount = () =>
  t.bot.context.db.prepare('SELECT count(*) FROM listener_ratings').pluck().get() as number;

describe('forged custom ids', () => {
  it.each([
    ['rating menu of a chain never made', 'rate:1:AAAAAAAA', (id: string) => [`l:${id}`]],
    ['rating menu with no chain id', 'rate:1', (id: string) => [`d:${id}`]],
    ['"from" menu of a chain never made', 'from:1:AAAAAAAA', (id: string) => [id]],
    ['"from" menu of a chain id of the wrong shape', 'from:1:../../x', (id: string) => [id]],
  ])(
    'GIVEN a %s WHEN chosen THEN a polite private message and nothing stored',
    async (_n, customId, values) => {
      const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, USER);
      const before = ratingCount();
      const { callback: answer } = await choose(
        t,
        message,
        customId,
        values(listedIds(callback.data)[0]!),
        USER,
      );
      expect(answer.data?.flags).toBe(64);
      expect(answer.data?.content).toMatch(/expired|not one of mine/);
      expect(ratingCount()).toBe(before);
    },
  );

  it.each([
    ['a slider the vibe does not set', 'nudge:1:t+:5::e90'],
    ['a page size out of range', 'nudge:1:e+:15::e90'],
    ['an unknown slider code', 'nudge:1:e+:5::x90'],
    ['a value out of the slider range', 'nudge:1:e+:5::e190'],
    ['no targets at all', 'nudge:1:e+:5::'],
    ['a move that is not one', 'nudge:1:e*:5::e90'],
  ])(
    'GIVEN a vibe nudge with %s WHEN pressed THEN a polite private message',
    async (_n, customId) => {
      const reply = await t.discord.sendInteraction(
        t.discord.build.chatInput({ name: 'similar-vibe', options: { energy: 0.9 }, userId: USER }),
      );
      await reply.callback;
      const { callback } = await press(t, reply.message()!, customId, USER);
      expect(callback.data?.flags).toBe(64);
      expect(callback.data?.content).toMatch(/expired|not one of mine/);
    },
  );

  it('GIVEN a well-formed nudge id WHEN pressed THEN it is read (the cases above fail for their fault only)', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'similar-vibe', options: { energy: 0.9 }, userId: USER }),
    );
    await reply.callback;
    const { callback } = await press(t, reply.message()!, 'nudge:1:e-:5::e90', USER);
    expect(callback.type).toBe(7);
    expect(callback.data?.embeds?.[0]?.description).toMatch(/energy\s+█{8}░{2} 0\.80/);
  });
});
