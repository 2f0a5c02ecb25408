// The load generator of the HTTP-mode benchmarks: `concurrency` senders, each POSTing the next
// signed interaction (through the fake Discord) once the previous POST is answered (202, held by
// the bot until Discord has accepted its callback), until `count` are sent or `maxMs` has passed.
import type { APIInteraction } from 'discord.js';
import type { FakeDiscord } from '../../tests/fakeDiscord/index.ts';

export type BenchCommand = 'about' | 'recommend' | 'autocomplete';
export const BENCH_COMMANDS: readonly BenchCommand[] = ['about', 'recommend', 'autocomplete'];
/** The latency goal the benchmarks report throughput under. */
export const P99_GOAL_MS = 50;

const SONGS = ['shape of you', 'bohemian rhapsody', 'blinding lights', 'hey jude', 'believer'];

/** Interaction `i` of a run of `command`: songs and users cycle so caches see some variety. */
export function benchInteraction(
  discord: FakeDiscord,
  command: BenchCommand,
  i: number,
): APIInteraction {
  const song = SONGS[i % SONGS.length]!;
  const userId = String(1500000000000000000n + BigInt(i % 500));
  if (command === 'recommend')
    return discord.build.chatInput({ name: 'recommend', options: { song }, userId });
  if (command === 'autocomplete')
    return discord.build.autocomplete({ name: 'recommend', focused: 'song', value: song, userId });
  return discord.build.chatInput({ name: 'about', userId });
}

export interface LevelResult {
  concurrency: number;
  answered: number;
  refused: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Runs one concurrency level and measures each POST from sending to its answer. */
export async function runLoadLevel(
  discord: FakeDiscord,
  options: { command: BenchCommand; concurrency: number; count: number; maxMs: number },
): Promise<LevelResult> {
  const latencies: number[] = [];
  let sent = 0;
  let refused = 0;
  const started = performance.now();
  const sender = async () => {
    while (sent < options.count && performance.now() - started < options.maxMs) {
      const i = sent++;
      const t0 = performance.now();
      const reply = await discord.sendInteraction(benchInteraction(discord, options.command, i));
      const response = await reply.endpointResponse!.catch(() => ({ status: 0 }));
      if (response.status === 202) {
        await reply.callback;
        latencies.push(performance.now() - t0);
      } else refused += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, sender));
  const seconds = (performance.now() - started) / 1000;
  discord.forgetHistory();
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies.length === 0
      ? NaN
      : +latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(2);
  return {
    concurrency: options.concurrency,
    answered: latencies.length,
    refused,
    perSecond: Math.round(latencies.length / seconds),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

/** The highest rate among levels whose p99 stays under the goal (null when none does). */
export function bestUnderGoal(results: readonly LevelResult[]): number | null {
  const within = results.filter((r) => r.p99Ms < P99_GOAL_MS).map((r) => r.perSecond);
  return within.length > 0 ? Math.max(...within) : null;
}

/** The middle value (mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
