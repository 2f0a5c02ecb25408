// `npx tsx scripts/multi-seed.ts [--db <file>] [--pairs 500] [--count 10]`: do lists from two
// distant seeds suit both? For seeded random pairs of songs farther apart in the 3-D DNA than 90%
// of random pairs, counts the lists that keep at least one result near EACH seed, where "near a
// seed" means among that seed's own served top 50 (recommendFromTrack, count 50). Served method:
// recommendFromSeeds (seeds take turns); baseline: one query at the centroid (the mean of the two
// seeds' DNA and scaled features), ranked by the same served ranking. Prints JSON.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { numberOption, runCli } from '../src/cli/runCli.ts';
import type { TrackCatalog } from '../src/core/catalog/index.ts';
import { randomPairDistances } from '../src/core/catalog/index.ts';
import {
  createResultSelector,
  popularityRule,
  rankNeighbourhood,
  recommendFromSeeds,
  recommendFromTrack,
  scaledFeaturesOf,
} from '../src/core/queries/index.ts';
import { openActiveCatalog } from '../src/db/activeCatalog.ts';
import { mulberry32 } from '../src/ml/seededShuffle.ts';

const NEAR = 50;

await runCli(async () => {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, pairs: { type: 'string' }, count: { type: 'string' } },
  });
  const pairs = numberOption('pairs', values.pairs, 500, { min: 1, integer: true });
  const count = numberOption('count', values.count, 10, { min: 2, max: 50, integer: true });
  const { catalog } = openActiveCatalog(values.db ?? loadConfig().dbPath);
  const distances = randomPairDistances(catalog.size, (a, b) => latentDistance(catalog, a, b));
  const threshold = distances[Math.floor(0.9 * distances.length)] as number;
  const random = mulberry32(2026);
  const tally = { served: newTally(), centroid: newTally() };
  let drawn = 0;
  for (let done = 0; done < pairs;) {
    drawn++;
    const a = Math.floor(random() * catalog.size);
    const b = Math.floor(random() * catalog.size);
    if (catalog.songIds[a] === catalog.songIds[b]) continue;
    if (latentDistance(catalog, a, b) <= threshold) continue;
    const near = [a, b].map(
      (seed) => new Set(recommendFromTrack(catalog, seed, { count: NEAR }).map((r) => r.index)),
    );
    const served = recommendFromSeeds(catalog, [a, b], { count }).map((r) => r.index);
    count1(tally.served, served, near);
    count1(tally.centroid, centroidList(catalog, a, b, count), near);
    done++;
  }
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const report = (t: ReturnType<typeof newTally>) => ({
    keepsBoth: t.both,
    keepsBothShare: round(t.both / pairs),
    keepsOnlyOne: t.one,
    keepsNeither: t.neither,
    meanResultsNearA: round(t.nearA / pairs),
    meanResultsNearB: round(t.nearB / pairs),
    resultsNearNeitherShare: round(t.nearNone / t.results),
  });
  console.log(
    JSON.stringify(
      {
        pairs,
        count,
        near: `within the seed's own served top ${NEAR}`,
        distantMeans: `latent distance above ${round(threshold)} (90th percentile of random pairs)`,
        pairsDrawn: drawn,
        served: report(tally.served),
        centroid: report(tally.centroid),
      },
      null,
      2,
    ),
  );
});

function latentDistance(catalog: TrackCatalog, a: number, b: number): number {
  const { vectors, latentDim: dim } = catalog;
  let sum = 0;
  for (let d = 0; d < dim; d++) {
    const diff = (vectors[a * dim + d] as number) - (vectors[b * dim + d] as number);
    sum += diff * diff;
  }
  return Math.sqrt(sum);
}

/** The served ranking from one query at the mean of both seeds, with the served variety rules. */
function centroidList(catalog: TrackCatalog, a: number, b: number, count: number): number[] {
  const [va, vb] = [catalog.vectorOf(a), catalog.vectorOf(b)];
  const [fa, fb] = [scaledFeaturesOf(catalog, a), scaledFeaturesOf(catalog, b)];
  const list = rankNeighbourhood(
    catalog,
    {
      latent: va.map((v, d) => (v + (vb[d] as number)) / 2),
      features: fa.map((v, k) => (v + (fb[k] as number)) / 2),
      popularityWeight: popularityRule('balanced').weight,
    },
    undefined,
  );
  const select = createResultSelector(
    catalog,
    1,
    [a, b].map((s) => catalog.songIds[s] as number),
  );
  const out: number[] = [];
  for (let next = list.next(); next && out.length < count; next = list.next()) {
    if (select(next.index)) out.push(next.index);
  }
  return out;
}

function newTally() {
  return { both: 0, one: 0, neither: 0, nearA: 0, nearB: 0, results: 0, nearNone: 0 };
}

function count1(t: ReturnType<typeof newTally>, results: number[], near: Set<number>[]): void {
  const [nearA, nearB] = near.map((set) => results.filter((i) => set.has(i)).length) as [
    number,
    number,
  ];
  t.nearA += nearA;
  t.nearB += nearB;
  t.results += results.length;
  t.nearNone += results.filter((i) => near.every((set) => !set.has(i))).length;
  const kept = (nearA > 0 ? 1 : 0) + (nearB > 0 ? 1 : 0);
  if (kept === 2) t.both++;
  else if (kept === 1) t.one++;
  else t.neither++;
}
