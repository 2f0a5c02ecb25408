// readTracks on small fixtures of each supported export schema.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTracks } from '../../src/data/readTracks.ts';
import { FIXTURES } from './tempFiles.ts';

const fixture = (name: string): string => join(FIXTURES, name);

describe('readTracks: Spotify Tracks Dataset', () => {
  it('GIVEN the Hugging Face schema WHEN read THEN merges genres of a repeated id and splits artists on ;', async () => {
    const { tracks, summary } = await readTracks(fixture('spotify-tracks-dataset.csv'));

    expect(summary).toMatchObject({
      schema: 'spotify-tracks-dataset',
      rowsRead: 7,
      rowsSkipped: 0,
      duplicateRows: 1,
      uniqueTracks: 6,
      tracksWithSeveralGenres: 1,
    });
    const queen = tracks.find((track) => track.title === 'Bohemian Rhapsody');
    expect(queen?.genres).toEqual(['rock', 'classic-rock']);
    const getLucky = tracks.find((track) => track.title === 'Get Lucky');
    expect(getLucky?.artists).toEqual(['Daft Punk', 'Pharrell Williams']);
    expect(getLucky?.features.instrumentalness).toBeCloseTo(1.07e-6);
  });

  it('GIVEN a row WHEN read THEN every Track field is filled from its column', async () => {
    const { tracks } = await readTracks(fixture('spotify-tracks-dataset.csv'));

    expect(tracks[0]).toEqual({
      id: '0aaaaaaaaaaaaaaaaaaaa1',
      title: 'Shape of You',
      artists: ['Ed Sheeran'],
      album: '÷ (Deluxe)',
      genres: ['pop'],
      popularity: 88,
      explicit: false,
      year: null,
      features: {
        danceability: 0.825,
        energy: 0.652,
        key: 1,
        loudness: -3.183,
        mode: 0,
        speechiness: 0.0802,
        acousticness: 0.581,
        instrumentalness: 0,
        liveness: 0.0931,
        valence: 0.931,
        tempo: 95.977,
        duration_ms: 233712,
        time_signature: 4,
      },
    });
  });

  it('GIVEN an artist with a trailing space and an explicit track WHEN read THEN the name is trimmed and explicit is true', async () => {
    const { tracks } = await readTracks(fixture('spotify-tracks-dataset.csv'));

    const withoutMe = tracks.find((track) => track.title === 'Without Me');
    expect(withoutMe?.artists).toEqual(['Eminem']);
    expect(withoutMe?.explicit).toBe(true);
  });

  it('GIVEN a tempo of 0 WHEN read THEN the row is kept, 0 being inside the documented range', async () => {
    const { tracks } = await readTracks(fixture('spotify-tracks-dataset.csv'));

    expect(tracks.find((track) => track.title === 'So What')?.features.tempo).toBe(0);
  });

  it('GIVEN the published copy with an unnamed leading index column WHEN read THEN the index is ignored', async () => {
    const { tracks, summary } = await readTracks(fixture('with-index-column.csv'));

    expect(summary.schema).toBe('spotify-tracks-dataset');
    expect(summary.rowsSkipped).toBe(0);
    expect(tracks.map((track) => track.id)).toEqual([
      '0aaaaaaaaaaaaaaaaaaaa1',
      '0aaaaaaaaaaaaaaaaaaaa2',
      '0aaaaaaaaaaaaaaaaaaaa3',
      '0aaaaaaaaaaaaaaaaaaaa4',
      '0aaaaaaaaaaaaaaaaaaaa5',
    ]);
  });
});

describe('readTracks: other exports', () => {
  it('GIVEN the Spotify API export WHEN read THEN list-string artists are parsed and the year comes from year or release_date', async () => {
    const { tracks, summary } = await readTracks(fixture('spotify-api-export.csv'));

    expect(summary).toMatchObject({ schema: 'spotify-api-export', rowsRead: 5, uniqueTracks: 5 });
    const byTitle = new Map(tracks.map((track) => [track.title, track]));
    expect(byTitle.get("Knockin' On Heaven's Door")?.artists).toEqual([
      'Rage Against The Machine',
      "Guns N' Roses",
    ]);
    expect(byTitle.get("Knockin' On Heaven's Door")?.year).toBe(1991);
    expect(byTitle.get('Tyler, Song')?.artists).toEqual(['Tyler, The Creator']);
    expect(byTitle.get('Testify')).toMatchObject({ year: 1999, popularity: null, genres: [] });
    expect(byTitle.get('Testify')?.album).toBe('The Battle Of Los Angeles');
  });

  it('GIVEN the 600k tracks export WHEN read THEN explicit 0/1, bare years and bad popularity are understood', async () => {
    const { tracks, summary } = await readTracks(fixture('spotify-600k-tracks.csv'));

    expect(summary).toMatchObject({ schema: 'spotify-600k-tracks', rowsRead: 5, uniqueTracks: 5 });
    const byTitle = new Map(tracks.map((track) => [track.title, track]));
    expect(byTitle.get('Hey Jude')).toMatchObject({ year: 1968, explicit: false, album: '' });
    expect(byTitle.get('Gimme Shelter')).toMatchObject({ explicit: true, popularity: null, year: 1969 });
    expect(byTitle.get('Clair de Lune')?.artists).toEqual(['Claude Debussy', 'Pascal Rogé']);
  });
});

describe('readTracks: BOM, CRLF, quoting and scripts', () => {
  it('GIVEN a BOM, CRLF and non-Latin titles WHEN read THEN titles and the first column name survive intact', async () => {
    const { tracks, summary } = await readTracks(fixture('bom-crlf-multiline.csv'));

    expect(summary.schema).toBe('spotify-tracks-dataset');
    const titles = tracks.map((track) => track.title);
    expect(titles).toContain('上を向いて歩こう');
    expect(titles).toContain('أعطني الناي وغنّ, live');
    expect(titles).toContain('Группа крови\r\n(Remastered)');
    expect(titles).toContain('Cecilia, Live');
  });

  it('GIVEN an id listed under two genres WHEN read THEN one track keeps both genres in order', async () => {
    const { tracks, summary } = await readTracks(fixture('bom-crlf-multiline.csv'));

    expect(tracks.filter((track) => track.id === '3ddddddddddddddddddddd1')).toHaveLength(1);
    expect(tracks.find((track) => track.id === '3ddddddddddddddddddddd1')?.genres).toEqual([
      'j-pop',
      'oldies',
    ]);
    expect(summary.duplicateRows).toBe(1);
  });

  it('GIVEN a bad row after a title spanning two lines WHEN read THEN its physical line number is reported', async () => {
    const { summary } = await readTracks(fixture('bom-crlf-multiline.csv'));

    expect(summary.skippedByReason).toEqual({
      'tempo out of range [0, 300]': { count: 1, firstLines: [8] },
    });
    expect(summary.rowsRead).toBe(summary.rowsSkipped + summary.duplicateRows + summary.uniqueTracks);
  });

  it('GIVEN a file WHEN read THEN the summary carries its size and SHA-256', async () => {
    const { summary } = await readTracks(fixture('spotify-600k-tracks.csv'));
    const bytes = await readFile(fixture('spotify-600k-tracks.csv'));

    expect(summary.bytes).toBe(bytes.length);
    expect(summary.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
