// Bot memory: the compiled bot, with `npm start`'s Node flags, against the fake Discord on a
// catalog trained for the run. Prints JSON: RSS after start-up, then the highest and the final
// RSS of each phase, sampled every 10 ms:
//   charts         --charts /recommend and /similar-vibe, each waiting for its chart
//   members        --members autocompletes, each from a different member
//   listeners      --listener-queries /for-you, /recommend and "Rate these" clicks spread over
//                  --listeners listeners whose --ratings ratings each (and two lists each) were
//                  stored in the database before the bot started
//   retrain        an admin's /retrain (3 epochs) until the new model is swapped in
//   chartsAfter    --charts more charts on the new model
// and `breakdowns`: where the memory is after start-up and each phase (resident MB of glibc's
// brk heap, anonymous mappings and each file from /proc/<pid>/smaps; V8's heap and external
// memory of the main thread from the bot's /metrics), and the machine's load average (1, 5, 15
// minutes) before and after: garbage piles up faster than it is collected on a busy machine.
// Usage: npm run build && npx tsx scripts/bench-bot-memory.ts --data <csv> [--charts 1000] [--members 20000]
//          [--listeners 20000] [--ratings 25] [--listener-queries 5000]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { FakeDiscord } from '../tests/fakeDiscord/index.ts';
import { runEntry } from '../tests/helpers/runEntry.ts';
import { startBenchBot } from './bench/startedBot.ts';
import { listenerId, rateMenuOf, storeListenerFeedback } from './bench/listenerFeedback.ts';
import { smapsBreakdown, v8Figures, type MemoryBreakdown } from './bench/memoryBreakdown.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    charts: { type: 'string', default: '1000' },
    members: { type: 'string', default: '20000' },
    listeners: { type: 'string', default: '20000' },
    ratings: { type: 'string', default: '25' },
    'listener-queries': { type: 'string', default: '5000' },
  },
});
if (!values.data) throw new Error('--data <spotify_tracks.csv> is required');
const charts = Number(values.charts);
const members = Number(values.members);
const ADMIN_ID = '1400000000000000099';

const dir = mkdtempSync(join(tmpdir(), 'nextbeat-bench-memory-'));
const paths = {
  NEXTBEAT_DATA: values.data,
  NEXTBEAT_DB: join(dir, 'nextbeat.sqlite'),
  NEXTBEAT_MODELS: join(dir, 'models'),
};
const train = runEntry('src/cli/train.ts', [], paths);
if ((await train.exited) !== 0) throw new Error(`training failed:\n${train.output()}`);

const listeners = Number(values.listeners);
const round2 = (x: number) => +x.toFixed(2);
const stored = storeListenerFeedback(paths.NEXTBEAT_DB, listeners, Number(values.ratings));

const HEALTH_PORT = 20000 + (process.pid % 20000);
const { discord, bot, rssMb, stop } = await startBenchBot({
  ...paths,
  ADMIN_USER_IDS: ADMIN_ID,
  NEXTBEAT_HEALTH_PORT: String(HEALTH_PORT),
});
// Where the memory is at the end of each phase: mappings by kind and V8's main-thread figures.
async function breakdown(): Promise<MemoryBreakdown> {
  const v8 = await v8Figures(`http://127.0.0.1:${HEALTH_PORT}/metrics`);
  return { ...smapsBreakdown(bot.child.pid as number), v8 };
}
const loadBefore = loadavg();
const breakdowns: Record<string, MemoryBreakdown> = { afterStart: await breakdown() };
const afterStart = Math.round(rssMb());
let peak = afterStart;
const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 10);
const phases: Record<string, { peakMb: number; endMb: number }> = {};
async function phase(name: string, run: () => Promise<void>) {
  peak = rssMb();
  await run();
  phases[name] = { peakMb: Math.round(Math.max(peak, rssMb())), endMb: Math.round(rssMb()) };
  breakdowns[name] = await breakdown();
}

let chartsDrawn = 0;
const songs = ['shape of you', 'bohemian rhapsody', 'blinding lights', 'hey jude', 'believer'];
async function drawCharts(discord: FakeDiscord) {
  for (let i = 0; i < charts; i++) {
    const reply = await discord.sendInteraction(
      i % 2
        ? discord.build.chatInput({
            name: 'recommend',
            options: { song: songs[i % songs.length]! },
          })
        : discord.build.chatInput({
            name: 'similar-vibe',
            options: { energy: (i % 10) / 10, tempo: 80 + (i % 12) * 10 },
          }),
    );
    await reply.callback;
    const edit = await reply.waitForEdit((e) => e.files.length > 0, 5000).catch(() => undefined);
    if (edit) chartsDrawn++;
  }
}

await phase('charts', () => drawCharts(discord));
await phase('members', async () => {
  for (let i = 0; i < members; i++) {
    const userId = String(1500000000000000000n + BigInt(i));
    const reply = await discord.sendInteraction(
      discord.build.autocomplete({ name: 'recommend', focused: 'song', value: 'sha', userId }),
    );
    await reply.callback;
  }
});
await phase('listeners', async () => {
  const queries = Number(values['listener-queries']);
  for (let i = 0; i < queries; i++) {
    // Spread over every stored listener, so their rows are read from all over the tables.
    const userId = listenerId(Math.floor((i * listeners) / queries));
    const reply = await discord.sendInteraction(
      i % 2
        ? discord.build.chatInput({ name: 'for-you', userId })
        : discord.build.chatInput({ name: 'recommend', userId, options: { song: songs[i % 5]! } }),
    );
    await reply.callback;
    const message = reply.message();
    const rate = message ? rateMenuOf(message) : undefined;
    if (!message || !rate) continue;
    const click = await discord.sendInteraction(
      discord.build.select({ customId: rate.id, values: [rate.first], message, userId }),
    );
    await click.callback;
    if (i % 100 === 0) discord.forgetHistory();
  }
});
await phase('retrain', async () => {
  const reply = await discord.sendInteraction(
    discord.build.chatInput({
      name: 'retrain',
      userId: ADMIN_ID,
      admin: true,
      options: { epochs: 3 },
    }),
  );
  await reply.callback;
  await bot.waitFor(/model swapped|retrain failed/, 300_000);
  if (/retrain failed/.test(bot.output())) throw new Error(`retrain failed:\n${bot.output()}`);
});
await phase('chartsAfter', () => drawCharts(discord));
clearInterval(sampler);

console.log(
  JSON.stringify(
    {
      afterStartMb: afterStart,
      phases,
      charts: 2 * charts,
      chartsDrawn,
      stored,
      loadAverage: { before: loadBefore.map(round2), after: loadavg().map(round2) },
      breakdowns,
    },
    null,
    2,
  ),
);
await stop();
rmSync(dir, { recursive: true, force: true });
