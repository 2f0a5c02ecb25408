// Per-test temporary directory for writing broken CSV files on the fly.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** Folder of the committed CSV fixtures. */
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'csv');

/** Registers hooks giving each test a fresh temp dir; returns helpers that write into it. */
export function useTempDir(): {
  write: (name: string, content: string | Uint8Array) => Promise<string>;
  copyFixture: (name: string) => Promise<string>;
} {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nextbeat-data-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    async write(name, content) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    async copyFixture(name) {
      const path = join(dir, name);
      await copyFile(join(FIXTURES, name), path);
      return path;
    },
  };
}

/** The Spotify Tracks Dataset header. */
export const TRACKS_HEADER =
  'track_id,artists,album_name,track_name,popularity,duration_ms,explicit,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,time_signature,track_genre';

/** A valid data row in that schema; pass overrides by column name. */
export function tracksRow(id: string, overrides: Record<string, string> = {}): string {
  const values: Record<string, string> = {
    track_id: id,
    artists: 'Test Artist',
    album_name: 'Test Album',
    track_name: `Song ${id}`,
    popularity: '50',
    duration_ms: '200000',
    explicit: 'False',
    danceability: '0.5',
    energy: '0.5',
    key: '5',
    loudness: '-8',
    mode: '1',
    speechiness: '0.05',
    acousticness: '0.2',
    instrumentalness: '0',
    liveness: '0.1',
    valence: '0.5',
    tempo: '120',
    time_signature: '4',
    track_genre: 'pop',
    ...overrides,
  };
  return TRACKS_HEADER.split(',')
    .map((column) => values[column])
    .join(',');
}
