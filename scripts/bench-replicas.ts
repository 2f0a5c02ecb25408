// Throughput of HTTP-mode replicas, direct and behind nginx (deploy/nginx's config), with the load
// generator of bench-http.ts: for each setup, compiled replicas (npm start's Node flags) and, when
// asked, nginx on loopback, a warm-up, then each --concurrency level. Repeated --runs times; prints
// per setup the interactions/s of the best level whose p99 stays under 50 ms, run by run and the
// median, with the load average before and after (the machine is shared: numbers are indicative).
// Usage: npm run build && npx tsx scripts/bench-replicas.ts --db <trained db> --models <dir>
//          [--setups 1-direct,1-nginx,2-nginx] [--command about] [--concurrency 1,2,4,8,16,32]
//          [--count 3000] [--seconds 8] [--runs 3]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startFakeDiscord } from '../tests/fakeDiscord/index.ts';
import { startReplicaCluster } from '../tests/helpers/replicaCluster.ts';
import {
  BENCH_COMMANDS,
  P99_GOAL_MS,
  bestUnderGoal,
  median,
  runLoadLevel,
  type BenchCommand,
  type LevelResult,
} from './bench/httpLoad.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'db/nextbeat.sqlite' },
    models: { type: 'string', default: 'models' },
    data: { type: 'string', default: 'data/dataset.csv' },
    setups: { type: 'string', default: '1-direct,1-nginx,2-nginx' },
    command: { type: 'string', default: 'about' },
    concurrency: { type: 'string', default: '1,2,4,8,16,32' },
    count: { type: 'string', default: '3000' },
    seconds: { type: 'string', default: '8' },
    runs: { type: 'string', default: '3' },
  },
});
const levels = values.concurrency.split(',').map(Number);
const numbers = [...levels, Number(values.count), Number(values.seconds), Number(values.runs)];
if (!numbers.every((n) => Number.isInteger(n) && n > 0))
  throw new Error('--concurrency, --count, --seconds and --runs take positive whole numbers');
const command = values.command as BenchCommand;
if (!BENCH_COMMANDS.includes(command))
  throw new Error(`--command takes ${BENCH_COMMANDS.join(', ')} (got "${values.command}")`);
const setups = values.setups.split(',').map((name) => {
  const match = /^([1-9])-(direct|nginx)$/.exec(name);
  if (!match || (match[2] === 'direct' && match[1] !== '1'))
    throw new Error(`--setups takes 1-direct or N-nginx names (got "${name}")`);
  return { name, replicas: Number(match[1]), nginx: match[2] === 'nginx' };
});

// One setup, once: start it, warm it up, run every level, stop it.
async function measure(setup: (typeof setups)[number]): Promise<LevelResult[]> {
  const discord = await startFakeDiscord();
  const cluster = await startReplicaCluster(discord, {
    replicas: setup.replicas,
    model: { dataPath: values.data, dbPath: values.db, modelsDir: values.models },
    entry: 'dist/index.js',
  });
  try {
    if (!setup.nginx) discord.setInteractionsEndpoint(cluster.replicas[0]!.url);
    const options = { command, count: Number(values.count), maxMs: Number(values.seconds) * 1000 };
    // Warm-up: the first interactions load code paths and the title index in each replica.
    await runLoadLevel(discord, { ...options, concurrency: 2, count: 200 * setup.replicas });
    const results: LevelResult[] = [];
    for (const concurrency of levels)
      results.push(await runLoadLevel(discord, { ...options, concurrency }));
    return results;
  } finally {
    await cluster.close();
    await discord.close();
  }
}

const loadBefore = loadavg().map((l) => +l.toFixed(2));
const report: Record<string, unknown>[] = [];
const perSetup = new Map<string, { best: (number | null)[]; runs: LevelResult[][] }>();
for (let run = 0; run < Number(values.runs); run++) {
  // Setups take turns within each run, so a busy minute on the machine hits all of them.
  for (const setup of setups) {
    const results = await measure(setup);
    const entry = perSetup.get(setup.name) ?? { best: [], runs: [] };
    entry.best.push(bestUnderGoal(results));
    entry.runs.push(results);
    perSetup.set(setup.name, entry);
    console.error(`run ${run + 1} ${setup.name}: ${JSON.stringify(results)}`);
  }
}
for (const [name, { best, runs }] of perSetup) {
  report.push({
    setup: name,
    bestUnderP99GoalPerSecond: best,
    medianBestPerSecond: median(best.filter((b): b is number => b !== null)),
    medianP99MsByConcurrency: Object.fromEntries(
      levels.map((c, i) => [c, median(runs.map((r) => r[i]!.p99Ms))]),
    ),
    medianPerSecondByConcurrency: Object.fromEntries(
      levels.map((c, i) => [c, median(runs.map((r) => r[i]!.perSecond))]),
    ),
  });
}
console.log(
  JSON.stringify(
    {
      command,
      p99GoalMs: P99_GOAL_MS,
      runs: Number(values.runs),
      setups: report,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg().map((l) => +l.toFixed(2)),
    },
    null,
    2,
  ),
);
