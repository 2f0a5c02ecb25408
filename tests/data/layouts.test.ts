// readTracks on invented files in the layouts of common public Spotify exports, read by name alone.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseColumnMapping } from '../../src/data/columnMapping.ts';
import { formatColumnsUsed } from '../../src/data/columnsUsed.ts';
import { readTracks } from '../../src/data/readTracks.ts';
import { derivedTrackId } from '../../src/data/trackIds.ts';
import { FIXTURES } from './tempFiles.ts';

const layout = (name: string): string => join(FIXTURES, 'layouts', name);
const IDS = ['4Nq7c1XyQz8uVb2LmPaT0e', '1Rk9WcZp3YdHs5JqTgN7uA', '6Bv2MxEo8LtRy4KiQwZc1P'];

describe('readTracks: layouts recognised by name', () => {
  it("GIVEN the '30000 Spotify Songs' layout WHEN read THEN track_artist, track_popularity and playlist_genre are used", async () => {
    const { tracks, summary } = await readTracks(layout('spotify-songs-30000.csv'));

    expect(summary.schema).toBe('spotify-songs-30000');
    expect(summary.columns.byField).toMatchObject({
      id: 'track_id',
      title: 'track_name',
      artists: 'track_artist',
      album: 'track_album_name',
      genres: 'playlist_genre',
      popularity: 'track_popularity',
      releaseDate: 'track_album_release_date',
    });
    expect(tracks.map((t) => t.id).slice(0, 3)).toEqual(IDS);
    expect(tracks[0]).toMatchObject({ artists: ['Luna Vale'], popularity: 40, year: 2019 });
    expect(tracks[1]?.genres).toEqual(['indie']);
  });

  it('GIVEN an Exportify playlist WHEN read THEN ids come from Track URI and comma-joined artists and genres are split', async () => {
    const { tracks, summary } = await readTracks(layout('exportify.csv'));

    expect(summary.schema).toBe('exportify');
    expect(summary.columns.byField).toMatchObject({
      id: 'Track URI',
      title: 'Track Name',
      artists: 'Artist Name(s)',
      releaseDate: 'Release Date',
      duration_ms: 'Duration (ms)',
      time_signature: 'Time Signature',
    });
    expect(tracks.map((t) => t.id).slice(0, 3)).toEqual(IDS);
    expect(tracks.find((t) => t.title === 'Slow Orbit')?.artists).toEqual(['Marek', 'Ines Duarte']);
    expect(tracks[0]?.genres).toEqual(['synthpop', 'pop']);
    expect(tracks[0]?.explicit).toBe(false);
  });

  it('GIVEN a flattened Web API dump WHEN read THEN the uri column wins over the link and dotted names match', async () => {
    const { tracks, summary } = await readTracks(layout('spotify-api-dump.csv'));

    expect(summary.columns.byField).toMatchObject({
      id: 'uri',
      album: 'album.name',
      releaseDate: 'album.release_date',
    });
    expect(tracks.map((t) => t.id).slice(0, 3)).toEqual(IDS);
    expect(tracks[0]).toMatchObject({ album: 'Neon Suburbs', artists: ['Luna Vale'], year: 2019 });
  });

  it("GIVEN the 'Spotify and YouTube' layout WHEN read THEN Track is the title (not the video's Title) and Uri the id", async () => {
    const { tracks, summary } = await readTracks(layout('spotify-youtube.csv'));

    expect(summary.columns.byField).toMatchObject({ id: 'Uri', title: 'Track', artists: 'Artist' });
    expect(tracks.map((t) => t.title)[0]).toBe('Midnight Tram');
    expect(tracks.map((t) => t.id).slice(0, 3)).toEqual(IDS);
    expect(summary.rowsSkipped).toBe(0);
  });

  it('GIVEN camelCase names and open.spotify.com links with ?si= WHEN read THEN names match and the link gives the id', async () => {
    const { tracks, summary } = await readTracks(layout('camel-case-links.csv'));

    expect(summary.columns.byField).toMatchObject({
      id: 'spotifyUrl',
      title: 'trackName',
      artists: 'artistName',
      duration_ms: 'durationMs',
    });
    expect(tracks.map((t) => t.id).slice(0, 3)).toEqual(IDS);
    expect(tracks[0]?.features.duration_ms).toBe(173768);
  });

  it('GIVEN no id column WHEN read THEN ids are derived from title and artists and a repeated song merges its genres', async () => {
    const { tracks, summary } = await readTracks(layout('no-ids.csv'));

    expect(summary.columns.id).toBe('derived');
    expect(summary.columns.byField).toMatchObject({ genres: 'top genre', year: 'year' });
    expect(summary).toMatchObject({ rowsRead: 7, uniqueTracks: 6, duplicateRows: 1 });
    expect(tracks[0]?.id).toBe(derivedTrackId('Midnight Tram', ['Luna Vale']));
    expect(tracks[0]?.id).toMatch(/^nb-[0-9a-f]{16}$/);
    expect(tracks[0]?.genres).toEqual(['synthpop', 'electropop']);
    expect(formatColumnsUsed(summary.columns)).toMatch(/^id derived from title and artists, title from 'title'/);
  });
});

describe('readTracks: an explicit column mapping', () => {
  it('GIVEN names nothing recognises WHEN read without a mapping THEN the refusal names what is missing and how to map it', async () => {
    await expect(readTracks(layout('custom-names.csv'))).rejects.toThrow(
      /missing required column\(s\) title .*artists .*tempo; found columns: piece, singer, .*--columns/,
    );
  });

  it('GIVEN a mapping WHEN read THEN the mapped columns are used and the summary says so', async () => {
    const columns = parseColumnMapping('title=piece, artists=singer, genre=mood, tempo=speed');
    const { tracks, summary } = await readTracks(layout('custom-names.csv'), { columns });

    expect(tracks).toHaveLength(6);
    expect(tracks[0]).toMatchObject({ title: 'Midnight Tram', artists: ['Luna Vale'], genres: ['synthpop'] });
    expect(tracks[0]?.features.tempo).toBeCloseTo(97.306);
    expect(formatColumnsUsed(summary.columns)).toContain("title from 'piece', artists from 'singer'");
    expect(formatColumnsUsed(summary.columns)).toContain("tempo from 'speed'");
  });

  it('GIVEN a mapping to a column the header lacks WHEN read THEN names the pair and the columns found', async () => {
    const columns = parseColumnMapping('title=piece,artists=vocalist');
    await expect(readTracks(layout('custom-names.csv'), { columns })).rejects.toThrow(
      /line 1: the column mapping names column\(s\) this header lacks: artists=vocalist; found columns: piece, singer/,
    );
  });
});
