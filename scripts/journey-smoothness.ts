// `npx tsx scripts/journey-smoothness.ts [--db <file>] [--pairs 200]`: how smooth journeys are.
// For seeded random pairs of songs, the largest step between consecutive stops (feature distance)
// and its ratio to the journey's mean step, against a baseline playlist of the destination's
// nearest neighbours (from, its neighbours farthest first, to). Prints JSON.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { numberOption, runCli } from '../src/cli/runCli.ts';
import type { TrackCatalog } from '../src/core/catalog/index.ts';
import {
  featureDistance,
  featureSpaceOf,
  planJourney,
  recommendFromTrack,
  scaledFeaturesOf,
} from '../src/core/queries/index.ts';
import { openActiveCatalog } from '../src/db/activeCatalog.ts';
import { mulberry32 } from '../src/ml/seededShuffle.ts';

const STOPS = 10;

await runCli(async () => {
  const { values } = parseArgs({ options: { db: { type: 'string' }, pairs: { type: 'string' } } });
  const pairs = numberOption('pairs', values.pairs, 200, { min: 1, integer: true });
  const { catalog } = openActiveCatalog(values.db ?? loadConfig().dbPath);
  const random = mulberry32(2026);
  const journey = { largest: [] as number[], ratio: [] as number[] };
  const baseline = { largest: [] as number[], ratio: [] as number[] };
  for (let p = 0; p < pairs; p++) {
    const from = Math.floor(random() * catalog.size);
    const to = Math.floor(random() * catalog.size);
    if (catalog.songIds[from] === catalog.songIds[to]) continue;
    record(
      journey,
      steps(
        catalog,
        planJourney(catalog, from, to, { stops: STOPS }).map((s) => s.index),
      ),
    );
    const near = recommendFromTrack(catalog, to, { count: STOPS - 2 })
      .map((r) => r.index)
      .reverse();
    record(baseline, steps(catalog, [from, ...near, to]));
  }
  console.log(
    JSON.stringify(
      { pairs, stops: STOPS, journey: summary(journey), baseline: summary(baseline) },
      null,
      2,
    ),
  );
});

function steps(catalog: TrackCatalog, path: number[]): number[] {
  const space = featureSpaceOf(catalog);
  return path
    .slice(1)
    .map((index, k) => featureDistance(space, scaledFeaturesOf(catalog, path[k] as number), index));
}

function record(into: { largest: number[]; ratio: number[] }, stepLengths: number[]): void {
  const largest = Math.max(...stepLengths);
  const mean = stepLengths.reduce((a, b) => a + b, 0) / stepLengths.length;
  into.largest.push(largest);
  into.ratio.push(largest / mean);
}

function summary({ largest, ratio }: { largest: number[]; ratio: number[] }) {
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
  const p90 = (xs: number[]): number =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] as number;
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    largestStepMedian: round(median(largest)),
    largestStepP90: round(p90(largest)),
    largestOverMeanMedian: round(median(ratio)),
    largestOverMeanP90: round(p90(ratio)),
  };
}
