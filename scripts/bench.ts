// `npm run bench [-- --db <file>]`: p50/p99 latency of recommend (the served ranking beside
// latent-only and brute force over the raw features, and the served ranking's stages), title
// search and vibe queries, catalog load time and memory, on the active run (real data) and on a
// 1.2M-track catalog of jittered copies, each beside a naive baseline measured in the same run.
// Prints JSON.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadConfig } from '../src/config.ts';
import { numberOption, runCli } from '../src/cli/runCli.ts';
import { decodeCatalogSnapshot, encodeCatalogSnapshot } from '../src/core/catalog/index.ts';
import { openActiveCatalog } from '../src/db/activeCatalog.ts';
import { jitteredCatalog, jitteredParts } from './bench/jitterCatalog.ts';
import { measureQueries } from './bench/queryLatencies.ts';
import { medianOf, round, timeOnce } from './bench/timing.ts';

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
      'raw-queries': { type: 'string' },
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
  const rawQueries = numberOption('raw-queries', values['raw-queries'], 500, {
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
    ...measureQueries(catalog, { queries, rawQueries, baselineQueries, repeats }),
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
    // The scans cost ~13x more at 1.2M tracks: fewer queries keep the run within minutes.
    ...measureQueries(big, {
      queries,
      rawQueries: Math.max(1, Math.ceil(rawQueries / 5)),
      baselineQueries: Math.max(1, Math.ceil(baselineQueries / 4)),
      repeats,
    }),
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
}, 'Usage: npm run bench -- [--db <file>] [--queries 3000] [--raw-queries 500] [--baseline-queries 20] [--size 1200000] [--repeats 3]');
