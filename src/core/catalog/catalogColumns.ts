// A catalog's per-track data as flat columns (strings in arrays, numbers in typed arrays), and the
// two conversions between columns and Track objects.
import type { FeatureValues, Track } from '../../data/track.ts';
import { FEATURE_COUNT, decimalOf, rawFeatureTable } from './featureTable.ts';
import type { GenreTable } from './genreTable.ts';
import type { StringList } from '../titles/index.ts';
import { buildGenreTable } from './genreTable.ts';

/** Separates artist names in `artists` (names never hold control characters). */
export const ARTIST_SEPARATOR = '\u001f';
/** `years` value of a track whose year is unknown. */
export const NO_YEAR = -32768;

/** Every track's data, row i = track i. */
export interface CatalogColumns {
  ids: StringList;
  titles: StringList;
  /** Artist names joined by ARTIST_SEPARATOR, primary artist first. */
  artists: StringList;
  albums: StringList;
  /** 0-100, -1 when unknown. */
  popularity: Int16Array;
  /** 0 clean, 1 explicit, 2 unknown. */
  explicit: Uint8Array;
  /** NO_YEAR when unknown. */
  years: Int16Array;
  /** n x FEATURE_COUNT raw feature values in AUDIO_FEATURES order, NaN where unknown. */
  raw: Float32Array;
  genres: GenreTable;
}

/** Splits tracks into columns. */
export function columnsFromTracks(tracks: readonly Track[]): CatalogColumns {
  const n = tracks.length;
  const [ids, titles, artists, albums] = [0, 1, 2, 3].map(() => new Array<string>(n)) as [
    string[],
    string[],
    string[],
    string[],
  ];
  const columns: CatalogColumns = {
    ids,
    titles,
    artists,
    albums,
    popularity: new Int16Array(n),
    explicit: new Uint8Array(n),
    years: new Int16Array(n),
    raw: rawFeatureTable(tracks),
    genres: buildGenreTable(tracks),
  };
  for (let i = 0; i < n; i++) {
    const track = tracks[i] as Track;
    ids[i] = track.id;
    titles[i] = track.title;
    artists[i] = track.artists.join(ARTIST_SEPARATOR);
    albums[i] = track.album;
    columns.popularity[i] = track.popularity ?? -1;
    columns.explicit[i] = track.explicit === null ? 2 : track.explicit ? 1 : 0;
    columns.years[i] = track.year ?? NO_YEAR;
  }
  return columns;
}

/** The primary (first) artist of track `index`, '' when it has none. */
export function primaryArtistOf(columns: CatalogColumns, index: number): string {
  const artists = columns.artists.at(index) as string;
  const end = artists.indexOf(ARTIST_SEPARATOR);
  return end < 0 ? artists : artists.slice(0, end);
}

/** Rebuilds track `index` as a Track object. */
export function trackFromColumns(columns: CatalogColumns, index: number): Track {
  const { raw, genres } = columns;
  const at = index * FEATURE_COUNT;
  const value = (c: number): number | null => {
    const v = raw[at + c] as number;
    return Number.isNaN(v) ? null : decimalOf(v);
  };
  // An object literal in AUDIO_FEATURES order: one hidden class, like ingested tracks.
  const features: FeatureValues = {
    danceability: value(0),
    energy: value(1),
    key: value(2),
    loudness: value(3),
    mode: value(4),
    speechiness: value(5),
    acousticness: value(6),
    instrumentalness: value(7),
    liveness: value(8),
    valence: value(9),
    tempo: value(10),
    duration_ms: value(11),
    time_signature: value(12),
  };
  const genreNames: string[] = [];
  for (let k = genres.offsets[index] as number; k < (genres.offsets[index + 1] as number); k++) {
    genreNames.push(genres.names[genres.ids[k] as number] as string);
  }
  const artists = columns.artists.at(index) as string;
  const popularity = columns.popularity[index] as number;
  const explicit = columns.explicit[index] as number;
  const year = columns.years[index] as number;
  return {
    id: columns.ids.at(index) as string,
    title: columns.titles.at(index) as string,
    artists: artists === '' ? [] : artists.split(ARTIST_SEPARATOR),
    album: columns.albums.at(index) as string,
    genres: genreNames,
    popularity: popularity < 0 ? null : popularity,
    explicit: explicit === 2 ? null : explicit === 1,
    year: year === NO_YEAR ? null : year,
    features,
  };
}
