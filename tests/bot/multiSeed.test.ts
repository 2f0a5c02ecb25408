// /recommend with several songs: the reply names them, each result names the seed it is near,
// the chart draws each seed in its own colour, and mistakes name the option at fault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_COLOURS } from '../../src/bot/featureCharts.ts';
import { countColour, pngPixels } from '../charts/pngImage.ts';
import { fakeTrackId, SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { startTestBot, type TestBot } from './botHarness.ts';
import { componentWith, listedIds, recommend } from './listHelpers.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

const CLASSICAL = fakeTrackId(125); // "Song classical 5"
const EDM = fakeTrackId(190); // "Song edm 10"

describe('/recommend with several songs', () => {
  it('GIVEN three songs (one as a Spotify link) WHEN /recommend runs THEN the title names them and each result names the seed it is near', async () => {
    const { callback } = await recommend(t, {
      song: SHAPE_OF_YOU_IDS[0],
      song2: CLASSICAL,
      song3: `https://open.spotify.com/track/${EDM}?si=abc`,
      count: 6,
    });
    const embed = callback.data?.embeds?.[0];
    expect(embed?.title).toBe(
      "If you like Shape of You, Song classical 5 and Song edm 10, you'll like these 6",
    );
    const nearLines = (embed?.description ?? '').match(/% similar to [^\n]+/g) ?? [];
    expect(nearLines).toHaveLength(6);
    // Far-apart seeds take turns: each keeps results near it.
    for (const seed of ['Shape of You', 'Song classical 5', 'Song edm 10']) {
      expect(nearLines.filter((line) => line.endsWith(`similar to ${seed}`))).toHaveLength(2);
    }
    const ids = listedIds(callback.data);
    expect(ids).toHaveLength(6);
    for (const seed of [...SHAPE_OF_YOU_IDS, CLASSICAL, EDM]) expect(ids).not.toContain(seed);
  });

  it('GIVEN two songs WHEN the chart follows THEN each seed is outlined in its own colour', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({
        name: 'recommend',
        options: { song: SHAPE_OF_YOU_IDS[0], song2: CLASSICAL },
      }),
    );
    await reply.callback;
    const edit = await reply.waitForEdit((e) => e.files.length > 0, 15_000);
    const pixels = await pngPixels(edit.files[0]!.data);
    expect(countColour(pixels, SEED_COLOURS[0], 20)).toBeGreaterThan(100);
    expect(countColour(pixels, SEED_COLOURS[1], 20)).toBeGreaterThan(100);
    // A third colour is not drawn for a list of two seeds.
    expect(countColour(pixels, SEED_COLOURS[2], 20)).toBeLessThan(20);
  });

  it('GIVEN both releases of one song WHEN /recommend runs THEN a private message names the two options', async () => {
    const { callback } = await recommend(t, {
      song: SHAPE_OF_YOU_IDS[0],
      song3: SHAPE_OF_YOU_IDS[1],
    });
    expect(callback.data?.flags).toBe(64);
    expect(callback.data?.content).toBe(
      '`song` and `song3` are the same song (Shape of You - Ed Sheeran): pick different songs.',
    );
  });

  it('GIVEN the same song typed twice WHEN /recommend runs THEN the same message', async () => {
    const { callback } = await recommend(t, { song: 'Shape of You', song2: 'shape of you' });
    expect(callback.data?.content).toMatch(/^`song` and `song2` are the same song/);
  });

  it('GIVEN an unknown second song WHEN /recommend runs THEN a private message names song2', async () => {
    const { callback } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0], song2: 'zzzz qqqq xxxx' });
    expect(callback.data?.flags).toBe(64);
    expect(callback.data?.content).toMatch(/^`song2`: No song matches "zzzz qqqq xxxx"/);
  });

  it('GIVEN song2 being typed WHEN autocompleting THEN titles are offered as for song', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.autocomplete({ name: 'recommend', focused: 'song4', value: 'shap of yuo' }),
    );
    const choices = ((await reply.callback).data as { choices: { name: string; value: string }[] })
      .choices;
    expect(choices[0]?.name).toBe('Shape of You - Ed Sheeran');
    expect(SHAPE_OF_YOU_IDS).toContain(choices[0]?.value);
  });

  it('GIVEN a several-song list WHEN "More like this" is pressed THEN the next page names seeds and repeats nothing', async () => {
    const { callback, message } = await recommend(t, { song: SHAPE_OF_YOU_IDS[0], song2: EDM });
    const more = componentWith(callback.data, 'next');
    const click = await t.discord.sendInteraction(
      t.discord.build.button({ customId: more.custom_id!, message }),
    );
    const { data } = await click.callback;
    expect(data?.embeds?.[0]?.title).toMatch(/^If you like Shape of You and Song edm 10/);
    expect(data?.embeds?.[0]?.footer?.text).toMatch(/results 6-10/);
    const first = listedIds(callback.data);
    expect(listedIds(data).filter((id) => first.includes(id))).toEqual([]);
  });
});
