import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import { InvalidQueryError } from '../../src/core/errors.ts';
import {
  featureDistance,
  featureSpaceOf,
  scaledFeaturesOf,
} from '../../src/core/queries/featureSpace.ts';
import { planJourney } from '../../src/core/queries/journey.ts';
import { makeSyntheticTracks, sourceFromTracks } from './syntheticCatalog.ts';

const catalog = new TrackCatalog(sourceFromTracks(makeSyntheticTracks(4000, 11)));
const space = featureSpaceOf(catalog);
const apart = (a: number, b: number): number =>
  featureDistance(space, scaledFeaturesOf(catalog, a), b);

describe('planJourney', () => {
  it('GIVEN two songs WHEN planning THEN it starts and ends on them with the asked number of stops', () => {
    const stops = planJourney(catalog, 3, 1500, { stops: 12 });
    expect(stops).toHaveLength(12);
    expect(stops[0]!.index).toBe(3);
    expect(stops.at(-1)!.index).toBe(1500);
  });

  it('GIVEN many pairs WHEN planning THEN no song or artist repeats and the end songs never reappear', () => {
    for (let p = 0; p < 20; p++) {
      const [from, to] = [p * 37, 3999 - p * 53];
      const path = planJourney(catalog, from, to, { stops: 10 }).map((s) => s.index);
      const songs = path.map((i) => catalog.songIds[i]);
      const artists = path.map((i) => catalog.artistIds[i]);
      expect(new Set(songs).size).toBe(songs.length);
      expect(new Set(artists.slice(1, -1)).size).toBe(artists.length - 2);
      for (const middle of artists.slice(1, -1)) {
        expect([artists[0], artists.at(-1)]).not.toContain(middle);
      }
    }
  });

  it('GIVEN distant songs WHEN planning THEN every step is much shorter than the jump between the ends', () => {
    const stops = planJourney(catalog, 10, 2900, { stops: 10 });
    const direct = apart(10, 2900);
    const largest = Math.max(...stops.map((s) => s.step));
    expect(largest).toBeLessThan(direct / 2);
    stops.slice(1).forEach((stop, k) => {
      expect(stop.step).toBeCloseTo(apart(stops[k]!.index, stop.index), 12);
    });
  });

  it('GIVEN the same song at both ends or a bad number of stops WHEN planning THEN it says why', () => {
    expect(() => planJourney(catalog, 5, 5)).toThrow(/two different songs/);
    expect(() => planJourney(catalog, 5, 6, { stops: 4 })).toThrow(InvalidQueryError);
    expect(() => planJourney(catalog, 5, 6, { stops: 26 })).toThrow(/5 to 25 stops/);
  });

  it('GIVEN the same request twice WHEN planning THEN the journey is the same', () => {
    expect(planJourney(catalog, 8, 800)).toEqual(planJourney(catalog, 8, 800));
  });
});
