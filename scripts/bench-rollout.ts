// Time from a run store's pointer flip to two HTTP-mode replicas serving the new run. Two compiled
// bots (npm start's Node flags), each with its own database and models folder in a temp folder,
// follow one run store; this script publishes a run trained on --data, starts them (they take it at
// start-up), then per round trains and publishes another run and reads from each replica's log how
// long after the flip it served it (`sinceFlipMs`), how long the copy, check and swap took (`tookMs`)
// and the part of it on the worker thread (`threadMs`: copy, hash, import).
// Usage: npm run build && npx tsx scripts/bench-rollout.ts --data <csv> [--rounds 3] [--poll-ms 1000]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TRAINING } from '../src/train/defaults.ts';
import { trainIntoRunStore } from '../src/train/trainIntoRunStore.ts';
import { startFakeDiscord } from '../tests/fakeDiscord/index.ts';
import { runEntry, startScriptNodeFlags, type EntryProcess } from '../tests/helpers/runEntry.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/spotify_tracks.csv' },
    rounds: { type: 'string', default: '3' },
    'poll-ms': { type: 'string', default: '1000' },
  },
});
const rounds = Number(values.rounds);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const root = mkdtempSync(join(tmpdir(), 'nextbeat-bench-rollout-'));
const store = join(root, 'store');

const publish = (seed: number) =>
  trainIntoRunStore(
    { ...DEFAULT_TRAINING, dataPath: values.data, datasetUrl: undefined, seed, backend: 'auto' },
    store,
    () => {},
    'bench-rollout',
  );

async function startReplica(
  name: string,
): Promise<{ bot: EntryProcess; stop: () => Promise<void> }> {
  const discord = await startFakeDiscord();
  const env = {
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_GUILD_ID: discord.world.guildId,
    DISCORD_PUBLIC_KEY: discord.signer.publicKeyHex,
    NEXTBEAT_MODE: 'http',
    NEXTBEAT_HTTP_PORT: '0',
    NEXTBEAT_DB: join(root, name, 'db', 'nextbeat.sqlite'),
    NEXTBEAT_MODELS: join(root, name, 'models'),
    NEXTBEAT_DATA: values.data,
    NEXTBEAT_RUN_STORE: store,
    NEXTBEAT_RUN_STORE_POLL_MS: values['poll-ms'],
    NEXTBEAT_REPLICA_NAME: name,
    LOG_FORMAT: 'json',
  };
  const bot = runEntry('dist/index.js', [], env, startScriptNodeFlags());
  await bot.waitFor(/ready as/, 120_000);
  return {
    bot,
    async stop() {
      bot.child.kill('SIGTERM');
      await bot.exited;
      await discord.close();
    },
  };
}

/** The rollout log line of run `runId` in `bot`'s output, once it is there. */
async function rolloutOf(
  bot: EntryProcess,
  runId: string,
): Promise<{ sinceFlipMs: number; tookMs: number; threadMs: number }> {
  await bot.waitFor(new RegExp(`"run":"${runId}".*rolled out the run store's new run`), 120_000);
  const line = bot
    .output()
    .split('\n')
    .find((l) => l.includes(`"run":"${runId}"`) && l.includes('rolled out'));
  return JSON.parse(line!) as { sinceFlipMs: number; tookMs: number; threadMs: number };
}

await publish(1);
const replicas = [await startReplica('replica-a'), await startReplica('replica-b')];
const results: { round: number; sinceFlipMs: number[]; tookMs: number[]; threadMs: number[] }[] =
  [];
try {
  for (let round = 1; round <= rounds; round++) {
    const { runId, tracksStored } = await publish(round + 1);
    const seen = await Promise.all(replicas.map((r) => rolloutOf(r.bot, runId)));
    results.push({
      round,
      sinceFlipMs: seen.map((s) => s.sinceFlipMs),
      tookMs: seen.map((s) => s.tookMs),
      threadMs: seen.map((s) => s.threadMs),
    });
    console.error(
      `round ${round}: run ${runId} (${tracksStored} tracks) ${JSON.stringify(results.at(-1))}`,
    );
  }
} finally {
  for (const replica of replicas) await replica.stop();
  rmSync(root, { recursive: true, force: true });
}
const bothServing = results.map((r) => Math.max(...r.sinceFlipMs));
console.log(
  JSON.stringify(
    {
      pollMs: Number(values['poll-ms']),
      rounds: results,
      flipToBothServingMs: { median: median(bothServing), max: Math.max(...bothServing) },
      copyCheckSwapMs: { median: median(results.flatMap((r) => r.tookMs)) },
      loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
    },
    null,
    2,
  ),
);
