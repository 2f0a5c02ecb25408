// /healthz and /metrics on a running bot: 503 until it is ready, then what it serves and how it
// has been doing, in Prometheus text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakeDiscord/index.ts';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { trainSmallModel } from '../helpers/trainedModel.ts';
import { startTestBot, type TestBot } from '../bot/botHarness.ts';

describe('health and metrics of the gateway bot', () => {
  let discord: FakeDiscord;
  let t: TestBot;
  let before: { status: number; body: Record<string, unknown> };
  beforeAll(async () => {
    discord = await startFakeDiscord();
    const release = discord.gateway.holdIdentify();
    let listening!: (url: string) => void;
    const url = new Promise<string>((resolve) => (listening = resolve));
    const starting = startTestBot(
      { NEXTBEAT_HEALTH_PORT: '0' },
      await trainSmallModel(),
      {},
      {
        discord,
        start: { onHealthListening: listening },
      },
    );
    // Connected, but Discord has not answered IDENTIFY: not ready yet.
    const response = await fetch(`${await url}/healthz`);
    before = { status: response.status, body: (await response.json()) as Record<string, unknown> };
    release();
    t = await starting;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await discord?.close();
  });

  it('GIVEN a bot still connecting WHEN /healthz is asked THEN it answers 503, not ready', () => {
    expect(before.status).toBe(503);
    expect(before.body).toMatchObject({ ready: false, mode: 'gateway' });
  });

  it('GIVEN the bot ready WHEN /healthz is asked THEN it answers 200 with the run, catalog size, shards and uptime', async () => {
    const response = await fetch(`${t.bot.healthUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ready: true,
      mode: 'gateway',
      runId: t.bot.context.model.run.id,
      catalogTracks: 362,
      shards: 1,
      uptimeSeconds: expect.any(Number),
    });
    expect(t.bot.healthUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('GIVEN a /recommend with its chart, an autocomplete, an unknown song and a forged button WHEN /metrics is scraped THEN each is counted by command and outcome, timed, and the chart counted', async () => {
    const recommend = await discord.sendInteraction(
      discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
    );
    await recommend.waitForEdit((e) => e.files.length > 0, 20_000);
    await (
      await discord.sendInteraction(
        discord.build.autocomplete({ name: 'recommend', focused: 'song', value: 'shap' }),
      )
    ).callback;
    await (
      await discord.sendInteraction(
        discord.build.chatInput({ name: 'recommend', options: { song: 'zzzz no such song zzzz' } }),
      )
    ).callback;
    await (
      await discord.sendInteraction(
        discord.build.button({ customId: 'forged:1', message: recommend.message()! }),
      )
    ).callback;

    const expected = [
      'nextbeat_interactions_total{kind="command",command="recommend",shard="0",outcome="ok"} 1',
      'nextbeat_interactions_total{kind="autocomplete",command="recommend",shard="0",outcome="ok"} 1',
      'nextbeat_interactions_total{kind="command",command="recommend",shard="0",outcome="user_error"} 1',
      'nextbeat_interactions_total{kind="component",command="unknown",shard="0",outcome="user_error"} 1',
      'nextbeat_interaction_duration_seconds_count{kind="command",command="recommend"} 2',
      'nextbeat_interaction_duration_seconds_bucket{kind="command",command="recommend",le="+Inf"} 2',
      'nextbeat_charts_total{outcome="drawn"} 1',
      'nextbeat_catalog_tracks 362',
      'nextbeat_ready 1',
    ];
    await expect
      .poll(
        async () => {
          const text = await (await fetch(`${t.bot.healthUrl}/metrics`)).text();
          return expected.filter((line) => !text.split('\n').includes(line));
        },
        { timeout: 10_000 },
      )
      .toEqual([]);
    const response = await fetch(`${t.bot.healthUrl}/metrics`);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await response.text()).toMatch(/^process_resident_memory_bytes \d+$/m);
  }, 30_000);
});

it('GIVEN no NEXTBEAT_HEALTH_PORT WHEN the bot starts THEN there is no health server', async () => {
  const t = await startTestBot();
  try {
    expect(t.bot.healthUrl).toBeUndefined();
    expect(t.logs()).not.toMatch(/healthz/);
  } finally {
    await t.close();
  }
}, 60_000);
