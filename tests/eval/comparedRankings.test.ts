import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/index.ts';
import { recommendFromTrack, scaledFeaturesOf } from '../../src/core/queries/index.ts';
import {
  latentOnlyRanking,
  rawFeatureRanking,
  resultTable,
  servedRanking,
} from '../../src/eval/comparedRankings.ts';
import { makeSyntheticTracks, makeTrack, sourceFromTracks } from '../core/syntheticCatalog.ts';

const catalog = new TrackCatalog(sourceFromTracks(makeSyntheticTracks(3000, 5)));
const queries = Int32Array.from({ length: 40 }, (_, i) => i * 73);

/** The rules written out plainly: walk `order`, skip the query's song, repeats and capped artists. */
function walk(order: number[], query: number, count: number): number[] {
  const songs = new Set([catalog.songIds[query]]);
  const artists = new Set<number>();
  const out: number[] = [];
  for (const i of order) {
    if (out.length === count) break;
    if (songs.has(catalog.songIds[i]) || artists.has(catalog.artistIds[i] as number)) continue;
    songs.add(catalog.songIds[i]);
    artists.add(catalog.artistIds[i] as number);
    out.push(i);
  }
  return out;
}

function sortedBy(distance: (i: number) => number): number[] {
  const d = Float64Array.from({ length: catalog.size }, (_, i) => distance(i));
  return Array.from({ length: catalog.size }, (_, i) => i).sort(
    (a, b) => (d[a] as number) - (d[b] as number) || a - b,
  );
}

describe('the rankings the evaluation compares', () => {
  it('GIVEN every track scored by scaled features WHEN the raw ranking answers THEN it is the full sort walked through the rules', () => {
    const ranking = rawFeatureRanking(catalog);
    for (const query of queries) {
      const q = scaledFeaturesOf(catalog, query);
      const order = sortedBy((i) => {
        const row = scaledFeaturesOf(catalog, i);
        // Float32 rows, as the ranking scans them.
        return row.reduce(
          (sum, v, f) => sum + (Math.fround(v) - Math.fround(q[f] as number)) ** 2,
          0,
        );
      });
      expect(ranking(query, 10)).toEqual(walk(order, query, 10));
    }
  });

  it('GIVEN hundreds of near twins by one artist WHEN the raw ranking answers THEN it looks past them for other artists', () => {
    const twins = Array.from({ length: 400 }, (_, i) =>
      makeTrack({ id: `s${i}`, title: `Twin ${i}`, artists: ['Same'], features: { energy: 0.5 } }),
    );
    const others = Array.from({ length: 20 }, (_, i) =>
      makeTrack({
        id: `o${i}`,
        title: `Other ${i}`,
        artists: [`A${i}`],
        features: { energy: 0.7 + i / 100 },
      }),
    );
    const crowded = new TrackCatalog(sourceFromTracks([...twins, ...others]));
    const found = rawFeatureRanking(crowded)(0, 10);
    expect(found).toHaveLength(10);
    expect(found.filter((i) => i < 400)).toEqual([1]);
    expect(found.slice(1)).toEqual([400, 401, 402, 403, 404, 405, 406, 407, 408]);
  });

  it('GIVEN the latent vectors WHEN latent-only answers THEN it is the latent sort walked through the rules', () => {
    const ranking = latentOnlyRanking(catalog);
    for (const query of queries) {
      const v = catalog.vectorOf(query);
      const order = sortedBy((i) =>
        catalog.vectorOf(i).reduce((sum, x, d) => sum + (x - (v[d] as number)) ** 2, 0),
      );
      expect(ranking(query, 10)).toEqual(walk(order, query, 10));
    }
  });

  it('GIVEN the served ranking WHEN asked THEN it answers what the bot answers', () => {
    const ranking = servedRanking(catalog);
    for (const query of queries.subarray(0, 10)) {
      expect(ranking(query, 5)).toEqual(recommendFromTrack(catalog, query).map((r) => r.index));
    }
  });

  it('GIVEN a ranking WHEN tabulated THEN each query holds its row and short rows are padded with -1', () => {
    const table = resultTable((query) => (query === 1 ? [7] : [8, 9]), Int32Array.from([1, 2]), 2);
    expect(Array.from(table)).toEqual([7, -1, 8, 9]);
  });
});
