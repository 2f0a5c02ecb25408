// Two HTTP-mode replicas behind nginx (deploy/nginx's config), as issue 16 deploys them: both take
// signed interactions, and when one is killed under a steady load nginx stops sending to it and
// every interaction sent from a second after the kill is answered exactly once. "Answered" is what
// Discord saw: callbacks the fake received for that interaction's token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIInteraction } from 'discord.js';
import { startFakeDiscord, type FakeDiscord, type InteractionReply } from '../fakeDiscord/index.ts';
import { processesInGroup } from '../helpers/processGroup.ts';
import {
  interactionsHandled,
  type Replica,
  startReplicaCluster,
  type ReplicaCluster,
} from '../helpers/replicaCluster.ts';
import { trainSmallModel } from '../helpers/trainedModel.ts';

let discord: FakeDiscord;
let cluster: ReplicaCluster | undefined;
beforeAll(async () => {
  discord = await startFakeDiscord();
  // A dead replica is retried after 1 s (5 s in deploy/nginx/replicas.conf), so the load below
  // outlasts several retries: each must fail over to the live replica, not be lost.
  cluster = await startReplicaCluster(discord, {
    replicas: 2,
    model: await trainSmallModel(),
    failTimeoutSeconds: 1,
  });
}, 180_000);
afterAll(async () => {
  await cluster?.close();
  await discord?.close();
});

const SEND_EVERY_MS = 10;
function payload(i: number): APIInteraction {
  const userId = String(1500000000000000000n + BigInt(i));
  return i % 2 === 0
    ? discord.build.chatInput({ name: 'about', userId })
    : discord.build.autocomplete({ name: 'recommend', focused: 'song', value: 'shape', userId });
}

// Sends `count` interactions, one every SEND_EVERY_MS whatever the answers, calling `at` with
// each index first (so a test can act at a given point of the load).
async function steadyLoad(count: number, at: (i: number) => void): Promise<InteractionReply[]> {
  const replies: InteractionReply[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = started + i * SEND_EVERY_MS - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    at(i);
    replies.push(await discord.sendInteraction(payload(i)));
  }
  await Promise.all(replies.map((r) => r.endpointResponse!.catch(() => undefined)));
  return replies;
}

// Callbacks Discord received per interaction token (accepted or refused as duplicates).
function callbacksPerToken(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of discord.requests) {
    const token = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(request.path)?.[1];
    if (token) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

describe('2 HTTP-mode replicas behind nginx', () => {
  it('GIVEN both replicas up WHEN signed interactions arrive through nginx THEN each is answered and both replicas take some', async () => {
    const replies = await steadyLoad(40, () => {});

    const statuses = await Promise.all(
      replies.map(async (r) => (await r.endpointResponse)?.status),
    );
    expect(statuses.every((s) => s === 202)).toBe(true);
    const about = (await replies[0]!.callback).data?.embeds?.[0]?.fields ?? [];
    expect(about.find((f) => f.name === 'Tracks')?.value).toBe('362');
    expect((await replies[1]!.callback).data?.choices?.length).toBeGreaterThan(0);
    const handled = await Promise.all(cluster!.replicas.map(interactionsHandled));
    expect(handled.every((n) => n > 0)).toBe(true);
    expect(handled[0]! + handled[1]!).toBe(40);
  }, 60_000);

  it('GIVEN a steady load WHEN one replica is SIGKILLed THEN every interaction sent from 1 s after the kill is answered once, all by the other replica', async () => {
    const [victim, survivor] = cluster!.replicas as [Replica, Replica];
    const survivorBefore = await interactionsHandled(survivor);
    let killedAt = Infinity;
    const KILL_AT = 100;
    const SENT = 500;

    const replies = await steadyLoad(SENT, (i) => {
      if (i !== KILL_AT) return;
      process.kill(-victim.group, 'SIGKILL');
      killedAt = performance.now();
    });
    // Callbacks are sent before the POST is answered, so all are in by now.
    const callbacks = callbacksPerToken();
    const after = replies.filter((r) => r.sentAt >= killedAt + 1_000);
    const lost = after.filter((r) => (callbacks.get(r.token) ?? 0) === 0);
    const twice = after.filter((r) => (callbacks.get(r.token) ?? 0) > 1);
    expect(processesInGroup(victim.group)).toEqual([]);
    expect(after.length).toBeGreaterThan(250);
    expect({ lost: lost.length, twice: twice.length }).toEqual({ lost: 0, twice: 0 });
    const statuses = await Promise.all(after.map(async (r) => (await r.endpointResponse)?.status));
    expect(statuses.filter((s) => s !== 202)).toEqual([]);
    // The survivor took everything after the kill (and its share before it).
    expect((await interactionsHandled(survivor)) - survivorBefore).toBeGreaterThanOrEqual(
      SENT - KILL_AT,
    );
    expect(cluster!.nginx.errorLog()).toMatch(/upstream server temporarily disabled/);
  }, 120_000);
});
