// Issue 13's must-show figures for the served ranking, on the real 114,000-row data set with the
// model the evaluation trains (set NEXTBEAT_FULL_DATA to run). The same steps as `npm run
// evaluate`: seeded split, the shipped recipe with seed 42, a catalog of every track, then
// recommendFromTrack as the bot calls it. One training and one pass of measures for every check.
import { beforeAll, expect, it } from 'vitest';
import { SHIPPED_RECIPE } from '../../src/eval/featureSets.ts';
import { chanceGenrePrecision } from '../../src/eval/genrePrecision.ts';
import { rankingMeasure } from '../../src/eval/rankingPrecision.ts';
import { loadEvaluationData, measureServedCatalog } from '../../src/eval/runEvaluation.ts';
import type { ServingMeasures } from '../../src/eval/servingMeasures.ts';
import type { RunSettings } from '../../src/eval/shippedModels.ts';
import { trainAndMeasure } from '../../src/eval/trainedModel.ts';
import { selectBackend } from '../../src/ml/backend.ts';
import { describeFullData } from '../helpers/fullData.ts';

describeFullData('the served ranking on the full Spotify Tracks Dataset (issue 13)', (path) => {
  const settings: RunSettings = { seed: 42, quick: false, log: () => {} };
  let serving: ServingMeasures;
  beforeAll(async () => {
    await selectBackend('auto');
    const data = await loadEvaluationData(path, settings);
    const main = data.dataFor(SHIPPED_RECIPE.featureSet);
    const model = await trainAndMeasure(main, SHIPPED_RECIPE, settings.seed, {
      withEncoderWeights: true,
    });
    const { genres, queries, songIds } = data.split;
    serving = measureServedCatalog(
      data,
      model,
      chanceGenrePrecision(genres, queries, songIds),
      settings,
    );
  }, 300_000);

  it('GIVEN 2,000 seeded queries with de-duplication and the artist cap WHEN served THEN genre p@5 is at least 0.95x raw features and 10x chance', () => {
    const { rankings } = serving;
    expect(rankings.queries).toBe(2000);
    expect(rankings.maxPerArtist).toBe(1);
    const served = rankingMeasure(rankings, 'served').precisionAt5;
    expect(served).toBeGreaterThanOrEqual(
      0.95 * rankingMeasure(rankings, 'raw features').precisionAt5,
    );
    expect(served).toBeGreaterThanOrEqual(10 * rankings.chance);
  });

  it('GIVEN 2,000 random queries WHEN their results are shown THEN at most 10% read 100%, p10-p90 spans 5 points or more, and random pairs score under 50%', () => {
    const { similarity } = serving.listener;
    expect(serving.listener.randomQueries).toBe(2000);
    expect(similarity.results).toBe(10_000);
    expect(similarity.shareAt100).toBeLessThanOrEqual(0.1);
    expect(similarity.spread).toBeGreaterThanOrEqual(5);
    expect(similarity.randomPairMedian).toBeLessThan(50);
  });

  it('GIVEN those results in 5-point buckets of similarity WHEN genre agreement is compared THEN no bucket shares a genre significantly less often than a lower one, and 90+ beats under 80', () => {
    const { agreement, agreementMinResults, agreementMonotone } = serving.listener;
    expect(agreementMonotone).toBe(true);
    const share = (buckets: typeof agreement) =>
      buckets.reduce((sum, b) => sum + b.sharedGenre, 0) /
      buckets.reduce((sum, b) => sum + b.results, 0);
    const kept = agreement.filter((b) => b.results >= agreementMinResults);
    const high = share(kept.filter((b) => b.from >= 90));
    const low = share(kept.filter((b) => b.from < 80));
    expect(high).toBeGreaterThan(1.5 * low);
  });

  it('GIVEN the reason lines of those results WHEN phrases are counted once per line THEN none is in more than 25% of lines', () => {
    const { reasons } = serving.listener;
    expect(reasons.lines).toBe(10_000);
    expect(reasons.top[0]?.share).toBeLessThanOrEqual(0.25);
  });

  it('GIVEN the 300 most popular songs as queries WHEN recommended at the default THEN at most 2% of results have popularity 0', () => {
    const [balanced] = serving.listener.popularity;
    expect(serving.listener.popularQueries).toBe(300);
    expect(balanced?.mode).toBe('balanced');
    expect(balanced?.results).toBe(1500);
    expect(balanced?.zeroShare).toBeLessThanOrEqual(0.02);
  });
});
