// The core end-to-end scenarios, run once over the gateway and once with Discord POSTing signed
// interactions to the bot's HTTP endpoint: the same answers, buttons, menus and charts either way.
// (NEXTBEAT_TEST_MODE=http runs every test under tests/bot in HTTP mode too.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { startTestBot, type TestBot } from '../bot/botHarness.ts';
import type { InteractionReply } from '../fakeDiscord/index.ts';
import { pngSize } from '../helpers/pngHeader.ts';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';

type Component = { type: number; custom_id: string; label?: string; options?: { value: string }[] };
const components = (message: { components?: unknown[] } | undefined) =>
  (message?.components ?? []).flatMap((row) => (row as { components: Component[] }).components);
const trackLinks = (text: string | undefined) =>
  [...(text ?? '').matchAll(/open\.spotify\.com\/track\/(\w+)/g)].map((m) => m[1]);

describe.each(['gateway', 'http'] as const)('in %s mode', (mode) => {
  let t: TestBot;
  const replies: InteractionReply[] = [];
  beforeAll(async () => {
    t = await startTestBot({ NEXTBEAT_MODE: mode });
  }, 60_000);
  afterAll(() => t?.close());

  // Sends an interaction and keeps its reply, so the last test can check how each POST was answered.
  async function send(payload: Parameters<TestBot['discord']['sendInteraction']>[0]) {
    const reply = await t.discord.sendInteraction(payload);
    replies.push(reply);
    return reply;
  }
  const recommend = () =>
    send(t.discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }));

  it('GIVEN /recommend WHEN answered THEN five tracks with buttons and a menu, and the radar chart follows as an edit', async () => {
    const reply = await recommend();
    const { type, data } = await reply.callback;
    expect(type).toBe(4);
    expect(data?.embeds?.[0]?.title).toBe(
      "If you like Shape of You - Ed Sheeran, you'll like these 5",
    );
    expect(trackLinks(data?.embeds?.[0]?.description)).toHaveLength(5);
    expect(data?.components).toHaveLength(3);
    const edit = await reply.waitForEdit((e) => e.files.length > 0, 15_000);
    expect(edit.files.map((f) => f.name)).toEqual(['recommendations.png']);
    expect(pngSize(edit.files[0]!.data)).toEqual({ width: 600, height: 440 });
  });

  it('GIVEN a /recommend reply WHEN "More like this" is pressed and then a track is picked from the menu THEN the next five, then a list from that track', async () => {
    const first = await recommend();
    const firstData = (await first.callback).data;
    const more = components(firstData).find((c) => c.type === 2)!;
    const click = await send(
      t.discord.build.button({ customId: more.custom_id, message: first.message()! }),
    );
    const page = await click.callback;
    expect(page.type).toBe(7);
    expect(page.data?.embeds?.[0]?.footer?.text).toMatch(/results 6-10/);
    // Each page's chart follows as an edit; waited for, so no chart is left drawing.
    await click.waitForEdit((e) => e.files.length > 0, 15_000);
    const menu = components(firstData).find((c) => c.type === 3)!;
    const picked = menu.options![2]!.value;
    const select = await send(
      t.discord.build.select({
        customId: menu.custom_id,
        values: [picked],
        message: first.message() as APIMessage,
      }),
    );
    const answer = (await select.callback).data;
    expect(answer?.embeds?.[0]?.title).toMatch(/^If you like Song /);
    expect(trackLinks(answer?.embeds?.[0]?.description)).not.toContain(picked);
    await select.waitForEdit((e) => e.files.length > 0, 15_000);
  });

  it('GIVEN typed text WHEN autocompleting THEN Shape of You is the first choice', async () => {
    const reply = await send(
      t.discord.build.autocomplete({ name: 'recommend', focused: 'song', value: 'shap of yuo' }),
    );
    const { type, data } = await reply.callback;
    expect(type).toBe(8);
    expect(data?.choices?.[0]?.name).toBe('Shape of You - Ed Sheeran');
  });

  it('GIVEN /similar-vibe WHEN "+ tempo" is pressed THEN the message is edited in place with its new chart', async () => {
    const reply = await send(
      t.discord.build.chatInput({ name: 'similar-vibe', options: { energy: 0.9, tempo: 128 } }),
    );
    const { data } = await reply.callback;
    expect(data?.embeds?.[0]?.description).toMatch(/tempo\s+█+░+ 128 BPM/);
    await reply.waitForEdit((e) => e.files.length > 0, 15_000);
    const plus = components(data).find((c) => c.label === '+ tempo')!;
    const click = await send(
      t.discord.build.button({ customId: plus.custom_id, message: reply.message()! }),
    );
    const edited = await click.callback;
    expect(edited.type).toBe(7);
    expect(edited.data?.embeds?.[0]?.description).toMatch(/tempo\s+█+░+ 138 BPM/);
    await click.waitForEdit((e) => e.files.length > 0, 15_000);
    expect(click.message()?.attachments.map((a) => a.filename)).toEqual(['vibe.png']);
  });

  it('GIVEN /about WHEN run THEN the served run and track count', async () => {
    const reply = await send(t.discord.build.chatInput({ name: 'about' }));
    const fields = (await reply.callback).data?.embeds?.[0]?.fields ?? [];
    expect(fields.find((f) => f.name === 'Model run')?.value).toBe(
      `\`${t.bot.context.model.run.id}\``,
    );
    expect(fields.find((f) => f.name === 'Tracks')?.value).toBe('362');
  });

  it('GIVEN an unknown song and a forged button WHEN sent THEN each gets a private message', async () => {
    const unknown = await send(
      t.discord.build.chatInput({ name: 'recommend', options: { song: 'zzzz qqqq xxxx' } }),
    );
    const { data } = await unknown.callback;
    expect(data?.flags).toBe(64);
    expect(data?.content).toMatch(/No song matches "zzzz qqqq xxxx"/);
    const first = await recommend();
    await first.callback;
    await first.waitForEdit((e) => e.files.length > 0, 15_000);
    const forged = await send(
      t.discord.build.button({ customId: 'more:1:nope:x', message: first.message()! }),
    );
    expect((await forged.callback).data?.content).toMatch(/expired/);
  });

  it('GIVEN every interaction above WHEN the transport is checked THEN each was answered once, over the gateway or with 202 to its signed POST', async () => {
    expect(replies.length).toBeGreaterThanOrEqual(11);
    expect(t.discord.acks).toMatchObject({ duplicates: 0, late: 0 });
    expect(t.discord.unhandled).toEqual([]);
    const statuses = await Promise.all(replies.map((r) => r.endpointResponse));
    if (mode === 'http') {
      expect(new Set(statuses.map((s) => s?.status))).toEqual(new Set([202]));
      expect(t.discord.gatewayConnections.opened).toBe(0);
    } else {
      expect(statuses.every((s) => s === undefined)).toBe(true);
      expect(t.discord.gatewayConnections.opened).toBe(1);
    }
  });
});
