// How a Track maps onto a row of the tracks table, in both directions.
import { AUDIO_FEATURES } from '../data/track.ts';
import type { FeatureValues, Track } from '../data/track.ts';
import { EXPLICIT_UNKNOWN, TABLE_FEATURES, type TrackTable } from '../data/trackTable.ts';
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

/** Writes row `row` of a track table into `out` as positional values for TRACK_COLUMNS. */
export function tableRowValues(table: TrackTable, row: number, out: TrackRow): void {
  const popularity = table.popularity[row] as number;
  const explicit = table.explicit[row] as number;
  const year = table.years[row] as number;
  out[0] = table.ids[row] as string;
  out[1] = table.titles[row] as string;
  out[2] = table.artists[row] as string; // joined with ARTIST_SEPARATOR already
  out[3] = table.albums[row] as string;
  out[4] = Number.isNaN(popularity) ? null : popularity;
  out[5] = explicit === EXPLICIT_UNKNOWN ? null : explicit;
  out[6] = year === 0 ? null : year;
  const at = row * TABLE_FEATURES;
  for (let f = 0; f < TABLE_FEATURES; f++) {
    const value = table.features[at + f] as number;
    out[FEATURE_OFFSET + f] = Number.isNaN(value) ? null : value;
  }
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

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
// The two lanes of rowHash; module state, so hashing a row allocates nothing.
let laneA = 0;
let laneB = 0;

function mix(c: number): void {
  laneA = Math.imul(laneA ^ c, 0x01000193);
  laneB = Math.imul(laneB ^ c, 0x5bd1e995);
}

function mixString(text: string): void {
  for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
  mix(0x1_0000 + text.length); // above any code unit: ends the string unambiguously
}

/**
 * A 53-bit hash of a track's row and genres (two multiplicative lanes over string code units and
 * the bits of numbers), stored as tracks.row_hash so a publish can skip unchanged tracks. A
 * collision would only skip one update. Hashing bits, not text, keeps it cheap (no number printing).
 */
export function rowHash(row: TrackRow, genres: readonly string[]): number {
  laneA = 0x811c9dc5;
  laneB = 0x01000193;
  for (const value of row) {
    if (value === null) mix(0x2_0000);
    else if (typeof value === 'string') mixString(value);
    else {
      bits[0] = value;
      mix(words[0] as number);
      mix(words[1] as number);
    }
  }
  for (const genre of genres) mixString(genre);
  return (laneA >>> 0) * 0x200000 + ((laneB >>> 0) & 0x1fffff);
}
