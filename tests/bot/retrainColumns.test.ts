// /retrain's columns option: a CSV whose names nothing recognises trains when mapped; a bad mapping
// is refused before anything starts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../data/tempFiles.ts';
import { ADMIN_ID, startTestBot, type TestBot } from './botHarness.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

const customNames = readFileSync(join(FIXTURES, 'layouts', 'custom-names.csv'));
const retrain = (columns: string) =>
  t.discord.sendInteraction(
    t.discord.build.chatInput({
      name: 'retrain',
      userId: ADMIN_ID,
      admin: true,
      options: { epochs: 2, columns, csv: { name: 'my_songs.csv', data: customNames } },
    }),
  );

describe('/retrain columns', () => {
  it('GIVEN an unknown field in columns WHEN an admin retrains THEN refused at once, naming it, and nothing starts', async () => {
    const runBefore = t.bot.context.model.run.id;
    const reply = await retrain('title=piece,singer=artist');

    const { data } = await reply.callback;
    expect(data?.flags).toBe(64);
    expect(data?.content).toContain(
      "The columns option cannot be used: unknown field 'singer'; fields are id, title, artists",
    );
    expect(t.bot.context.retrainer.current).toBeUndefined();
    expect(t.bot.context.model.run.id).toBe(runBefore);
  });

  it('GIVEN a CSV with its own names and a mapping WHEN an admin retrains THEN the new model serves its songs', async () => {
    const runBefore = t.bot.context.model.run.id;
    const reply = await retrain('title=piece,artists=singer,genres=mood,tempo=speed');

    expect((await reply.callback).type).toBe(5);
    const final = await reply.waitForEdit(
      (e) => (e.body.embeds?.length ?? 0) > 0 || /Retraining failed/.test(String(e.body.content)),
      90_000,
    );
    expect(final.body.content ?? '').not.toMatch(/Retraining failed/);
    expect(final.body.embeds?.[0]?.title).toBe('Retrained: the new model is live');
    expect(t.bot.context.model.run.id).not.toBe(runBefore);
    expect(t.bot.context.model.catalog.size).toBe(6);
  });
});
