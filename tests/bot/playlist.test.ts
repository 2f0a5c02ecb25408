// "Send me a playlist": a private message with a file of Spotify URIs (one per line) and the
// links, up to 50 tracks, continuing the list without repeats; closed DMs get a private note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DMS_CLOSED } from '../../src/bot/components/takeAway.ts';
import { PLAYLIST_FILE } from '../../src/bot/embeds/playlistMessage.ts';
import type { RecordedDirectMessage } from '../fakeDiscord/index.ts';
import { fakeTrackId, SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { startTestBot, type TestBot } from './botHarness.ts';
import { componentWith, listedIds, press, recommend, trackLinks } from './listHelpers.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

const OWNER = '1400000000000000801';

/** Presses the playlist button as `userId`; the private answer and the DM that followed, if any. */
async function takeAway(message: Parameters<typeof press>[1], customId: string, userId: string) {
  const before = t.discord.directMessages.to(userId).length;
  const { callback, reply } = await press(t, message, customId, userId);
  expect(callback.data?.flags).toBe(64); // deferred, privately
  const answer = await reply.waitForEdit();
  const dm: RecordedDirectMessage | undefined = t.discord.directMessages.to(userId)[before];
  return { answer: answer.body.content ?? '', dm };
}

const urisOf = (dm: RecordedDirectMessage | undefined) =>
  (dm?.files.find((f) => f.name === PLAYLIST_FILE)?.data.toString('utf8') ?? '')
    .split('\n')
    .filter(Boolean);

describe('playlists to take away', () => {
  it('GIVEN a list WHEN "Send me a playlist" is pressed THEN a DM holds 50 URIs, one per line, starting with the list, and the same tracks as links', async () => {
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, OWNER);
    const { answer, dm } = await takeAway(
      message,
      componentWith(callback.data, 'take').custom_id!,
      OWNER,
    );
    expect(answer).toBe(
      'Sent you a private message with 50 songs and a file to paste into Spotify.',
    );
    const uris = urisOf(dm);
    expect(uris).toHaveLength(50);
    for (const uri of uris) expect(uri).toMatch(/^spotify:track:[A-Za-z0-9]{22}$/);
    const ids = uris.map((uri) => uri.slice('spotify:track:'.length));
    expect(new Set(ids).size).toBe(50);
    expect(ids.slice(0, 5)).toEqual(listedIds(callback.data));
    for (const seed of SHAPE_OF_YOU_IDS) expect(ids).not.toContain(seed);
    const links = (dm?.body.embeds ?? []).flatMap((e) => trackLinks(e.description));
    expect(links).toEqual(ids);
    expect(dm?.body.content).toMatch(/^\*\*If you like Shape of You\*\*: 50 songs/);
  });

  it('GIVEN a playlist taken WHEN it is pressed again THEN the same playlist, and "More like this" goes on after it', async () => {
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, OWNER);
    const take = componentWith(callback.data, 'take').custom_id!;
    const first = urisOf((await takeAway(message, take, OWNER)).dm);
    const second = urisOf((await takeAway(message, take, OWNER)).dm);
    expect(second).toEqual(first);
    const { callback: next } = await press(
      t,
      message,
      componentWith(callback.data, 'next').custom_id!,
      OWNER,
    );
    expect(next.data?.embeds?.[0]?.footer?.text).toMatch(/results 51-55/);
    const page = listedIds(next.data).map((id) => `spotify:track:${id}`);
    expect(page.filter((uri) => first.includes(uri))).toEqual([]);
  });

  it("GIVEN someone else's list WHEN they take its playlist THEN it comes to them and the owner's list does not move on", async () => {
    const other = '1400000000000000802';
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, OWNER);
    const { dm } = await takeAway(message, componentWith(callback.data, 'take').custom_id!, other);
    expect(urisOf(dm)).toHaveLength(50);
    expect(t.discord.directMessages.to(other).every((m) => m.userId === other)).toBe(true);
    const { callback: next } = await press(
      t,
      message,
      componentWith(callback.data, 'next').custom_id!,
      OWNER,
    );
    expect(next.data?.embeds?.[0]?.footer?.text).toMatch(/results 6-10/);
  });

  it('GIVEN a listener with closed DMs WHEN they press it THEN a private note says so and nothing is sent; opened, it works', async () => {
    const closed = '1400000000000000803';
    t.discord.directMessages.setClosed(closed);
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, closed);
    const take = componentWith(callback.data, 'take').custom_id!;
    const refused = await takeAway(message, take, closed);
    expect(refused.answer).toBe(DMS_CLOSED);
    expect(refused.dm).toBeUndefined();
    t.discord.directMessages.setClosed(closed, false);
    expect(urisOf((await takeAway(message, take, closed)).dm)).toHaveLength(50);
    expect(t.logs()).not.toMatch(/interaction failed/);
  });

  it("GIVEN playlists sent to several listeners WHEN they are out THEN no DM channel stays in the bot's cache", async () => {
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0] }, OWNER);
    const take = componentWith(callback.data, 'take').custom_id!;
    for (let k = 0; k < 5; k++) {
      const { dm } = await takeAway(message, take, `14000000000000009${k}0`);
      expect(dm).toBeDefined();
    }
    const channels = [...t.bot.client.channels.cache.values()];
    expect(channels.filter((channel) => channel.isDMBased())).toEqual([]);
  });

  it('GIVEN a journey WHEN its playlist is taken THEN the DM holds its stops in order, nothing added', async () => {
    const user = '1400000000000000805';
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({
        name: 'journey',
        userId: user,
        options: { from: SHAPE_OF_YOU_IDS[0], to: fakeTrackId(130), stops: 8 },
      }),
    );
    const { data } = await reply.callback;
    const stops = listedIds(data);
    expect(stops).toHaveLength(8);
    const { dm } = await takeAway(reply.message()!, componentWith(data, 'take').custom_id!, user);
    expect(urisOf(dm)).toEqual(stops.map((id) => `spotify:track:${id}`));
    expect(dm?.body.content).toMatch(/^\*\*From Shape of You to Song classical 10\*\*: 8 songs/);
    // The menu rates the stops between the two ends.
    const rated = componentWith(data, 'rate').options!.map((o) => o.value.slice(2));
    expect([...new Set(rated)]).toEqual(stops.slice(1, -1));
  });

  it('GIVEN a vibe WHEN its playlist is taken THEN the DM starts with the vibe list and names the vibe', async () => {
    const user = '1400000000000000804';
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({
        name: 'similar-vibe',
        userId: user,
        options: { energy: 0.8, tempo: 120 },
      }),
    );
    const { data } = await reply.callback;
    const { dm } = await takeAway(reply.message()!, componentWith(data, 'take').custom_id!, user);
    const ids = urisOf(dm).map((uri) => uri.slice('spotify:track:'.length));
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.slice(0, 5)).toEqual(listedIds(data));
    expect(dm?.body.content).toMatch(/^\*\*Songs with energy 0\.80, tempo 120 BPM\*\*/);
  });
});
