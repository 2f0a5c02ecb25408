// /retrain with a broken CSV attached: a clear error naming the file (and line when there is one),
// the previous model keeps serving, the upload is not kept, and the lock is released.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ID, startTestBot, type TestBot } from '../bot/botHarness.ts';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { BAD_CSVS } from './badCsvFiles.ts';
import { logLines } from './interactions.ts';
import { capturedOutput, placesWithToken } from './tokenScan.ts';

let t: TestBot;
let servingRun: string;
beforeAll(async () => {
  t = await startTestBot();
  servingRun = t.bot.context.model.run.id;
});
afterAll(() => t?.close());

const retrainWith = (file: string, data: Buffer) =>
  t.discord.sendInteraction(
    t.discord.build.chatInput({
      name: 'retrain',
      userId: ADMIN_ID,
      admin: true,
      options: { csv: { name: file, data } },
    }),
  );
const recommendStillWorks = async () => {
  const reply = await t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
  );
  return (await reply.callback).data?.embeds?.[0]?.footer?.text ?? '';
};
const uploads = () => {
  const dir = join(dirname(t.model.dataPath), 'uploads');
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('/retrain with a broken CSV', () => {
  it.each(BAD_CSVS)(
    'GIVEN $name WHEN an admin retrains on it THEN the reply names the file and the problem, and the old model serves on',
    async ({ file, data, says, namesLine }) => {
      const reply = await retrainWith(file, data);
      const final = await reply.waitForEdit(
        (e) => /Retraining failed/.test(String(e.body.content)),
        60_000,
      );
      const text = String(final.body.content);
      expect(text).toContain(`"${file}"`);
      expect(text).toMatch(says);
      if (namesLine) expect(text).toMatch(/line \d+/);
      expect(text).toContain(`The previous model (\`${servingRun}\`) keeps serving`);
      expect(t.bot.context.model.run.id).toBe(servingRun);
      expect(await recommendStillWorks()).toContain(servingRun);
      expect(t.bot.context.retrainer.current).toBeUndefined();
      expect(uploads()).toEqual([]);
    },
  );

  it('GIVEN a file that is not a .csv WHEN an admin retrains on it THEN a polite refusal, nothing crashes', async () => {
    const reply = await retrainWith('tracks.txt', Buffer.from('hello'));
    const final = await reply.waitForEdit((e) => /not a \.csv file/.test(String(e.body.content)));
    expect(final.body.content).toContain('"tracks.txt"');
    expect(t.bot.context.retrainer.current).toBeUndefined();
    expect(await recommendStillWorks()).toContain(servingRun);
  });

  it('GIVEN every broken file WHEN logs and replies are searched THEN no unexpected error and no token', () => {
    expect(logLines(t.logs(), /interaction failed/)).toEqual([]);
    expect(t.discord.acks.duplicates).toBe(0);
    expect(placesWithToken(t.discord.token, capturedOutput(t))).toEqual([]);
  });
});
