import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import { InvalidQueryError } from '../../src/core/errors.ts';
import { recommendFromSeeds, recommendFromTrack } from '../../src/core/queries/recommend.ts';
import { makeSyntheticTracks, sourceFromTracks } from './syntheticCatalog.ts';

const catalog = new TrackCatalog(sourceFromTracks(makeSyntheticTracks(3000, 8)));

/** The two tracks furthest apart in latent space among the first 300. */
function farApart(): [number, number] {
  let best: [number, number] = [0, 1];
  let bestDistance = -1;
  for (let a = 0; a < 300; a++) {
    for (let b = a + 1; b < 300; b++) {
      const va = catalog.vectorOf(a);
      const vb = catalog.vectorOf(b);
      const d = va.reduce((sum, x, k) => sum + (x - (vb[k] as number)) ** 2, 0);
      if (d > bestDistance) [best, bestDistance] = [[a, b], d];
    }
  }
  return best;
}

describe('recommendFromSeeds', () => {
  it('GIVEN two seeds far apart WHEN recommending THEN each keeps results near it, in turns', () => {
    const [a, b] = farApart();
    const results = recommendFromSeeds(catalog, [a, b], { count: 6 });
    expect(results).toHaveLength(6);
    expect(results.filter((r) => r.seed === a)).toHaveLength(3);
    expect(results.filter((r) => r.seed === b)).toHaveLength(3);
    // Each result is the one its seed would recommend anyway: its own list's top songs.
    const ownA = recommendFromTrack(catalog, a, { count: 10 }).map((r) => r.index);
    for (const r of results.filter((r) => r.seed === a)) expect(ownA).toContain(r.index);
  });

  it('GIVEN one seed WHEN recommending from seeds THEN it is the single-song list', () => {
    expect(recommendFromSeeds(catalog, [42], { count: 5 })).toEqual(
      recommendFromTrack(catalog, 42, { count: 5 }),
    );
  });

  it('GIVEN the same song twice, or six seeds WHEN recommending THEN a user-facing error says so', () => {
    expect(() => recommendFromSeeds(catalog, [3, 3])).toThrow(/given twice/);
    expect(() => recommendFromSeeds(catalog, [1, 2, 3, 4, 5, 6])).toThrow(InvalidQueryError);
    expect(() => recommendFromSeeds(catalog, [])).toThrow(InvalidQueryError);
  });

  it('GIVEN excluded tracks WHEN recommending THEN none of them comes back', () => {
    const first = recommendFromTrack(catalog, 7, { count: 5 }).map((r) => r.index);
    const excludeTracks = new Set(first);
    const next = recommendFromTrack(catalog, 7, { count: 5, excludeTracks });
    expect(next.map((r) => r.index).filter((i) => excludeTracks.has(i))).toEqual([]);
    expect(next).toHaveLength(5);
  });

  it('GIVEN a score adjustment WHEN recommending THEN a favoured track moves up', () => {
    const plain = recommendFromTrack(catalog, 9, { count: 5, popularity: 'any' });
    const favourite = recommendFromTrack(catalog, 9, {
      count: 30,
      offset: 25,
      popularity: 'any',
    })[0]!;
    const steered = recommendFromTrack(catalog, 9, {
      count: 5,
      popularity: 'any',
      adjustScore: (i) => (i === favourite.index ? -10 : 0),
    });
    expect(plain.map((r) => r.index)).not.toContain(favourite.index);
    expect(steered.map((r) => r.index)).toContain(favourite.index);
  });
});
