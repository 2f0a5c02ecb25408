// The steps runEvaluation lists, on a small invented catalog of six genre clusters.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tracksShareGenre } from '../../src/core/catalog/index.ts';
import { recommendFromTrack } from '../../src/core/queries/index.ts';
import { SHIPPED_RECIPE } from '../../src/eval/featureSets.ts';
import { chanceGenrePrecision } from '../../src/eval/genrePrecision.ts';
import type { EvaluationData } from '../../src/eval/runEvaluation.ts';
import { loadEvaluationData, measureServedCatalog } from '../../src/eval/runEvaluation.ts';
import { MissingEncoderWeightsError, servedCatalog } from '../../src/eval/servedCatalog.ts';
import type { RunSettings } from '../../src/eval/shippedModels.ts';
import type { ModelMeasurement } from '../../src/eval/trainedModel.ts';
import { trainAndMeasure } from '../../src/eval/trainedModel.ts';
import { selectBackend } from '../../src/ml/backend.ts';
import { syntheticTracksCsv } from '../helpers/syntheticTracksCsv.ts';

const dir = mkdtempSync(join(tmpdir(), 'nextbeat-eval-'));
const settings: RunSettings = { seed: 3, quick: true, log: () => {} };
let data: EvaluationData;
let model: ModelMeasurement;

beforeAll(async () => {
  await selectBackend('cpu');
  const path = join(dir, 'tracks.csv');
  writeFileSync(path, syntheticTracksCsv(60));
  data = await loadEvaluationData(path, settings);
  const recipe = { ...SHIPPED_RECIPE, epochs: 2, batchSize: 64 };
  model = await trainAndMeasure(data.dataFor('continuous-9'), recipe, 3, {
    withEncoderWeights: true,
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the evaluation data', () => {
  it('GIVEN a CSV WHEN loaded THEN 10% is held out and the queries are held-out tracks', () => {
    const { split, tracks } = data;
    expect(tracks).toHaveLength(362);
    expect(split.testIdx).toHaveLength(36);
    expect(Array.from(split.queries)).toEqual(Array.from(split.testIdx));
    expect(new Set([...split.trainIdx, ...split.testIdx]).size).toBe(362);
  });

  it('GIVEN a feature set WHEN asked twice THEN it is prepared once; an unknown name is refused', () => {
    expect(data.dataFor('continuous-9')).toBe(data.dataFor('continuous-9'));
    expect(() => data.dataFor('no such set')).toThrow(/No feature set named "no such set"/);
  });
});

describe('the served catalog of an evaluated model', () => {
  it('GIVEN a trained model WHEN its catalog is built THEN it serves the model’s codes with the split’s scaler', () => {
    const main = data.dataFor('continuous-9');
    const catalog = servedCatalog(data.tracks, main, model);
    expect(catalog.size).toBe(362);
    expect(Array.from(catalog.vectorOf(17))).toEqual(Array.from(model.codes.subarray(51, 54)));
    expect(catalog.scaler).toBe(main.scaler);
    expect(catalog.encoder).toBe(model.encoderWeights);
  });

  it('GIVEN a model measured without its weights WHEN a catalog is asked THEN a named error says how to keep them', () => {
    const withoutWeights = { ...model, encoderWeights: undefined };
    expect(() => servedCatalog(data.tracks, data.dataFor('continuous-9'), withoutWeights)).toThrow(
      MissingEncoderWeightsError,
    );
  });

  it('GIVEN the catalog WHEN measured THEN the served row is what recommendFromTrack gives on the held-out queries', () => {
    const { split } = data;
    const chance = chanceGenrePrecision(split.genres, split.queries, split.songIds);
    const serving = measureServedCatalog(data, model, chance, settings);
    const catalog = servedCatalog(data.tracks, data.dataFor('continuous-9'), model);
    let hits = 0;
    for (const query of split.queries) {
      for (const r of recommendFromTrack(catalog, query)) {
        if (tracksShareGenre(catalog.genreTable, query, r.index)) hits++;
      }
    }
    const [served, latent, raw] = serving.rankings.rankings;
    expect(served?.ranking).toBe('served');
    expect(served?.precisionAt5).toBeCloseTo(hits / (5 * split.queries.length), 12);
    expect(latent?.ranking).toBe('latent-only');
    // Six well-separated genre clusters: the raw features find the query's genre, chance is 1 in 6.
    expect(raw?.precisionAt5).toBeGreaterThan(0.9);
    expect(serving.rankings.chance).toBeCloseTo(1 / 6, 1);
    expect(serving.listener.randomQueries).toBe(300);
    // "Shape of You" is the one title with two versions: typed, it opens the more popular (87).
    expect(serving.listener.canonicalVersions).toMatchObject({ titles: 1, rate: 1 });
    expect(serving.listener.popularity.map((p) => p.mode)).toEqual([
      'balanced',
      'popular',
      'any',
      'deep-cuts',
    ]);
  });
});
