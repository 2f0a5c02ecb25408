// How ratings turn into a listener's taste on the served catalog: exclusions (with every release
// of a dismissed song), the artist bonus and penalty with their caps, and ratings of tracks the
// catalog no longer has.
import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import {
  DISLIKED_ARTIST_PENALTY,
  LIKED_ARTIST_BONUS,
  MAX_DISLIKED_ARTIST_PENALTY,
  MAX_LIKED_ARTIST_BONUS,
  tasteFromRatings,
} from '../../src/bot/listeners/taste.ts';
import type { StoredRating } from '../../src/db/listenerRatings.ts';
import { makeSyntheticTracks, sourceFromTracks } from '../core/syntheticCatalog.ts';

const catalog = new TrackCatalog(sourceFromTracks(makeSyntheticTracks(400, 3)));
const idOf = (index: number) => catalog.columns.ids.at(index) as string;
const rating = (index: number, kind: 'like' | 'dislike', ratedAt = 1): StoredRating => ({
  trackId: idOf(index),
  rating: kind,
  ratedAt,
});

/** Indices of tracks by the same primary artist as `index` (itself first). */
function sameArtist(index: number): number[] {
  const artist = catalog.artistIds[index];
  return [...catalog.artistIds.keys()].filter((i) => catalog.artistIds[i] === artist);
}

/** A track that has another release of the same song, and that release. */
function twoReleases(): [number, number] {
  for (let a = 0; a < catalog.size; a++) {
    for (let b = a + 1; b < catalog.size; b++) {
      if (catalog.songIds[a] === catalog.songIds[b]) return [a, b];
    }
  }
  throw new Error('the synthetic catalog has no song with two releases');
}

describe('listener taste', () => {
  it('GIVEN no ratings WHEN read THEN nothing is excluded and nothing steers', () => {
    const taste = tasteFromRatings(catalog, []);
    expect(taste.disliked.has(0)).toBe(false);
    expect(taste.adjustScore).toBeUndefined();
  });

  it('GIVEN a dismissed song WHEN read THEN it and its other releases are excluded, other songs not', () => {
    const [a, b] = twoReleases();
    const taste = tasteFromRatings(catalog, [rating(a, 'dislike')]);
    expect(taste.disliked.has(a)).toBe(true);
    expect(taste.disliked.has(b)).toBe(true);
    const unrelated = [...Array(catalog.size).keys()].find(
      (i) => catalog.songIds[i] !== catalog.songIds[a],
    )!;
    expect(taste.disliked.has(unrelated)).toBe(false);
    expect(taste.rated.has(b)).toBe(true);
  });

  it('GIVEN likes and dislikes of artists WHEN scoring THEN their other songs move by the documented amounts, capped', () => {
    const liked = [...Array(catalog.size).keys()].find((i) => sameArtist(i).length >= 4)!;
    const disliked = [...Array(catalog.size).keys()].find(
      (i) => sameArtist(i).length >= 4 && catalog.artistIds[i] !== catalog.artistIds[liked],
    )!;
    const [, likedOther] = sameArtist(liked);
    const [, dislikedOther] = sameArtist(disliked);
    const once = tasteFromRatings(catalog, [rating(liked, 'like'), rating(disliked, 'dislike')]);
    expect(once.adjustScore!(likedOther!)).toBeCloseTo(-LIKED_ARTIST_BONUS);
    expect(once.adjustScore!(dislikedOther!)).toBeCloseTo(DISLIKED_ARTIST_PENALTY);
    const unrelated = [...Array(catalog.size).keys()].find(
      (i) =>
        ![catalog.artistIds[liked], catalog.artistIds[disliked]].includes(catalog.artistIds[i]),
    )!;
    expect(once.adjustScore!(unrelated)).toBe(0);
    const many = tasteFromRatings(catalog, [
      ...sameArtist(liked)
        .slice(0, 4)
        .map((i) => rating(i, 'like')),
      ...sameArtist(disliked)
        .slice(0, 4)
        .map((i) => rating(i, 'dislike')),
    ]);
    expect(many.adjustScore!(likedOther!)).toBeCloseTo(-MAX_LIKED_ARTIST_BONUS);
    expect(many.adjustScore!(dislikedOther!)).toBeCloseTo(MAX_DISLIKED_ARTIST_PENALTY);
  });

  it('GIVEN ratings of tracks a retrain dropped WHEN read THEN they are skipped, the rest applies', () => {
    const ratings: StoredRating[] = [
      { trackId: 'GoneAfterRetrain000001', rating: 'dislike', ratedAt: 3 },
      { trackId: 'GoneAfterRetrain000002', rating: 'like', ratedAt: 2 },
      rating(5, 'like'),
    ];
    const taste = tasteFromRatings(catalog, ratings);
    expect(taste.likes).toEqual([5]);
    expect([...taste.rated]).toEqual([5]);
  });

  it('GIVEN likes WHEN read THEN they are listed newest first, as given', () => {
    const taste = tasteFromRatings(catalog, [
      rating(9, 'like', 3),
      rating(2, 'like', 2),
      rating(7, 'like', 1),
    ]);
    expect(taste.likes).toEqual([9, 2, 7]);
  });
});
