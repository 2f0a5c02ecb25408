// REST faults on the interaction callback: rate limits, server errors, slow answers and an answer
// that reaches Discord after its 3 s window. The bot retries where Discord allows, answers once,
// logs a failure once, and keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../bot/botHarness.ts';
import type { RestFault } from '../fakeDiscord/faults.ts';
import type { InteractionReply } from '../fakeDiscord/index.ts';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { logLines } from './interactions.ts';
import { capturedOutput, placesWithToken } from './tokenScan.ts';
import { waitUntil } from './waitUntil.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.close());

const recommend = () =>
  t.discord.sendInteraction(
    t.discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
  );
const callbackAttempts = (reply: InteractionReply) =>
  t.discord.requests.filter((r) => r.path === `/interactions/${reply.id}/${reply.token}/callback`);
/** Warnings and errors (pino level 40 and up) that mention this interaction. */
const linesAbout = (reply: InteractionReply) =>
  t
    .logs()
    .split('\n')
    .filter((line) => line.includes(reply.id) && /"level":[4-6]0/.test(line));

const RETRIED: [string, RestFault][] = [
  ['429 on the route, retry after 0.3 s', { status: 429, retryAfter: 0.3 }],
  ['429 global, retry after 0.3 s', { status: 429, retryAfter: 0.3, global: true }],
  ['500', { status: 500 }],
  ['502', { status: 502 }],
  ['503', { status: 503 }],
  ['a slow Discord (1.5 s)', { delayMs: 1500 }],
];

describe('REST faults on the interaction callback', () => {
  it.each(RETRIED)(
    'GIVEN %s WHEN /recommend is answered THEN it arrives exactly once and nothing is logged',
    async (_name, fault) => {
      t.discord.setRestFault('/callback', { ...fault, times: 1 });
      const reply = await recommend();
      const { data } = await reply.callback;
      expect(data?.embeds?.[0]?.title).toMatch(/^If you like Shape of You/);
      const statuses = callbackAttempts(reply).map((r) => r.status);
      expect(statuses.filter((s) => s < 300)).toHaveLength(1);
      if (fault.status) expect(statuses[0]).toBe(fault.status);
      expect(t.discord.acks.duplicates).toBe(0);
      expect(linesAbout(reply)).toEqual([]);
    },
  );

  it('GIVEN Discord failing with 503 on every attempt WHEN /recommend THEN the bot gives up, logs once with a reference, and serves the next one', async () => {
    t.discord.setRestFault('/callback', { status: 503, times: 10 });
    const reply = await recommend();
    await waitUntil(() => linesAbout(reply).length > 0, 'the failure is logged');
    await new Promise((resolve) => setTimeout(resolve, 200)); // room for a second log, if any
    t.discord.clearRestFaults();

    expect(reply.acknowledged).toBe(false);
    const lines = linesAbout(reply);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/"reference":"[0-9a-f]{8}".*"msg":"interaction failed"/);
    expect(lines[0]).not.toContain(reply.token);
    expect((await (await recommend()).callback).data?.embeds).toHaveLength(1);
  });

  it('GIVEN the callback reaching Discord after its 3 s window WHEN /recommend THEN it is not retried or re-answered, one warning is logged, and the bot serves on', async () => {
    t.discord.setRestFault('/callback', { delayMs: 3200, times: 1 });
    const reply = await recommend();
    await waitUntil(() => t.discord.acks.late > 0, 'the late callback is refused', 10_000);
    await waitUntil(() => linesAbout(reply).length > 0, 'the refusal is logged');
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(callbackAttempts(reply)).toHaveLength(1);
    expect(t.discord.acks.duplicates).toBe(0);
    const lines = linesAbout(reply);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Discord refused our answer/);
    expect(logLines(t.logs(), /interaction failed/)).toHaveLength(1); // the 503 case only
    expect((await (await recommend()).callback).data?.embeds).toHaveLength(1);
  });

  it('GIVEN every fault above WHEN the logs and replies are searched THEN the token is nowhere', () => {
    expect(placesWithToken(t.discord.token, capturedOutput(t))).toEqual([]);
  });
});
