// Internal sharding: several gateway shards in one process, one catalog. Discord sends each
// server's events on shard (guild_id >> 22) % shard_count; the bot answers each on that shard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { trainSmallModel, type TrainedModel } from '../helpers/trainedModel.ts';
import { startTestBot, type TestBot } from './botHarness.ts';

/** A guild id whose events go to `shard` of 2. */
function guildOnShard(shard: number): string {
  return String(((300_000_000_000n + BigInt(shard)) << 22n) | 7n);
}

let model: TrainedModel;
beforeAll(async () => {
  model = await trainSmallModel();
});

function recommendIn(t: TestBot, guildId: string, waitForReady = true) {
  const payload = t.discord.build.chatInput({
    name: 'recommend',
    guildId,
    options: { song: SHAPE_OF_YOU_IDS[0] },
  });
  return t.discord.sendInteraction(payload, { waitForReady });
}

async function scrape(t: TestBot): Promise<string> {
  return (await fetch(`${t.bot.healthUrl}/metrics`)).text();
}

describe('gateway sharding in one process', () => {
  const guilds = [guildOnShard(0), guildOnShard(1)];
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot(
      { NEXTBEAT_SHARDS: 'auto', NEXTBEAT_HEALTH_PORT: '0', DISCORD_GUILD_ID: '' },
      model,
      {
        guildId: guilds[0],
        extraGuildIds: [guilds[1] as string],
        recommendedShards: 2,
        maxConcurrency: 2,
      },
    );
  }, 60_000);
  afterAll(() => t?.close());

  it('GIVEN Discord recommending 2 shards WHEN the bot starts with NEXTBEAT_SHARDS=auto THEN it identifies both shards from one process, each with its own server', () => {
    expect([...t.discord.gateway.identifiedShards].sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(t.bot.client.ws.shards.size).toBe(2);
    expect(guilds.map((id) => t.bot.client.guilds.cache.get(id)?.shardId)).toEqual([0, 1]);
    expect(t.logs()).toMatch(/ready as NextBeat: \d+ tracks, .*, 2 gateway shards, memory/);
  });

  it("GIVEN a server on each shard WHEN each sends /recommend THEN each is delivered on its server's shard and answered, and the bot counts it on that shard", async () => {
    for (const [shard, guildId] of guilds.entries()) {
      const reply = await recommendIn(t, guildId);
      expect(reply.shard).toBe(shard);
      expect((await reply.callback).data?.embeds?.[0]?.title).toMatch(/^If you like Shape of You/);
    }
    // Counted when the handler ends, after the chart that follows the answer.
    for (const shard of ['0', '1'])
      await expect
        .poll(() => scrape(t), { timeout: 10_000 })
        .toMatch(
          new RegExp(
            `nextbeat_interactions_total\\{kind="command",command="recommend",shard="${shard}",outcome="ok"\\} 1\n`,
          ),
        );
  });

  it("GIVEN shard 1's connection dropped WHEN both servers send /recommend THEN shard 0's server is answered meanwhile and shard 1's once it resumes", async () => {
    const resumes = t.discord.gatewayConnections.resumes;
    t.discord.dropConnection(4000, 1);
    const onOne = await recommendIn(t, guilds[1] as string, false);
    const onZero = await recommendIn(t, guilds[0] as string, false);
    expect([onZero.shard, onOne.shard]).toEqual([0, 1]);

    expect((await onZero.callback).type).toBe(4);
    expect((await onOne.callback).type).toBe(4);
    expect(t.discord.gatewayConnections.resumes).toBe(resumes + 1);
    expect(t.discord.acks).toMatchObject({ duplicates: 0, late: 0 });
  });
});

describe('a fixed shard count', () => {
  it('GIVEN NEXTBEAT_SHARDS=2 and Discord recommending 1 WHEN the bot starts THEN it runs 2 shards', async () => {
    const t = await startTestBot({ NEXTBEAT_SHARDS: '2' }, model, { maxConcurrency: 2 });
    try {
      expect([...t.discord.gateway.identifiedShards].sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      const reply = await recommendIn(t, t.discord.world.guildId);
      expect((await reply.callback).type).toBe(4);
    } finally {
      await t.close();
    }
  }, 60_000);
});
