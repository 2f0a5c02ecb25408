// /retrain when training misbehaves: killed mid-run, past its time limit, a garbage progress
// stream, a crash. The old model serves on, the lock is released, the admin is told, and the next
// retrain works.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ID, startTestBot, type TestBot } from '../bot/botHarness.ts';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { Retrainer } from '../../src/bot/retrain/retrainer.ts';
import { runTrainingProcess, TrainingFailedError } from '../../src/bot/retrain/trainingProcess.ts';
import { logLines } from './interactions.ts';
import { capturedOutput, placesWithToken } from './tokenScan.ts';

const FAKE_TRAINING = fileURLToPath(new URL('./fixtures/fakeTraining.ts', import.meta.url));

let t: TestBot;
let realRetrainer: Retrainer;
beforeAll(async () => {
  t = await startTestBot({ RETRAIN_TIMEOUT_SECONDS: '2' });
  realRetrainer = t.bot.context.retrainer;
});
afterAll(() => t?.close());

/** Makes the bot's retrains run the fake training script with this fault. */
function trainWithFault(fault: string): void {
  t.bot.context.retrainer = new Retrainer(
    (line) =>
      t.bot.context.logger.warn({ line: line.slice(0, 200) }, 'training printed a non-JSON line'),
    (options) =>
      runTrainingProcess({
        ...options,
        entry: FAKE_TRAINING,
        args: [...options.args, '--fault', fault],
      }),
  );
}

const retrain = () =>
  t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'retrain', userId: ADMIN_ID, admin: true }),
  );
const servedRun = async () => {
  const reply = await t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
  );
  return (await reply.callback).data?.embeds?.[0]?.footer?.text ?? '';
};

const FAULTS: [string, RegExp][] = [
  ['kill', /killed \(SIGKILL\)/],
  ['hang', /longer than the 2 s allowed/],
  ['garbage', /reported run a-run-that-was-never-published, but it is not the active run/],
  ['crash', /Error: the training script blew up \(exit code 1\)/],
];

describe('/retrain under fault', () => {
  it.each(FAULTS)(
    'GIVEN training that does "%s" WHEN an admin retrains THEN they are told why, the old model serves on and the lock is free',
    async (fault, why) => {
      const before = t.bot.context.model.run.id;
      trainWithFault(fault);
      // Only "hang" is meant to time out; on a loaded machine the other scripts can take over 2 s
      // just to start, which would turn their own failure into a timeout.
      t.bot.context.config.retrainTimeoutSeconds = fault === 'hang' ? 2 : 60;
      const reply = await retrain();
      const final = await reply.waitForEdit(
        (e) => /Retraining failed/.test(String(e.body.content)),
        20_000,
      );
      expect(final.body.content).toMatch(why);
      expect(final.body.content).toContain(`The previous model (\`${before}\`) keeps serving`);
      expect(t.bot.context.model.run.id).toBe(before);
      expect(await servedRun()).toContain(before);
      expect(t.bot.context.retrainer.current).toBeUndefined();
    },
  );

  it('GIVEN training failing with a 3,000-character message WHEN the admin is told THEN the reply fits Discord and still says the old model serves on', async () => {
    const before = t.bot.context.model.run.id;
    t.bot.context.retrainer = new Retrainer(
      () => {},
      () => Promise.reject(new TrainingFailedError(`bad row ${'x'.repeat(3000)} at the end`)),
    );
    const final = await (
      await retrain()
    ).waitForEdit((e) => /Retraining failed/.test(String(e.body.content)));
    const text = String(final.body.content);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(/^Retraining failed: bad row x+…\n/);
    expect(text.endsWith(`\nThe previous model (\`${before}\`) keeps serving.`)).toBe(true);
  });

  it('GIVEN a garbage progress stream WHEN it was read THEN at most a few lines were logged', () => {
    const logged = logLines(t.logs(), /training printed a non-JSON line/);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.length).toBeLessThanOrEqual(6);
  });

  it('GIVEN those failures WHEN an admin retrains with the real training THEN the new model swaps in', async () => {
    t.bot.context.retrainer = realRetrainer;
    t.bot.context.config.retrainTimeoutSeconds = 120;
    const before = t.bot.context.model.run.id;
    const reply = await retrain();
    const final = await reply.waitForEdit((e) => (e.body.embeds?.length ?? 0) > 0, 90_000);
    expect(final.body.embeds?.[0]?.title).toBe('Retrained: the new model is live');
    expect(t.bot.context.model.run.id).not.toBe(before);
    expect(await servedRun()).toContain(t.bot.context.model.run.id);
  }, 120_000);

  it('GIVEN all of the above WHEN logs and replies are searched THEN no unexpected error and no token', () => {
    expect(logLines(t.logs(), /interaction failed/)).toEqual([]);
    expect(placesWithToken(t.discord.token, capturedOutput(t))).toEqual([]);
  });
});
