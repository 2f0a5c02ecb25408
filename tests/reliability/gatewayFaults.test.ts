// Gateway faults: dropped sockets, resumable and non-resumable close codes, lost heartbeat acks and
// INVALID_SESSION. The bot must come back and no interaction it had accepted may go unanswered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../bot/botHarness.ts';
import type { FakeDiscord } from '../fakeDiscord/index.ts';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { capturedOutput, placesWithToken } from './tokenScan.ts';
import { waitUntil } from './waitUntil.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({}, undefined, { heartbeatIntervalMs: 250 });
});
afterAll(() => t?.close());

const recommend = (discord: FakeDiscord, waitForReady = true) =>
  discord.sendInteraction(
    discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
    { waitForReady },
  );
const titleOf = async (reply: Awaited<ReturnType<typeof recommend>>) =>
  (await reply.callback).data?.embeds?.[0]?.title ?? '';

interface GatewayFault {
  name: string;
  inject(discord: FakeDiscord): void;
  /** How the bot gets its session back. */
  recovers: 'resumes' | 'identifies';
}

const FAULTS: GatewayFault[] = [
  { name: 'socket dropped (1006)', inject: (d) => d.dropConnection(1006), recovers: 'resumes' },
  { name: 'close 4000 (resumable)', inject: (d) => d.dropConnection(4000), recovers: 'resumes' },
  {
    name: 'INVALID_SESSION resumable',
    inject: (d) => d.sendInvalidSession(true),
    recovers: 'resumes',
  },
  {
    name: 'heartbeats no longer acknowledged',
    inject: (d) => d.setHeartbeatAck(false),
    recovers: 'resumes',
  },
  {
    name: 'close 4007 (bad sequence)',
    inject: (d) => d.dropConnection(4007),
    recovers: 'identifies',
  },
  {
    name: 'close 4009 (session timed out)',
    inject: (d) => d.dropConnection(4009),
    recovers: 'identifies',
  },
  {
    name: 'INVALID_SESSION not resumable',
    inject: (d) => d.sendInvalidSession(false),
    recovers: 'identifies',
  },
];

describe('gateway faults', () => {
  it.each(FAULTS)(
    'GIVEN a /recommend whose callback is in flight WHEN $name THEN it is still answered, the bot $recovers and keeps answering',
    async ({ inject, recovers }) => {
      const { discord } = t;
      const before = { ...discord.gatewayConnections };
      discord.setRestFault('/callback', { delayMs: 300, times: 1 });
      const inFlight = await recommend(discord);
      await waitUntil(
        () => discord.requests.some((r) => r.path.includes(inFlight.id)),
        'the callback reaches the fake',
      );

      inject(discord);
      // Sent while the bot is away: a RESUME replays it; a fresh IDENTIFY starts a new session.
      const duringOutage = recovers === 'resumes' ? await recommend(discord, false) : undefined;
      await waitUntil(
        () => discord.gatewayConnections[recovers] > before[recovers],
        `the bot ${recovers}`,
        20_000,
      );
      discord.setHeartbeatAck(true);

      expect(await titleOf(inFlight)).toMatch(/^If you like Shape of You/);
      if (duringOutage) expect(await titleOf(duringOutage)).toMatch(/^If you like Shape of You/);
      expect(await titleOf(await recommend(discord))).toMatch(/^If you like Shape of You/);
      expect(discord.acks.duplicates).toBe(0);
    },
    30_000,
  );

  it('GIVEN every fault above WHEN the logs and replies are searched THEN the token is nowhere', () => {
    expect(placesWithToken(t.discord.token, capturedOutput(t))).toEqual([]);
    expect(t.logs()).not.toMatch(/"msg":"interaction failed"/);
  });
});
