// "Rate these": likes and dislikes stored per listener only after a click, acknowledged privately;
// a disliked track never comes back to that listener, anywhere; likes lift their artists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTrackId, SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { restartTestBot, startTestBot, type TestBot } from './botHarness.ts';
import { choose, componentWith, listedIds, press, recommend } from './listHelpers.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

const LISTENER = '1400000000000000701';
const CONTROL = '1400000000000000702';
const ratingRows = (userId: string) =>
  t.bot.context.db
    .prepare(
      'SELECT track_id, liked, rated_at FROM listener_ratings WHERE user_id = ? ORDER BY track_id',
    )
    .all(userId) as { track_id: string; liked: number; rated_at: number }[];

describe('rating results', () => {
  it('GIVEN a list WHEN nobody clicks THEN nothing about the listener is rated', async () => {
    await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, LISTENER);
    expect(ratingRows(LISTENER)).toEqual([]);
  });

  it('GIVEN a list WHEN the listener likes one and dismisses another THEN both are stored with the time and only they see the answer', async () => {
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, LISTENER);
    const [liked, disliked] = listedIds(callback.data) as [string, string];
    const before = Date.now();
    const { callback: ack } = await choose(
      t,
      message,
      componentWith(callback.data, 'rate').custom_id!,
      [`l:${liked}`, `d:${disliked}`],
      LISTENER,
    );
    expect(ack.data?.flags).toBe(64);
    expect(ack.data?.content).toMatch(
      /^Saved, for you only\.\n👍 Song .*\n👎 Song .*not be shown these again/,
    );
    const rows = ratingRows(LISTENER);
    expect(rows.map((r) => [r.track_id, r.liked]).sort()).toEqual(
      [
        [liked, 1],
        [disliked, 0],
      ].sort(),
    );
    for (const row of rows) expect(row.rated_at).toBeGreaterThanOrEqual(before);
  });

  it('GIVEN a track picked as both like and not for me WHEN chosen THEN a private message and nothing stored', async () => {
    const user = '1400000000000000703';
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, user);
    const [first] = listedIds(callback.data);
    const { callback: ack } = await choose(
      t,
      message,
      componentWith(callback.data, 'rate').custom_id!,
      [`l:${first}`, `d:${first}`],
      user,
    );
    expect(ack.data?.flags).toBe(64);
    expect(ack.data?.content).toMatch(/both "like" and "not for me"/);
    expect(ratingRows(user)).toEqual([]);
  });

  it.each([
    ['a track the list did not show', () => [`d:${SHAPE_OF_YOU_IDS[1]}`]],
    ['a value that is not a rating', () => ['x:whatever']],
    ['a value with a forged separator', () => [`l:${fakeTrackId(1)}:extra`]],
  ])('GIVEN %s WHEN rated THEN a polite private message and nothing stored', async (_n, values) => {
    const user = '1400000000000000704';
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, user);
    const rate = componentWith(callback.data, 'rate').custom_id!;
    const { callback: ack } = await choose(t, message, rate, values(), user);
    expect(ack.data?.flags).toBe(64);
    expect(ack.data?.content).toMatch(/expired|not one of mine/);
    expect(ratingRows(user)).toEqual([]);
  });

  it('GIVEN a listener who liked the songs just past a list WHEN they ask again THEN some make their list, not that of others', async () => {
    const user = '1400000000000000705';
    const { callback, message } = await recommend(
      t,
      { song: SHAPE_OF_YOU_IDS[0], count: 10 },
      user,
    );
    const { callback: page2 } = await press(
      t,
      message,
      componentWith(callback.data, 'next').custom_id!,
      user,
    );
    const liked = listedIds(page2.data);
    await choose(
      t,
      message,
      componentWith(page2.data, 'rate').custom_id!,
      liked.map((id) => `l:${id}`),
      user,
    );
    const { callback: again } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0], count: 10 }, user);
    expect(listedIds(again.data).filter((id) => liked.includes(id)).length).toBeGreaterThan(0);
    const { callback: other } = await recommend(
      t,
      { song: SHAPE_OF_YOU_IDS[0], count: 10 },
      CONTROL,
    );
    expect(listedIds(other.data).sort()).toEqual(listedIds(callback.data).sort());
  });
});

describe('a disliked track', () => {
  it('GIVEN tracks a listener dismissed WHEN they ask for many lists, pages, vibes and playlists, also after a restart THEN none comes back, while others still get them', async () => {
    const user = '1400000000000000706';
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, user);
    const disliked = listedIds(callback.data).slice(0, 3);
    await choose(
      t,
      message,
      componentWith(callback.data, 'rate').custom_id!,
      disliked.map((id) => `d:${id}`),
      user,
    );
    t = await restartTestBot(t);
    const seenByUser = await manyLists(user, disliked);
    const seenByControl = await manyLists(CONTROL, disliked);
    expect(seenByUser.length).toBeGreaterThan(500);
    expect(seenByUser.filter((id) => disliked.includes(id))).toEqual([]);
    // The same queries do show them to someone who did not dismiss them.
    for (const id of disliked) expect(seenByControl).toContain(id);
  });
});

/**
 * Every track shown to `userId` by lists from Shape of You and from 15 songs of each disliked
 * track's genre (with second pages and playlists), by journeys into each disliked track's genre
 * and by vibes aimed at each disliked track.
 */
async function manyLists(userId: string, disliked: readonly string[]): Promise<string[]> {
  const seen: string[] = [];
  const { catalog } = t.bot.context.model;
  const genreStarts = disliked.map((id) => Math.floor(Number(id.slice(1)) / 60) * 60);
  const seeds = [
    SHAPE_OF_YOU_IDS[0],
    ...genreStarts.flatMap((start) =>
      Array.from({ length: 15 }, (_, k) => fakeTrackId(start + 2 * k)),
    ),
  ];
  for (const [n, seed] of seeds.entries()) {
    const { callback, message } = await recommend(t, { song: seed, count: 10 }, userId);
    if (callback.data?.flags === 64) continue; // a disliked seed shares its song with a release
    seen.push(...listedIds(callback.data));
    if (n % 8 !== 0) continue;
    const { callback: next } = await press(
      t,
      message,
      componentWith(callback.data, 'next').custom_id!,
      userId,
    );
    seen.push(...listedIds(next.data));
    const { reply } = await press(
      t,
      message,
      componentWith(callback.data, 'take').custom_id!,
      userId,
    );
    await reply.waitForEdit();
    const dm = t.discord.directMessages.to(userId).at(-1);
    seen.push(...(dm?.files[0]?.data.toString('utf8').match(/[A-Za-z0-9]{22}/g) ?? []));
  }
  for (const [k, id] of disliked.entries()) {
    // A long journey into the disliked track's genre passes near it.
    const journey = await t.discord.sendInteraction(
      t.discord.build.chatInput({
        name: 'journey',
        userId,
        options: { from: SHAPE_OF_YOU_IDS[0], to: fakeTrackId(genreStarts[k]! + 31), stops: 25 },
      }),
    );
    seen.push(...listedIds((await journey.callback).data).slice(1, -1));
    const { energy, danceability, valence, tempo } = catalog.track(catalog.indexOfId(id)).features;
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({
        name: 'similar-vibe',
        userId,
        options: {
          energy: energy!,
          danceability: danceability!,
          valence: valence!,
          tempo: tempo!,
          count: 10,
        },
      }),
    );
    seen.push(...listedIds((await reply.callback).data));
  }
  return seen;
}
