// /forget-me: a private question with the counts, then every row about the listener deleted (no
// table keeps their id), never anyone else's, and only when they confirm in time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeForgetAnswer } from '../../src/bot/forgetIds.ts';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { startTestBot, type TestBot } from './botHarness.ts';
import {
  choose,
  componentWith,
  componentsOf,
  listedIds,
  press,
  recommend,
  rowsMentioning,
} from './listHelpers.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

const LISTENER = '1400000000000000951';
const BYSTANDER = '1400000000000000952';

async function forgetMe(userId: string) {
  const reply = await t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'forget-me', userId }),
  );
  return { callback: await reply.callback, message: () => reply.message()! };
}

/** Leaves a trace of `userId` everywhere the bot stores one: lists, ratings, a vibe, /for-you. */
async function useEverything(userId: string) {
  const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, userId);
  const [a, b] = listedIds(callback.data);
  await choose(
    t,
    message,
    componentWith(callback.data, 'rate').custom_id!,
    [`l:${a}`, `d:${b}`],
    userId,
  );
  const { reply } = await press(
    t,
    message,
    componentWith(callback.data, 'take').custom_id!,
    userId,
  );
  await reply.waitForEdit();
  const vibe = await t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'similar-vibe', userId, options: { energy: 0.4 } }),
  );
  await vibe.callback;
  const forYou = await t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'for-you', userId }),
  );
  await forYou.callback;
  return { message, more: componentWith(callback.data, 'next').custom_id! };
}

describe('/forget-me', () => {
  it('GIVEN a listener with nothing stored WHEN /forget-me runs THEN a private message says so, without buttons', async () => {
    const { callback } = await forgetMe('1400000000000000953');
    expect(callback.data?.flags).toBe(64);
    expect(callback.data?.content).toBe(
      'NextBeat stores nothing about you: no likes, no dislikes, no lists.',
    );
    expect(componentsOf(callback.data)).toEqual([]);
  });

  it('GIVEN a listener who used everything WHEN they keep it, then confirm THEN no row of theirs is left in any table, and a bystander keeps theirs', async () => {
    const { message: list, more } = await useEverything(LISTENER);
    await useEverything(BYSTANDER);
    const db = t.bot.context.db;
    expect(
      rowsMentioning(db, LISTENER)
        .map((r) => r.table)
        .sort(),
    ).toEqual(['list_chains', 'listener_ratings']);
    const bystanderBefore = rowsMentioning(db, BYSTANDER);

    const asked = await forgetMe(LISTENER);
    expect(asked.callback.data?.flags).toBe(64);
    expect(asked.callback.data?.content).toMatch(
      /^NextBeat stores 1 like, 1 "not for me" and 3 lists you asked for/,
    );
    const [yes, no] = componentsOf(asked.callback.data);
    const { callback: kept } = await press(t, asked.message(), no!.custom_id!, LISTENER);
    expect(kept.data?.content).toBe('Nothing was deleted.');
    expect(rowsMentioning(db, LISTENER)).not.toEqual([]);

    const again = await forgetMe(LISTENER);
    const [confirm] = componentsOf(again.callback.data);
    const { callback: done } = await press(t, again.message(), confirm!.custom_id!, LISTENER);
    expect(done.type).toBe(7);
    expect(done.data?.content).toBe(
      'Done: deleted 1 like, 1 "not for me" and 3 lists. NextBeat keeps nothing else about you.',
    );
    expect(rowsMentioning(db, LISTENER)).toEqual([]);
    expect(rowsMentioning(db, BYSTANDER)).toEqual(bystanderBefore);
    expect([yes!.label, no!.label]).toEqual(['Delete everything', 'Keep it']);

    // Their old list's buttons now answer that it has expired.
    const { callback: stale } = await press(t, list, more, LISTENER);
    expect(stale.data?.content).toMatch(/expired/);
  });

  it('GIVEN a confirmation naming someone else WHEN pressed THEN it is refused and their data stays', async () => {
    const victim = '1400000000000000954';
    await useEverything(victim);
    const before = rowsMentioning(t.bot.context.db, victim);
    const asked = await forgetMe('1400000000000000955');
    const forged = encodeForgetAnswer({ confirmed: true, userId: victim, askedAt: Date.now() });
    const { message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, '1400000000000000955');
    const { callback } = await press(t, message, forged, '1400000000000000955');
    expect(callback.data?.flags).toBe(64);
    expect(callback.data?.content).toMatch(/expired|not one of mine/);
    expect(rowsMentioning(t.bot.context.db, victim)).toEqual(before);
    expect(asked.callback.data?.content).toMatch(/^NextBeat stores/);
  });

  it.each([
    'forget:1:yes',
    'forget:1:maybe:1400000000000000956:abc',
    'forget:1:yes:<@1>:abc',
    'forget:2:yes:1400000000000000956:abc',
  ])(
    'GIVEN a forged confirmation %s WHEN pressed THEN a polite private message',
    async (customId) => {
      const user = '1400000000000000956';
      const { message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, user);
      const { callback } = await press(t, message, customId, user);
      expect(callback.data?.flags).toBe(64);
      expect(callback.data?.content).toMatch(/expired|not one of mine/);
      expect(rowsMentioning(t.bot.context.db, user)).not.toEqual([]);
    },
  );

  it('GIVEN a confirmation from an hour ago WHEN pressed THEN it asks again and deletes nothing', async () => {
    const user = '1400000000000000957';
    await useEverything(user);
    const before = rowsMentioning(t.bot.context.db, user);
    const stale = encodeForgetAnswer({
      confirmed: true,
      userId: user,
      askedAt: Date.now() - 3_600_000,
    });
    const { message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, user);
    const { callback } = await press(t, message, stale, user);
    expect(callback.data?.content).toBe('This question has expired: run /forget-me again.');
    expect(rowsMentioning(t.bot.context.db, user).length).toBe(before.length);
  });
});
