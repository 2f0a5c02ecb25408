// The `limits` option of /recommend and /similar-vibe: every song listed meets every limit, on the
// first page, the next pages, the playlist, the nudges and lists picked from it; the reply shows
// the limits; text that cannot be read is a private message naming the part at fault.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYLIST_FILE } from '../../src/bot/embeds/playlistMessage.ts';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { startTestBot, type TestBot } from './botHarness.ts';
import { choose, componentWith, componentsOf, listedIds, press, recommend } from './listHelpers.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

const OWNER = '1400000000000000901';
const OTHER = '1400000000000000902';
const LIMITS = 'tempo 90-170, energy > 0.4, speechiness < 0.3';

/** Whether catalog track `index` meets every limit of LIMITS (an unknown value meets none). */
function withinLimits(index: number): boolean {
  const { tempo, energy, speechiness } = t.bot.context.model.catalog.track(index).features;
  const [bpm, power, speech] = [tempo ?? NaN, energy ?? NaN, speechiness ?? NaN];
  return bpm >= 90 && bpm <= 170 && power >= 0.4 && speech <= 0.3;
}

/** Fails the test unless the track with this id meets every limit of LIMITS. */
function expectWithinLimits(id: string): void {
  const index = t.bot.context.model.catalog.indexOfId(id);
  expect(withinLimits(index), `${id} is within ${LIMITS}`).toBe(true);
}

/** The share of catalog tracks meeting LIMITS: the test is only worth something if most do not. */
function shareWithinLimits(): number {
  const { size } = t.bot.context.model.catalog;
  let within = 0;
  for (let i = 0; i < size; i++) if (withinLimits(i)) within++;
  return within / size;
}

async function vibe(options: Record<string, string | number>, userId = OWNER) {
  const reply = await t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'similar-vibe', options, userId }),
  );
  return { callback: await reply.callback, message: reply.message() as APIMessage };
}

async function playlistIds(message: APIMessage, customId: string, userId: string) {
  const before = t.discord.directMessages.to(userId).length;
  const { reply } = await press(t, message, customId, userId);
  await reply.waitForEdit();
  const dm = t.discord.directMessages.to(userId)[before];
  const text = dm?.files.find((f) => f.name === PLAYLIST_FILE)?.data.toString('utf8') ?? '';
  return [...text.matchAll(/spotify:track:(\w+)/g)].map((m) => m[1] as string);
}

describe('limits on /recommend', () => {
  it('GIVEN limits most songs fail WHEN /recommend, "More like this", the playlist and the menu run THEN every song listed meets every limit and the reply shows them', async () => {
    expect(shareWithinLimits()).toBeLessThan(0.4);
    const { callback, message } = await recommend(
      t,
      { song: SHAPE_OF_YOU_IDS[0], count: 10, limits: LIMITS },
      OWNER,
    );
    const embed = callback.data?.embeds?.[0];
    expect(embed?.fields).toEqual([
      {
        name: 'Limits (every song meets them)',
        value: 'tempo 90 BPM to 170 BPM, energy at least 0.40, speechiness at most 0.30',
      },
    ]);
    const first = listedIds(callback.data);
    expect(first).toHaveLength(10);
    const { callback: next } = await press(
      t,
      message,
      componentWith(callback.data, 'next').custom_id!,
      OWNER,
    );
    const second = listedIds(next.data);
    expect(second.length).toBeGreaterThan(0);
    expect(next.data?.embeds?.[0]?.fields?.[0]?.value).toMatch(/^tempo 90 BPM to 170 BPM/);
    const playlist = await playlistIds(message, componentWith(next.data, 'take').custom_id!, OWNER);
    expect(playlist.length).toBeGreaterThan(20);
    const { callback: picked } = await choose(
      t,
      message,
      componentWith(next.data, 'from').custom_id!,
      [second[0]!],
      OWNER,
    );
    const fromPick = listedIds(picked.data);
    expect(fromPick.length).toBeGreaterThan(0);
    for (const id of [...first, ...second, ...playlist, ...fromPick]) expectWithinLimits(id);
  });

  it('GIVEN the same song without limits WHEN /recommend runs THEN some song listed breaks them (the limits did the work)', async () => {
    const { callback } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0], count: 10 }, OTHER);
    const { catalog } = t.bot.context.model;
    const outside = listedIds(callback.data).filter((id) => !withinLimits(catalog.indexOfId(id)));
    expect(outside.length).toBeGreaterThan(0);
    expect(callback.data?.embeds?.[0]?.fields ?? []).toEqual([]);
  });
});

describe('limits on /similar-vibe', () => {
  it('GIVEN sliders and limits WHEN run and nudged THEN every song meets every limit, the limits are shown and kept', async () => {
    const { callback, message } = await vibe({ valence: 0.5, count: 10, limits: LIMITS });
    const ids = listedIds(callback.data);
    expect(ids).toHaveLength(10);
    expect(callback.data?.embeds?.[0]?.fields?.[0]?.value).toBe(
      'tempo 90 BPM to 170 BPM, energy at least 0.40, speechiness at most 0.30',
    );
    const plus = componentsOf(callback.data).find((c) => c.label === '+ valence')!;
    expect(plus.custom_id).toMatch(/^tune:1:\w+:v\+$/);
    const { callback: nudged } = await press(t, message, plus.custom_id!, OWNER);
    expect(nudged.type).toBe(7);
    expect(nudged.data?.embeds?.[0]?.description).toMatch(/valence\s+█{6}░{4} 0\.60/);
    expect(nudged.data?.embeds?.[0]?.fields?.[0]?.value).toMatch(/^tempo 90 BPM to 170 BPM/);
    const playlist = await playlistIds(
      message,
      componentWith(nudged.data, 'take').custom_id!,
      OWNER,
    );
    for (const id of [...ids, ...listedIds(nudged.data), ...playlist]) expectWithinLimits(id);
  });

  it('GIVEN limits and no slider WHEN run THEN songs within the limits, no bars', async () => {
    const { callback } = await vibe({ limits: LIMITS });
    const ids = listedIds(callback.data);
    expect(ids).toHaveLength(5);
    for (const id of ids) expectWithinLimits(id);
    expect(callback.data?.embeds?.[0]?.description).not.toMatch(/```/);
  });

  it("GIVEN someone else's vibe with limits WHEN they nudge it THEN a private message and the vibe is unchanged", async () => {
    const { callback, message } = await vibe({ energy: 0.7, limits: LIMITS });
    const plus = componentsOf(callback.data).find((c) => c.label === '+ energy')!;
    const { callback: refused } = await press(t, message, plus.custom_id!, OTHER);
    expect(refused.data?.flags).toBe(64);
    expect(refused.data?.content).toMatch(/Only the person who asked/);
  });

  it.each([
    ['an unknown chain', 'tune:1:Zz9Zz9Zz:e+'],
    ['a slider the vibe does not set', (id: string) => id.replace(/:e\+$/, ':d+')],
    ['a move that is not one', (id: string) => id.replace(/:e\+$/, ':e*')],
    ['a chain id with a separator', (id: string) => `${id}:extra`],
  ])(
    'GIVEN a forged nudge id (%s) WHEN pressed THEN a private "expired" message',
    async (_n, forge) => {
      const { callback, message } = await vibe({ energy: 0.7, limits: LIMITS });
      const plus = componentsOf(callback.data).find((c) => c.label === '+ energy')!;
      const id = typeof forge === 'string' ? forge : forge(plus.custom_id!);
      const { callback: refused } = await press(t, message, id, OWNER);
      expect(refused.data?.flags).toBe(64);
      expect(refused.data?.content).toMatch(/expired|not one of mine/);
    },
  );
});

describe('limits that cannot be read', () => {
  it.each([
    ['tempo fast', /`limits`: Cannot read the limit "tempo fast"/],
    ['energy > 0.5, colour < 3', /`limits`: "colour" in "colour < 3" is not a feature I know/],
    ['energy 2-3', /`limits`: A energy limit must be from 0 to 1, got 2/],
    ['tempo > 130, tempo < 120', /`limits`: no song has tempo at least 130 and at most 120/],
    ['duration > 3', /`limits`: "duration" in "duration > 3" is not a feature I know/],
  ])(
    'GIVEN limits "%s" WHEN /recommend and /similar-vibe run THEN a private message names the part',
    async (limits, message) => {
      const { callback } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0], limits }, OWNER);
      expect(callback.data?.flags).toBe(64);
      expect(callback.data?.content).toMatch(message);
      const { callback: vibed } = await vibe({ energy: 0.5, limits });
      expect(vibed.data?.flags).toBe(64);
      expect(vibed.data?.content).toMatch(message);
    },
  );

  it('GIVEN limits no song meets WHEN /recommend runs THEN the reply says none match', async () => {
    const { callback } = await recommend(
      t,
      { song: SHAPE_OF_YOU_IDS[0], limits: 'tempo 219-220' },
      OWNER,
    );
    expect(listedIds(callback.data)).toEqual([]);
    expect(callback.data?.embeds?.[0]?.description).toBe(
      'No tracks match these filters and limits.',
    );
  });

  it('GIVEN limits longer than the option allows (a forged payload) WHEN /recommend runs THEN a private message', async () => {
    const { callback } = await recommend(
      t,
      { song: SHAPE_OF_YOU_IDS[0], limits: 'energy > 0.5, '.repeat(40) },
      OWNER,
    );
    expect(callback.data?.flags).toBe(64);
    expect(callback.data?.content).toMatch(/limits/);
  });
});
