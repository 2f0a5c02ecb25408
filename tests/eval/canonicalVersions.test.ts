import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import type { Track } from '../../src/data/track.ts';
import { canonicalVersionRate } from '../../src/eval/canonicalVersions.ts';
import { makeTrack, sourceFromTracks } from '../core/syntheticCatalog.ts';

function catalogOf(tracks: (Partial<Track> & { id: string })[]): TrackCatalog {
  return new TrackCatalog(sourceFromTracks(tracks.map((t) => makeTrack(t))));
}

const TRACKS = [
  { id: 'c1', title: 'Hey Jude', artists: ['Elvis Presley'], popularity: 95 },
  { id: 'c2', title: 'Hey Jude - Remastered 2015', artists: ['The Beatles'], popularity: 99 },
  { id: 'c3', title: 'Levitating', artists: ['Kidz Bop Kids'], popularity: 60 },
  { id: 'c4', title: 'Levitating (feat. DaBaby)', artists: ['Dua Lipa'], popularity: 98 },
  { id: 'c5', title: 'Unholy', artists: ['Someone'], popularity: 97 },
  { id: 'c6', title: 'Unholy - Live', artists: ['Someone Else'], popularity: 97 },
  { id: 'c7', title: 'One of a Kind', artists: ['Solo'], popularity: 100 },
];
const catalog = catalogOf(TRACKS);

describe('canonicalVersionRate', () => {
  it('GIVEN multi-version titles WHEN each is typed THEN all resolve to their most popular version (ties count)', () => {
    const report = canonicalVersionRate(catalog, { titles: 3 });
    expect(report).toEqual({ titles: 3, resolvedToMostPopular: 3, rate: 1, failures: [] });
  });

  it('GIVEN a title typed as something that resolves elsewhere WHEN measured THEN it is a failure naming typed, got and expected', () => {
    // GIVEN a track whose id is the typed text of the second most popular title ("Levitating")
    const trap = catalogOf([
      ...TRACKS.slice(0, 4),
      { id: 'Levitating', title: 'Something Else', artists: ['Trap'], popularity: 1 },
    ]);
    // WHEN measured over the top 1 and the top 2 titles
    const top1 = canonicalVersionRate(trap, { titles: 1 });
    const top2 = canonicalVersionRate(trap, { titles: 2 });
    // THEN "Hey Jude" succeeds, "Levitating" (an id) fails with what it got and what was expected
    expect(top1.rate).toBe(1);
    expect(top2).toMatchObject({ titles: 2, resolvedToMostPopular: 1, rate: 0.5 });
    expect(top2.failures).toEqual([
      {
        typed: 'Levitating',
        got: 'Something Else - Trap (popularity 1)',
        expected: 'Levitating (feat. DaBaby) - Dua Lipa (popularity 98)',
      },
    ]);
  });

  it('GIVEN a catalog without titles in several versions WHEN measured THEN nothing is typed and the rate is 1', () => {
    const report = canonicalVersionRate(catalogOf([TRACKS[0]!, TRACKS[6]!]), { titles: 300 });
    expect(report).toEqual({ titles: 0, resolvedToMostPopular: 0, rate: 1, failures: [] });
  });

  it('GIVEN a title count that is not a positive integer WHEN measured THEN RangeError', () => {
    expect(() => canonicalVersionRate(catalog, { titles: 0 })).toThrow(RangeError);
  });
});
