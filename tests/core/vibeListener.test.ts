// A listener's dislikes and likes in vibe queries: excluded tracks never come back, and the score
// adjustment steers the order the same way it steers recommendations.
import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import { findTracksByVibe } from '../../src/core/queries/vibe.ts';
import { makeSyntheticTracks, sourceFromTracks } from './syntheticCatalog.ts';

const catalog = new TrackCatalog(sourceFromTracks(makeSyntheticTracks(3000, 11)));

function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('vibe queries for a listener', () => {
  it('GIVEN the top results of 200 random vibes disliked WHEN each vibe is asked again THEN none of them comes back', () => {
    const random = mulberry(5);
    let checked = 0;
    for (let q = 0; q < 200; q++) {
      const query = {
        targets: { energy: random(), valence: random(), tempo: 60 + 120 * random() },
        count: 10,
      };
      const disliked = new Set(findTracksByVibe(catalog, query).map((m) => m.index));
      const again = findTracksByVibe(catalog, { ...query, excludeTracks: disliked });
      expect(again).toHaveLength(10);
      for (const match of again) expect(disliked.has(match.index)).toBe(false);
      checked += again.length;
    }
    expect(checked).toBe(2000);
  });

  it('GIVEN a liked artist WHEN their song is just behind the top results THEN the adjustment lifts it into the list', () => {
    const query = { targets: { energy: 0.7, danceability: 0.6 }, count: 5 };
    const plain = findTracksByVibe(catalog, query);
    const longer = findTracksByVibe(catalog, { ...query, count: 20 });
    const behind = longer.find((m) => !plain.some((p) => p.index === m.index))!;
    const artist = catalog.artistIds[behind.index];
    const steered = findTracksByVibe(catalog, {
      ...query,
      adjustScore: (index) => (catalog.artistIds[index] === artist ? -0.04 : 0),
    });
    expect(plain.map((m) => m.index)).not.toContain(behind.index);
    expect(steered.map((m) => m.index)).toContain(behind.index);
  });

  it('GIVEN only bounds WHEN a disliked artist is penalised THEN their song drops below less popular ones', () => {
    const query = { targets: {}, min: { energy: 0.5 }, count: 5 };
    const [top] = findTracksByVibe(catalog, query);
    const artist = catalog.artistIds[top!.index];
    const steered = findTracksByVibe(catalog, {
      ...query,
      adjustScore: (index) => (catalog.artistIds[index] === artist ? 0.08 : 0),
    });
    expect(steered.map((m) => m.index)).not.toContain(top!.index);
  });
});
