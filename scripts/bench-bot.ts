// Bot latency and memory: the real entry point against the fake Discord with the trained catalog.
// Prints JSON: p50/p99 from INTERACTION_CREATE to the bot's callback, how many replies got their
// chart, and the bot's RSS (after start-up, highest during the run, at the end).
// Usage: npm run build && npx tsx scripts/bench-bot.ts [--db db/nextbeat.sqlite] [--count 1000]
import { parseArgs } from 'node:util';
import { startBenchBot } from './bench/startedBot.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, count: { type: 'string' } } });
const count = Number(values.count ?? 1000);
const { discord, rssMb, stop } = await startBenchBot({
  NEXTBEAT_DB: values.db ?? 'db/nextbeat.sqlite',
});

const queries = [
  'shape of you',
  'bohemian rhapsody',
  'blinding lights',
  'hey jude',
  'smells like teen spirit',
  'levitating',
  'despacito',
  'believer',
];
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
async function measure(make: (i: number) => Parameters<typeof discord.sendInteraction>[0]) {
  const latencies: number[] = [];
  const replies = [];
  for (let i = 0; i < count; i++) {
    const reply = await discord.sendInteraction(make(i));
    await reply.callback;
    latencies.push(reply.latencyMs ?? Infinity);
    replies.push(reply);
  }
  latencies.sort((a, b) => a - b);
  // Charts follow their replies as edits, and are left out when 4 are already being drawn.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return {
    count,
    p50Ms: +percentile(latencies, 0.5).toFixed(2),
    p99Ms: +percentile(latencies, 0.99).toFixed(2),
    withChart: replies.filter((r) => r.edits.some((e) => e.files.length > 0)).length,
  };
}

const rssBeforeMb = rssMb();
// The most RSS seen during the run, sampled every 100 ms.
let rssPeakMb = rssBeforeMb;
const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb())), 100);
const autocomplete = await measure((i) =>
  discord.build.autocomplete({
    name: 'recommend',
    focused: 'song',
    value: queries[i % queries.length]!.slice(0, 3 + (i % 9)),
  }),
);
const recommend = await measure((i) =>
  discord.build.chatInput({ name: 'recommend', options: { song: queries[i % queries.length]! } }),
);
const vibe = await measure((i) =>
  discord.build.chatInput({
    name: 'similar-vibe',
    options: { energy: (i % 10) / 10, tempo: 80 + (i % 12) * 10 },
  }),
);
console.log(
  JSON.stringify(
    {
      autocomplete,
      recommend,
      vibe,
      botRssMb: {
        afterStart: +rssBeforeMb.toFixed(1),
        peakDuringRun: +rssPeakMb.toFixed(1),
        afterRun: +rssMb().toFixed(1),
      },
    },
    null,
    2,
  ),
);
clearInterval(sampler);
await stop();
