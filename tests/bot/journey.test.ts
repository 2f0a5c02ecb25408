import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_COLOURS } from '../../src/charts/renderJourneyMap.ts';
import { countColour, pngPixels } from '../charts/pngImage.ts';
import { pngSize } from '../helpers/pngHeader.ts';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { startTestBot, type TestBot } from './botHarness.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

const trackLinks = (text: string) =>
  [...text.matchAll(/open\.spotify\.com\/track\/(\w+)/g)].map((m) => m[1]);

/** A track id of the test catalog other than Shape of You: the first recommendation's. */
async function anotherTrack(): Promise<string> {
  const reply = await t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
  );
  return trackLinks((await reply.callback).data?.embeds?.[0]?.description ?? '')[0] as string;
}

describe('/journey', () => {
  it('GIVEN two songs WHEN /journey runs THEN the playlist starts and ends on them, with no repeats', async () => {
    const to = await anotherTrack();
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({
        name: 'journey',
        options: { from: SHAPE_OF_YOU_IDS[0], to, stops: 7 },
      }),
    );
    const embed = (await reply.callback).data?.embeds?.[0];
    const links = trackLinks(embed?.description ?? '');
    expect(links).toHaveLength(7);
    expect(links[0]).toBe(SHAPE_OF_YOU_IDS[0]);
    expect(links.at(-1)).toBe(to);
    expect(new Set(links).size).toBe(7);
    expect(links.slice(1, -1)).not.toContain(SHAPE_OF_YOU_IDS[1]);
    expect(embed?.description).toMatch(/% like the one before/);
    expect(t.discord.unhandled).toEqual([]);
  });

  it('GIVEN a journey WHEN its chart follows THEN the latent map shows the path with both ends marked', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({
        name: 'journey',
        options: { from: SHAPE_OF_YOU_IDS[0], to: await anotherTrack(), stops: 6 },
      }),
    );
    const { data } = await reply.callback;
    expect(data?.embeds?.[0]?.image).toBeUndefined(); // the text does not wait for the picture
    const edit = await reply.waitForEdit((e) => e.files.length > 0, 15_000);
    expect(edit.files.map((f) => f.name)).toEqual(['journey.png']);
    expect(pngSize(edit.files[0]!.data)).toEqual({ width: 1000, height: 520 });
    expect(edit.body.embeds?.[0]?.image?.url).toBe('attachment://journey.png');
    const pixels = await pngPixels(edit.files[0]!.data);
    // Each end: a marker in each of the two panels and one in the legend.
    expect(countColour(pixels, JOURNEY_COLOURS.start, 12)).toBeGreaterThan(300);
    expect(countColour(pixels, JOURNEY_COLOURS.end, 12)).toBeGreaterThan(300);
  });

  it('GIVEN the same song at both ends WHEN /journey runs THEN a private message asks for two songs', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({
        name: 'journey',
        options: { from: SHAPE_OF_YOU_IDS[0], to: SHAPE_OF_YOU_IDS[1] },
      }),
    );
    const { data } = await reply.callback;
    expect(data?.flags).toBe(64);
    expect(data?.content).toMatch(/two different songs/);
  });

  it('GIVEN an unknown song or stops out of range WHEN /journey runs THEN a private message says why', async () => {
    const unknown = await t.discord.sendInteraction(
      t.discord.build.chatInput({
        name: 'journey',
        options: { from: 'zzzz qqqq xxxx', to: SHAPE_OF_YOU_IDS[0] },
      }),
    );
    expect((await unknown.callback).data?.content).toMatch(/No song matches "zzzz qqqq xxxx"/);
    const forged = await t.discord.sendInteraction(
      t.discord.build.chatInput({
        name: 'journey',
        options: [
          { name: 'from', type: 3, value: SHAPE_OF_YOU_IDS[0] },
          { name: 'to', type: 3, value: await anotherTrack() },
          { name: 'stops', type: 4, value: 99 },
        ],
      }),
    );
    const { data } = await forged.callback;
    expect(data?.flags).toBe(64);
    expect(data?.content).toMatch(/stops.*5/);
  });

  it('GIVEN typed text WHEN autocompleting either end THEN song choices come back', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.autocomplete({ name: 'journey', focused: 'to', value: 'shape of' }),
    );
    const choices = ((await reply.callback).data as { choices: { value: string }[] }).choices;
    expect(SHAPE_OF_YOU_IDS).toContain(choices[0]?.value);
  });
});
