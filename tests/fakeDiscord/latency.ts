// Measures INTERACTION_CREATE -> callback latency over sequential interactions.
import type { FakeDiscord } from './index.ts';

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Sends `count` /name interactions one after another and summarises their callback latency (ms). */
export async function measureCallbackLatency(
  discord: FakeDiscord,
  count: number,
  name = 'ping',
): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const reply = await discord.sendInteraction(discord.build.chatInput({ name }));
    await reply.callback;
    samples.push(reply.latencyMs ?? Number.NaN);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  return { count, p50: at(0.5), p99: at(0.99), max: samples.at(-1) ?? NaN };
}
