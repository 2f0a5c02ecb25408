// `npm run bench [-- --db <file>]`: p50/p99 latency of recommend, title search and vibe queries,
// catalog load time and memory, on the active run (real data) and on a 1.2M-track catalog of
// jittered copies, each beside a naive baseline measured in the same run. Prints JSON.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadConfig } from '../src/config.ts';
import { numberOption, runCli } from '../src/cli/runCli.ts';
import type { TrackCatalog } from '../src/core/catalog/index.ts';
import { decodeCatalogSnapshot, encodeCatalogSnapshot } from '../src/core/catalog/index.ts';
import { featureColumn } from '../src/core/catalog/index.ts';
import { recommendFromTrack } from '../src/core/queries/index.ts';
import { searchTitles } from '../src/core/queries/index.ts';
import { findTracksByVibe } from '../src/core/queries/index.ts';
import type { AudioFeature } from '../src/data/track.ts';
import { openActiveCatalog } from '../src/db/activeCatalog.ts';
import { naiveRecommend, naiveSearch, naiveTracks, naiveVibe } from './bench/baselines.ts';
import { jitteredCatalog, jitteredParts } from './bench/jitterCatalog.ts';
import { makeQueries } from './bench/queries.ts';
import type { QueryTimes } from './bench/timing.ts';
import { medianOf, medianTimes, round, timeOnce, timeQueries } from './bench/timing.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap plus ArrayBuffer bytes in use after a full collection, in MB. */
function memoryMb(): number {
  // The second collection waits for the first one's freeing of array buffers to finish.
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 2 ** 20;
}

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      queries: { type: 'string' },
      'baseline-queries': { type: 'string' },
      size: { type: 'string' },
      repeats: { type: 'string' },
    },
  });
  const dbPath = values.db ?? loadConfig().dbPath;
  const queries = numberOption('queries', values.queries, 3000, { min: 100, integer: true });
  const baselineQueries = numberOption('baseline-queries', values['baseline-queries'], 20, {
    min: 1,
    integer: true,
  });
  const size = numberOption('size', values.size, 1_200_000, { min: 1, integer: true });
  const repeats = numberOption('repeats', values.repeats, 3, { min: 1, integer: true });

  const machine = { cpus: cpus().length, loadAverageAtStart: loadavg().map((l) => round(l)) };
  const before = memoryMb();
  const loads = Array.from({ length: repeats }, () => timeOnce(() => openActiveCatalog(dbPath)));
  const catalog = (loads[0]?.value as ReturnType<typeof openActiveCatalog>).catalog;
  loads.splice(1); // keep one catalog alive for the memory figure
  const loadRuns = Array.from({ length: repeats }, () => {
    const { wallMs, cpuMs } = timeOnce(() => openActiveCatalog(dbPath));
    return { wallMs, cpuMs };
  });
  const realMemory = memoryMb() - before;
  const real = {
    tracks: catalog.size,
    songs: catalog.songCount,
    load: { ...medianOf(loadRuns), repeats, memoryMb: round(realMemory) },
    ...measureQueries(catalog, queries, baselineQueries, repeats),
  };

  const parts = jitteredParts(catalog, size);
  const beforeBig = memoryMb();
  const built = timeOnce(() => jitteredCatalog(catalog, parts));
  const big = built.value;
  const bigMemory = memoryMb() - beforeBig;
  const snapshot = encodeCatalogSnapshot(big.columns, big.indexes);
  const restore = medianOf(
    Array.from({ length: repeats }, () => {
      const { wallMs, cpuMs } = timeOnce(() => decodeCatalogSnapshot(snapshot));
      return { wallMs, cpuMs };
    }),
  );
  const synthetic = {
    tracks: big.size,
    songs: big.songCount,
    indexBuild: { wallMs: built.wallMs, cpuMs: built.cpuMs },
    snapshotRestore: { ...restore, snapshotMb: round(snapshot.byteLength / 2 ** 20) },
    memoryMb: round(bigMemory),
    ...measureQueries(big, queries, Math.max(1, Math.ceil(baselineQueries / 4)), repeats),
  };
  const result = {
    command: `npm run bench -- --db ${dbPath}`,
    machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => round(l)) },
    note: 'medians over repeats; wall includes waiting for a core on a shared machine, cpu does not',
    real,
    synthetic,
  };
  console.log(JSON.stringify(result, null, 2));
  return 0;
}, 'Usage: npm run bench -- [--db <file>] [--queries 3000] [--size 1200000] [--repeats 3]');

/** Latencies of the three queries and their naive baselines, medians over `repeats` rounds. */
function measureQueries(
  catalog: TrackCatalog,
  count: number,
  baselineCount: number,
  repeats: number,
) {
  const { picks, titles, vibes } = makeQueries(catalog, count);
  const pick = (i: number): number => picks[i] as number;
  const rounds = (run: (i: number) => unknown, n: number): QueryTimes =>
    medianTimes(Array.from({ length: repeats }, () => timeQueries(n, run)));
  const naive = naiveTracks(catalog);
  const vibeColumns = (['energy', 'danceability', 'tempo'] as AudioFeature[]).map(featureColumn);
  const { min, max } = catalog.featureTable;
  const scaledTargets = (i: number): number[] =>
    vibeColumns.map((c, j) => {
      const target = [
        vibes[i]?.targets.energy,
        vibes[i]?.targets.danceability,
        vibes[i]?.targets.tempo,
      ][j] as number;
      return (target - (min[c] as number)) / ((max[c] as number) - (min[c] as number));
    });
  const out = {
    recommend: rounds((i) => recommendFromTrack(catalog, pick(i)), count),
    recommendFiltered: rounds(
      (i) => recommendFromTrack(catalog, pick(i), { sameGenre: true, noExplicit: true }),
      count,
    ),
    titleSearch: rounds((i) => searchTitles(catalog, titles[i] as string), count),
    vibe: rounds((i) => findTracksByVibe(catalog, vibes[i % vibes.length]!), Math.min(count, 500)),
    baselines: {
      recommendBruteForce: timeQueries(baselineCount, (i) => naiveRecommend(naive, pick(i))),
      titleSearchLinearScan: timeQueries(baselineCount, (i) =>
        naiveSearch(naive, titles[i] as string),
      ),
      vibeBruteForce: timeQueries(baselineCount, (i) =>
        naiveVibe(naive, vibeColumns, scaledTargets(i)),
      ),
    },
  };
  return {
    ...out,
    speedupAtP50: {
      recommend: round(out.baselines.recommendBruteForce.wallMs.p50 / out.recommend.wallMs.p50),
      titleSearch: round(
        out.baselines.titleSearchLinearScan.wallMs.p50 / out.titleSearch.wallMs.p50,
      ),
      vibe: round(out.baselines.vibeBruteForce.wallMs.p50 / out.vibe.wallMs.p50),
    },
  };
}
