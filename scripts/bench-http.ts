// Throughput of one HTTP-mode replica: the compiled bot (npm start's Node flags) with its
// Interactions Endpoint on 127.0.0.1, and the fake Discord POSTing signed interactions to it from
// `--concurrency` parallel senders, each sending the next once the previous POST is answered (202,
// held by the bot until Discord has accepted its callback). Bounded by --count and --seconds per
// concurrency level. Prints JSON per level: interactions/s, p50/p99 of the POST, and the highest
// rate whose p99 stays under 50 ms.
// Usage: npm run build && npx tsx scripts/bench-http.ts --db <trained db> [--models <dir>]
//          [--command about|recommend|autocomplete] [--concurrency 1,4,8,16] [--count 3000] [--seconds 10]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startFakeDiscord, type FakeDiscord } from '../tests/fakeDiscord/index.ts';
import { runEntry, startScriptNodeFlags } from '../tests/helpers/runEntry.ts';
import {
  BENCH_COMMANDS,
  P99_GOAL_MS,
  bestUnderGoal,
  runLoadLevel,
  type BenchCommand,
} from './bench/httpLoad.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'db/nextbeat.sqlite' },
    models: { type: 'string', default: 'models' },
    command: { type: 'string', default: 'about' },
    concurrency: { type: 'string', default: '1,4,8,16' },
    count: { type: 'string', default: '3000' },
    seconds: { type: 'string', default: '10' },
  },
});
const levels = values.concurrency.split(',').map(Number);
const maxCount = Number(values.count);
const maxMs = Number(values.seconds) * 1000;
if (![...levels, maxCount, maxMs].every((n) => Number.isInteger(n) && n > 0))
  throw new Error('--concurrency, --count and --seconds take positive whole numbers');
const command = values.command as BenchCommand;
if (!BENCH_COMMANDS.includes(command))
  throw new Error(`--command takes ${BENCH_COMMANDS.join(', ')} (got "${values.command}")`);
const runLevel = (discord: FakeDiscord, concurrency: number, count = maxCount) =>
  runLoadLevel(discord, { command, concurrency, count, maxMs });

const discord = await startFakeDiscord();
const bot = runEntry(
  'dist/index.js',
  [],
  {
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_GUILD_ID: discord.world.guildId,
    NEXTBEAT_DB: values.db,
    NEXTBEAT_MODELS: values.models,
    NEXTBEAT_MODE: 'http',
    NEXTBEAT_HTTP_PORT: '0',
    NEXTBEAT_HEALTH_PORT: '0',
    DISCORD_PUBLIC_KEY: discord.signer.publicKeyHex,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
  },
  startScriptNodeFlags(),
);
try {
  await bot.waitFor(/HTTP interactions on http:\/\/[^)]+\)/, 120_000);
  const url = /HTTP interactions on (http:\/\/[^)\s]+)\)/.exec(bot.output())?.[1];
  if (!url) throw new Error(`the bot did not report its endpoint; output:\n${bot.output()}`);
  discord.setInteractionsEndpoint(url);
  // Warm-up: the first interactions load code paths and the title index.
  await runLevel(discord, 1, 200);
  const results = [];
  for (const concurrency of levels) results.push(await runLevel(discord, concurrency));
  // The bot's own time per interaction (handler, from its metrics), beside the POST's round trip.
  const health = /health on (http:\/\/\S+)\/healthz/.exec(bot.output())?.[1];
  const metrics = health ? await (await fetch(`${health}/metrics`)).text() : '';
  const sum = (name: string) =>
    [
      ...metrics.matchAll(
        new RegExp(`^nextbeat_interaction_duration_seconds_${name}\\{[^}]*\\} (\\S+)$`, 'gm'),
      ),
    ].reduce((total, m) => total + Number(m[1]), 0);
  const handlerMeanMs = +((sum('sum') / Math.max(sum('count'), 1)) * 1000).toFixed(2);
  console.log(
    JSON.stringify(
      {
        command,
        results,
        handlerMeanMs,
        bestUnderP99GoalPerSecond: bestUnderGoal(results),
        p99GoalMs: P99_GOAL_MS,
        loadAverage: loadavg().map((l) => +l.toFixed(2)),
      },
      null,
      2,
    ),
  );
} finally {
  bot.child.kill('SIGTERM');
  await bot.exited;
  await discord.close();
}
