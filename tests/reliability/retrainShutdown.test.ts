// Shutting the bot down during /retrain: the training process is stopped with it, the admin is
// told why, and nothing is left running.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { ADMIN_ID, startTestBot } from '../bot/botHarness.ts';
import { Retrainer } from '../../src/bot/retrain/retrainer.ts';
import { runTrainingProcess } from '../../src/bot/retrain/trainingProcess.ts';

const FAKE_TRAINING = fileURLToPath(new URL('./fixtures/fakeTraining.ts', import.meta.url));

/** Processes whose command line holds `marker`. */
function processesWith(marker: string): string[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false; // ended while we looked
      }
    });
}

it('GIVEN a retrain in progress WHEN the bot shuts down THEN training stops too and the admin is told why', async () => {
  const t = await startTestBot({ RETRAIN_TIMEOUT_SECONDS: '60' });
  const marker = `shutdown-test-${process.pid}-${Date.now()}`;
  t.bot.context.retrainer = new Retrainer(
    () => {},
    (options) =>
      runTrainingProcess({
        ...options,
        entry: FAKE_TRAINING,
        args: [...options.args, '--fault', 'hang', '--marker', marker],
      }),
  );
  const reply = await t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'retrain', userId: ADMIN_ID, admin: true }),
  );
  await reply.waitForEdit((e) => /Retraining: read/.test(String(e.body.content)), 20_000);
  expect(processesWith(marker)).toHaveLength(1);

  await t.close();

  expect(processesWith(marker)).toEqual([]);
  const final = reply.edits.at(-1);
  expect(final?.body.content).toMatch(
    /Retraining failed: it was stopped because the bot is shutting down/,
  );
}, 60_000);
