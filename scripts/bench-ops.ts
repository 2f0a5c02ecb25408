// Operations numbers of the compiled bot against the fake Discord: time from start to ready and
// from SIGTERM to exit (1 and 2 gateway shards, with Discord's identify concurrency of 1 and 2),
// resident memory once ready, and how long /healthz and /metrics take to answer.
// Prints JSON with medians over the runs.
// Usage: npm run build && npx tsx scripts/bench-ops.ts [--db db/nextbeat.sqlite] [--runs 5]
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startFakeDiscord } from '../tests/fakeDiscord/index.ts';
import { runEntry, startScriptNodeFlags } from '../tests/helpers/runEntry.ts';
import { medianOf } from './bench/timing.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string' } } });
const runs = Number(values.runs ?? 5);
const db = values.db ?? 'db/nextbeat.sqlite';

/** One start and stop; the health endpoints timed in between when `scrapes` > 0. */
async function startAndStop(shards: number, maxConcurrency: number, scrapes = 0) {
  const discord = await startFakeDiscord({ recommendedShards: shards, maxConcurrency });
  const env = {
    NEXTBEAT_DB: db,
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_GUILD_ID: discord.world.guildId,
    NEXTBEAT_HEALTH_PORT: '0',
    LOG_FORMAT: 'json',
  };
  const started = performance.now();
  const bot = runEntry('dist/index.js', [], env, startScriptNodeFlags());
  await bot.waitFor(/ready as/, 120_000);
  const readyMs = performance.now() - started;
  const status = readFileSync(`/proc/${bot.child.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
  const url = /health on (http:\/\/[^/\s]+)\/healthz/.exec(bot.output())?.[1] as string;
  const healthz = await timeRequests(`${url}/healthz`, scrapes);
  const metrics = await timeRequests(`${url}/metrics`, scrapes);
  const exit = once(bot.child, 'exit');
  const stopping = performance.now();
  bot.child.kill('SIGTERM');
  await exit;
  const stopMs = performance.now() - stopping;
  await discord.close();
  return { readyMs, stopMs, rssMb, ...healthz.prefixed('healthz'), ...metrics.prefixed('metrics') };
}

async function timeRequests(url: string, count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await (await fetch(url)).text();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.floor(q * (times.length - 1))] ?? 0;
  return {
    prefixed: (name: string) =>
      count > 0 ? { [`${name}P50Ms`]: at(0.5), [`${name}P99Ms`]: at(0.99) } : {},
  };
}

const round = (row: Record<string, number>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, +v.toFixed(2)]));
const results: Record<string, Record<string, number>> = {};
for (const [name, shards, concurrency, scrapes] of [
  ['1 shard', 1, 1, 2000],
  ['2 shards, identify concurrency 1', 2, 1, 0],
  ['2 shards, identify concurrency 2', 2, 2, 0],
] as const) {
  const rows = [];
  for (let run = 0; run < runs; run++) rows.push(await startAndStop(shards, concurrency, scrapes));
  results[name] = round(medianOf(rows as Record<string, number>[]));
}
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(JSON.stringify({ runs, db, loadAverage: load, medians: results }, null, 2));
