// Bot latency and memory: the real entry point against the fake Discord with the trained catalog.
// Prints JSON: p50/p99 from INTERACTION_CREATE to the bot's callback, how many replies got their
// chart, the bot's RSS (after start-up, highest during the run, at the end) and the machine's
// load average (1, 5, 15 minutes) before and after, since a busy machine stretches every p99. Besides
// autocomplete, /recommend and /similar-vibe: /recommend with three songs, "More like this", the
// "Rate these" menu, /for-you (listeners with likes), "Send me a playlist" (its callback is a
// private deferral; `deliveredP99Ms` is until the DM is sent and the answer edited), /forget-me,
// /journey (5 to 25 stops) and /similar-vibe with a `limits` option. `lists` counts the replies
// that were a list (an embed, not an error message).
// Usage: npm run build && npx tsx scripts/bench-bot.ts [--db db/nextbeat.sqlite] [--count 1000]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { APIInteraction } from 'discord.js';
import type { InteractionReply } from '../tests/fakeDiscord/index.ts';
import { startBenchBot } from './bench/startedBot.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, count: { type: 'string' } } });
const count = Number(values.count ?? 1000);
const { discord, rssMb, stop } = await startBenchBot({
  NEXTBEAT_DB: values.db ?? 'db/nextbeat.sqlite',
});
const { build } = discord;

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
const song = (i: number) => queries[i % queries.length]!;
/** Hard limits for /similar-vibe, each leaving songs to choose from. */
const limits = [
  'tempo 110-130',
  'energy > 0.7, speechiness < 0.2',
  'tempo 90-120, acousticness > 0.5',
  'danceability > 0.6, valence 0.3-0.8',
];
/** 200 listeners take turns, so /for-you finds the likes a listener clicked earlier. */
const listener = (i: number) => String(1500000000000000000n + BigInt(i % 200));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const stats = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50Ms: +percentile(sorted, 0.5).toFixed(2),
    p99Ms: +percentile(sorted, 0.99).toFixed(2),
  };
};

async function measure(make: (i: number) => APIInteraction, waitForEdit = false) {
  const replies: InteractionReply[] = [];
  for (let i = 0; i < count; i++) {
    const reply = await discord.sendInteraction(make(i));
    await reply.callback;
    if (waitForEdit) await reply.waitForEdit(undefined, 10_000);
    replies.push(reply);
  }
  // Charts follow their replies as edits, and are left out when 4 are already being drawn.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const result = {
    count,
    ...stats(replies.map((r) => r.latencyMs ?? Infinity)),
    withChart: replies.filter((r) => r.edits.some((e) => e.files.length > 0)).length,
    lists: replies.filter((r) => (r.message()?.embeds.length ?? 0) > 0).length,
  };
  return { result, replies };
}

/** The custom id starting with `prefix:` on a reply's message. */
function customId(reply: InteractionReply, prefix: string): string {
  for (const row of reply.message()?.components ?? []) {
    for (const c of 'components' in row ? row.components : []) {
      if ('custom_id' in c && c.custom_id.startsWith(`${prefix}:`)) return c.custom_id;
    }
  }
  throw new Error(`no ${prefix}: component on message ${reply.message()?.id}`);
}

/** The track ids a list reply links to. */
const listed = (reply: InteractionReply) =>
  [...(reply.message()?.embeds[0]?.description ?? '').matchAll(/track\/(\w+)/g)].map((m) => m[1]);

const round2 = (x: number) => +x.toFixed(2);
const loadBefore = loadavg();
const rssBeforeMb = rssMb();
// The most RSS seen during the run, sampled every 100 ms.
let rssPeakMb = rssBeforeMb;
const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb())), 100);
const autocomplete = await measure((i) =>
  build.autocomplete({ name: 'recommend', focused: 'song', value: song(i).slice(0, 3 + (i % 9)) }),
);
const recommend = await measure((i) =>
  build.chatInput({ name: 'recommend', userId: listener(i), options: { song: song(i) } }),
);
const lists = recommend.replies;
const recommend3Songs = await measure((i) =>
  build.chatInput({
    name: 'recommend',
    options: { song: song(i), song2: song(i + 3), song3: song(i + 5) },
  }),
);
const more = await measure((i) =>
  build.button({
    customId: customId(lists[i]!, 'next'),
    message: lists[i]!.message()!,
    userId: listener(i),
  }),
);
const rate = await measure((i) =>
  build.select({
    customId: customId(lists[i]!, 'rate'),
    values: [`l:${listed(lists[i]!)[0]}`, `d:${listed(lists[i]!)[1]}`],
    message: lists[i]!.message()!,
    userId: listener(i),
  }),
);
const forYou = await measure((i) => build.chatInput({ name: 'for-you', userId: listener(i) }));
const playlist = await measure(
  (i) =>
    build.button({
      customId: customId(lists[i]!, 'take'),
      message: lists[i]!.message()!,
      userId: listener(i),
    }),
  true,
);
const forgetMe = await measure((i) => build.chatInput({ name: 'forget-me', userId: listener(i) }));
const vibe = await measure((i) =>
  build.chatInput({
    name: 'similar-vibe',
    options: { energy: (i % 10) / 10, tempo: 80 + (i % 12) * 10 },
  }),
);
const journey = await measure((i) =>
  build.chatInput({
    name: 'journey',
    options: { from: song(i), to: song(i + 1 + (i % 7)), stops: 5 + (i % 21) },
  }),
);
const vibeLimits = await measure((i) =>
  build.chatInput({
    name: 'similar-vibe',
    options: { energy: (i % 10) / 10, limits: limits[i % limits.length]! },
  }),
);
const delivered = stats(playlist.replies.map((r) => (r.edits[0]?.at ?? Infinity) - r.sentAt));
console.log(
  JSON.stringify(
    {
      autocomplete: autocomplete.result,
      recommend: recommend.result,
      recommend3Songs: recommend3Songs.result,
      moreLikeThis: more.result,
      rate: rate.result,
      forYou: forYou.result,
      playlist: {
        ...playlist.result,
        deliveredP99Ms: delivered.p99Ms,
        deliveredP50Ms: delivered.p50Ms,
      },
      forgetMe: forgetMe.result,
      vibe: vibe.result,
      journey: journey.result,
      vibeLimits: vibeLimits.result,
      botRssMb: {
        afterStart: +rssBeforeMb.toFixed(1),
        peakDuringRun: +rssPeakMb.toFixed(1),
        afterRun: +rssMb().toFixed(1),
      },
      loadAverage: { before: loadBefore.map(round2), after: loadavg().map(round2) },
    },
    null,
    2,
  ),
);
clearInterval(sampler);
await stop();
