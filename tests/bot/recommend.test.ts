import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { pngSize } from '../helpers/pngHeader.ts';
import { startTestBot, type TestBot } from './botHarness.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

const trackLinks = (text: string) =>
  [...text.matchAll(/open\.spotify\.com\/track\/(\w+)/g)].map((m) => m[1]);

describe('/recommend', () => {
  it('GIVEN a song picked from autocomplete WHEN /recommend runs THEN the embed lists five other tracks with links', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
    );
    const { type, data } = await reply.callback;
    expect(type).toBe(4);
    const embed = data?.embeds?.[0];
    expect(embed?.title).toBe("If you like Shape of You - Ed Sheeran, you'll like these 5");
    const links = trackLinks(embed?.description ?? '');
    expect(links).toHaveLength(5);
    expect(new Set(links).size).toBe(5);
    for (const id of SHAPE_OF_YOU_IDS) expect(links).not.toContain(id);
    expect(embed?.description).toMatch(/% similar/);
    // More like this + playlist, "Recommend from one of these", "Rate these".
    expect(data?.components).toHaveLength(3);
    expect(t.discord.unhandled).toEqual([]);
  });

  it('GIVEN a recommendation WHEN it is sent THEN a 600x440 radar PNG is attached and shown as the embed image', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
    );
    // The text answers at once; the chart follows as an edit of the same message.
    const { data } = await reply.callback;
    expect(data?.embeds?.[0]?.image).toBeUndefined();
    const edit = await reply.waitForEdit((e) => e.files.length > 0);
    expect(edit.files.map((f) => f.name)).toEqual(['recommendations.png']);
    expect(pngSize(edit.files[0]!.data)).toEqual({ width: 600, height: 440 });
    expect(edit.body.embeds?.[0]?.image?.url).toBe('attachment://recommendations.png');
    expect(edit.body.embeds?.[0]?.description).toBe(data?.embeds?.[0]?.description);
  });

  it('GIVEN typed text WHEN autocompleting THEN at most 25 choices whose values are track ids', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.autocomplete({ name: 'recommend', focused: 'song', value: 'shap of yuo' }),
    );
    const { type, data } = await reply.callback;
    expect(type).toBe(8);
    const choices = (data as { choices: { name: string; value: string }[] }).choices;
    expect(choices[0]).toEqual({ name: 'Shape of You - Ed Sheeran', value: expect.any(String) });
    expect(SHAPE_OF_YOU_IDS).toContain(choices[0]?.value);
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('GIVEN an unknown song WHEN /recommend runs THEN an ephemeral message says so', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'recommend', options: { song: 'zzzz qqqq xxxx' } }),
    );
    const { data } = await reply.callback;
    expect(data?.flags).toBe(64);
    expect(data?.content).toMatch(/No song matches "zzzz qqqq xxxx"/);
  });

  it('GIVEN a reply WHEN "More like this" is pressed THEN the message shows the next five, none repeated', async () => {
    const first = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
    );
    const firstData = (await first.callback).data;
    const firstLinks = trackLinks(firstData?.embeds?.[0]?.description ?? '');
    const more = firstData?.components?.[0] as { components: { custom_id: string }[] };
    const click = await t.discord.sendInteraction(
      t.discord.build.button({
        customId: more.components[0]!.custom_id,
        message: first.message()!,
      }),
    );
    const { type, data } = await click.callback;
    expect(type).toBe(7);
    const nextLinks = trackLinks(data?.embeds?.[0]?.description ?? '');
    expect(nextLinks).toHaveLength(5);
    expect(nextLinks.filter((id) => firstLinks.includes(id))).toEqual([]);
    expect(data?.embeds?.[0]?.footer?.text).toMatch(/results 6-10/);
  });

  it('GIVEN a reply WHEN a track is picked from the menu THEN a new list recommends from that track', async () => {
    const first = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
    );
    const data = (await first.callback).data;
    const menu = (
      data?.components?.[1] as { components: { custom_id: string; options: { value: string }[] }[] }
    ).components[0]!;
    const picked = menu.options[2]!.value;
    const select = await t.discord.sendInteraction(
      t.discord.build.select({
        customId: menu.custom_id,
        values: [picked],
        message: first.message()!,
      }),
    );
    const answer = (await select.callback).data;
    expect(answer?.embeds?.[0]?.title).toMatch(/^If you like Song /);
    expect(trackLinks(answer?.embeds?.[0]?.description ?? '')).not.toContain(picked);
  });

  it('GIVEN a forged custom id WHEN pressed THEN a polite ephemeral message, nothing thrown', async () => {
    const first = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
    );
    await first.callback;
    const click = await t.discord.sendInteraction(
      t.discord.build.button({ customId: 'more:1:nope:x', message: first.message()! }),
    );
    const { data } = await click.callback;
    expect(data?.flags).toBe(64);
    expect(data?.content).toMatch(/expired/);
  });
});
