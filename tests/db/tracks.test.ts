import { describe, expect, it } from 'vitest';
import { AUDIO_FEATURES } from '../../src/data/track.ts';
import type { FeatureValues } from '../../src/data/track.ts';
import { InvalidTrackError } from '../../src/db/errors.ts';
import type { Database } from '../../src/db/open.ts';
import { getTrack, upsertTracks } from '../../src/db/tracks.ts';
import { makeTrack, withTempDatabase } from './fixtures.ts';

describe('upsertTracks / getTrack', () => {
  let db: Database;
  withTempDatabase((opened) => (db = opened));

  it('round-trips non-Latin text, several genres in order, and null fields', () => {
    // GIVEN a track with non-Latin text, three genres, and nulls everywhere allowed
    const nullFeatures = Object.fromEntries(AUDIO_FEATURES.map((f) => [f, null])) as FeatureValues;
    const track = makeTrack(1, {
      id: '6habFhsOp2NvshLv26DqMb',
      title: 'Ты не один — 夜に駆ける, "quoted", comma',
      artists: ['YOASOBI', 'Björk', 'محمد عبده'],
      album: '',
      genres: ['j-pop', 'anime', 'electro'],
      popularity: null,
      explicit: null,
      year: null,
      features: { ...nullFeatures, energy: 0.5, tempo: 128.25 },
    });
    // WHEN it is stored and read back
    upsertTracks(db, [track]);
    // THEN every field comes back equal
    expect(getTrack(db, track.id)).toEqual(track);
  });

  it('keeps explicit false distinct from null, and an empty artist list empty', () => {
    // GIVEN tracks with explicit false and no artists
    const tracks = [makeTrack(1, { explicit: false, artists: [] }), makeTrack(2)];
    // WHEN stored and read back
    upsertTracks(db, tracks);
    // THEN they are unchanged
    expect(getTrack(db, 't1')).toEqual(tracks[0]);
    expect(getTrack(db, 't2')).toEqual(tracks[1]);
  });

  it('updates an existing track and replaces its genres', () => {
    // GIVEN a stored track
    upsertTracks(db, [makeTrack(1, { genres: ['pop', 'rock'] })]);
    // WHEN it is upserted with a new title and genres
    const updated = makeTrack(1, { title: 'New title', genres: ['jazz'] });
    upsertTracks(db, [updated]);
    // THEN only the new values remain
    expect(getTrack(db, 't1')).toEqual(updated);
    expect(db.prepare('SELECT count(*) FROM tracks').pluck().get()).toBe(1);
  });

  it('stores a repeated genre once', () => {
    // GIVEN a track listing a genre twice
    upsertTracks(db, [makeTrack(1, { genres: ['pop', 'rock', 'pop'] })]);
    // WHEN read back
    // THEN the genre appears once, order of first appearance kept
    expect(getTrack(db, 't1')?.genres).toEqual(['pop', 'rock']);
  });

  it('refuses an artist name holding the separator, writing nothing', () => {
    // GIVEN a track whose artist name contains U+001F
    const bad = makeTrack(2, { artists: ['A\u001fB'] });
    // WHEN it is upserted with a good one
    const upsert = () => upsertTracks(db, [makeTrack(1), bad]);
    // THEN a named error, and the batch is rolled back
    expect(upsert).toThrow(InvalidTrackError);
    expect(getTrack(db, 't1')).toBeNull();
  });
});
