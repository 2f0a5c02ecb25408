import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngSize } from '../helpers/pngHeader.ts';
import { startTestBot, type TestBot } from './botHarness.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

type Button = { type: number; custom_id: string; label: string };
const buttons = (data: { components?: unknown[] } | undefined) =>
  (data?.components ?? [])
    .flatMap((row) => (row as { components: Button[] }).components)
    .filter((c) => c.type === 2);

describe('/similar-vibe', () => {
  it('GIVEN energy and tempo sliders WHEN run THEN the reply shows the vibe as bars and five tracks', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'similar-vibe', options: { energy: 0.9, tempo: 128 } }),
    );
    const { data } = await reply.callback;
    const description = data?.embeds?.[0]?.description ?? '';
    expect(description).toMatch(/energy\s+█{9}░ 0\.90/);
    expect(description).toMatch(/tempo\s+█+░+ 128 BPM/);
    expect(description.match(/open\.spotify\.com\/track\//g)).toHaveLength(5);
    expect(buttons(data).map((b) => b.label)).toEqual([
      '− energy',
      '+ energy',
      '− tempo',
      '+ tempo',
      'Send me a playlist',
    ]);
  });

  it('GIVEN a vibe WHEN answered THEN the requested-vs-results radar PNG is attached and shown', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'similar-vibe', options: { energy: 0.9, tempo: 128 } }),
    );
    // The text answers at once; the chart follows as an edit of the same message.
    const { data } = await reply.callback;
    expect(data?.embeds?.[0]?.image).toBeUndefined();
    const edit = await reply.waitForEdit((e) => e.files.length > 0);
    expect(edit.files.map((f) => f.name)).toEqual(['vibe.png']);
    expect(pngSize(edit.files[0]!.data)).toEqual({ width: 600, height: 440 });
    expect(edit.body.embeds?.[0]?.image?.url).toBe('attachment://vibe.png');
    expect(edit.body.embeds?.[0]?.description).toBe(data?.embeds?.[0]?.description);
  });

  it('GIVEN a vibe reply WHEN "+ tempo" is pressed THEN the message is edited in place with tempo 138', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'similar-vibe', options: { energy: 0.9, tempo: 128 } }),
    );
    const { data } = await reply.callback;
    const plus = buttons(data).find((b) => b.label === '+ tempo')!;
    for (const id of buttons(data).map((b) => b.custom_id))
      expect(id.length).toBeLessThanOrEqual(100);
    const click = await t.discord.sendInteraction(
      t.discord.build.button({ customId: plus.custom_id, message: reply.message()! }),
    );
    const edited = await click.callback;
    expect(edited.type).toBe(7);
    // The new chart replaces the old one: the edited message keeps exactly one attachment.
    await click.waitForEdit((e) => e.files.length > 0);
    expect(click.message()?.attachments.map((a) => a.filename)).toEqual(['vibe.png']);
    expect(edited.data?.embeds?.[0]?.description).toMatch(/tempo\s+█+░+ 138 BPM/);
  });

  it('GIVEN no slider WHEN run THEN an ephemeral hint asks for one', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'similar-vibe' }),
    );
    const { data } = await reply.callback;
    expect(data?.flags).toBe(64);
    expect(data?.content).toMatch(/Set at least one slider/);
  });

  it('GIVEN a genre being typed WHEN autocompleting THEN matching genres are offered', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.autocomplete({ name: 'similar-vibe', focused: 'genre', value: 'ro' }),
    );
    const { data } = await reply.callback;
    expect((data as { choices: { value: string }[] }).choices.map((c) => c.value)).toContain(
      'rock',
    );
  });

  it('GIVEN a genre WHEN run THEN every track listed is of that genre', async () => {
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({ name: 'similar-vibe', options: { valence: 0.2, genre: 'jazz' } }),
    );
    const description = (await reply.callback).data?.embeds?.[0]?.description ?? '';
    const genreLines = description.split('\n').filter((line) => line.includes('% similar'));
    expect(genreLines).toHaveLength(5);
    for (const line of genreLines) expect(line).toMatch(/ · jazz · /);
  });
});
