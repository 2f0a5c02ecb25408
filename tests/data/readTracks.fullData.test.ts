// readTracks on the real 114,000-row Spotify Tracks Dataset (set NEXTBEAT_FULL_DATA to run).
import { beforeAll, expect, it } from 'vitest';
import { readTracks } from '../../src/data/readTracks.ts';
import type { Track } from '../../src/data/track.ts';
import type { IngestSummary } from '../../src/data/readTracks.ts';
import { describeFullData } from '../helpers/fullData.ts';

describeFullData('readTracks on the full Spotify Tracks Dataset', (path) => {
  let tracks: Track[] = [];
  let summary: IngestSummary | undefined;
  beforeAll(async () => {
    ({ tracks, summary } = await readTracks(path));
  });

  it('GIVEN the real file WHEN read THEN counts match an independent count (python csv module)', () => {
    expect(summary).toMatchObject({
      schema: 'spotify-tracks-dataset',
      rowsRead: 114_000,
      rowsSkipped: 1,
      skippedByReason: { 'missing title': { count: 1, firstLines: [65_902] } },
      duplicateRows: 24_259,
      uniqueTracks: 89_740,
      tracksWithSeveralGenres: 16_299,
      bytes: 19_431_353,
      sha256: 'db8cd3670209db33285dbfa7ad08dc05446219e9c430e7750abfd17e99297c42',
    });
    expect(tracks).toHaveLength(89_740);
    expect(tracks.some((track) => track.id === '1kR4gIb7nGxHPI3D2ifs59')).toBe(false);
  });

  it('GIVEN a track listed under nine genres WHEN read THEN it keeps all nine in file order', () => {
    const babyBlue = tracks.find((track) => track.id === '6S3JlDAGk3uu3NtZbPnuhS');
    expect(babyBlue?.title).toBe('Baby Blue - Remastered 2010');
    expect(babyBlue?.genres).toEqual([
      'blues',
      'country',
      'folk',
      'j-pop',
      'j-rock',
      'power-pop',
      'psych-rock',
      'singer-songwriter',
      'songwriter',
    ]);
  });

  it('GIVEN tempo 0 in 157 rows WHEN read THEN those rows are kept (0 is within range)', () => {
    expect(tracks.filter((track) => track.features.tempo === 0).length).toBeGreaterThan(0);
  });
});
