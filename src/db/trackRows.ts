// How a Track maps onto a row of the tracks table, in both directions.
import { AUDIO_FEATURES } from '../data/track.ts';
import type { FeatureValues, Track } from '../data/track.ts';
import { InvalidTrackError } from './errors.ts';

/** Columns of `tracks`, in the order rows are written and read (features last, as AUDIO_FEATURES). */
export const TRACK_COLUMNS: readonly string[] = [
  'id',
  'title',
  'artists',
  'album',
  'popularity',
  'explicit',
  'year',
  ...AUDIO_FEATURES,
];

const FEATURE_OFFSET = 7;

/** Separates artist names in tracks.artists (see migrations.ts for why not JSON). */
export const ARTIST_SEPARATOR = '\u001f';

export type TrackRow = (string | number | null)[];

/** Turn a Track into positional values for TRACK_COLUMNS. */
export function trackToRow(track: Track): TrackRow {
  for (const artist of track.artists) {
    if (artist === '' || artist.includes(ARTIST_SEPARATOR)) {
      throw new InvalidTrackError(
        `Track ${track.id} has an artist name that is empty or holds U+001F: ${JSON.stringify(artist)}.`,
      );
    }
  }
  const row: TrackRow = [
    track.id,
    track.title,
    track.artists.join(ARTIST_SEPARATOR),
    track.album,
    track.popularity,
    track.explicit === null ? null : track.explicit ? 1 : 0,
    track.year,
  ];
  for (const feature of AUDIO_FEATURES) row.push(track.features[feature]);
  return row;
}

/** Turn a raw row (values in TRACK_COLUMNS order) back into a Track with the given genres. */
export function rowToTrack(row: readonly unknown[], genres: string[]): Track {
  const features = {} as FeatureValues;
  for (let i = 0; i < AUDIO_FEATURES.length; i++) {
    features[AUDIO_FEATURES[i]!] = row[FEATURE_OFFSET + i] as number | null;
  }
  const explicit = row[5] as number | null;
  const artists = row[2] as string;
  return {
    id: row[0] as string,
    title: row[1] as string,
    artists: artists === '' ? [] : artists.split(ARTIST_SEPARATOR),
    album: row[3] as string,
    genres,
    popularity: row[4] as number | null,
    explicit: explicit === null ? null : explicit === 1,
    year: row[6] as number | null,
    features,
  };
}
