// Unique tracks held as columns (typed arrays, and arrays of strings) rather than one object per
// track: a 1.2M-row file fits in a fraction of the memory, and scaling, training and publishing
// read whole columns anyway.
import { AUDIO_FEATURES } from './track.ts';
import type { AudioFeature, FeatureValues, Track } from './track.ts';

/** Number of feature columns: one per AUDIO_FEATURES entry, in that order. */
export const TABLE_FEATURES = AUDIO_FEATURES.length;
/** Separates artist names in `artists` (names never hold it: rows where one does are skipped). */
export const ARTIST_SEPARATOR = '\u001f';
/** `explicit` value of a track whose source does not say. */
export const EXPLICIT_UNKNOWN = 2;

/** Row i of every column is track i, in order of first appearance in the file. */
export interface TrackTable {
  readonly size: number;
  readonly ids: readonly string[];
  readonly titles: readonly string[];
  /** Artist names joined by ARTIST_SEPARATOR, primary artist first. */
  readonly artists: readonly string[];
  /** '' when the source has no album column. */
  readonly albums: readonly string[];
  /** Genre names; track i's genres are genreNames[genreIds[k]] for k in genreOffsets[i]..genreOffsets[i+1]. */
  readonly genreNames: readonly string[];
  readonly genreOffsets: Int32Array;
  readonly genreIds: Int32Array;
  /** 0-100, NaN when unknown. */
  readonly popularity: Float64Array;
  /** 0 clean, 1 explicit, EXPLICIT_UNKNOWN. */
  readonly explicit: Uint8Array;
  /** 0 when unknown. */
  readonly years: Int16Array;
  /** size x TABLE_FEATURES values in AUDIO_FEATURES order, NaN where unknown. */
  readonly features: Float64Array;
}

/** Is this a TrackTable rather than a list of Track objects? */
export function isTrackTable(tracks: TrackTable | readonly Track[]): tracks is TrackTable {
  return !Array.isArray(tracks);
}

/** The genre names of track `row`, in the order they were first seen. */
export function genresOf(table: TrackTable, row: number): string[] {
  const names: string[] = [];
  const end = table.genreOffsets[row + 1] as number;
  for (let k = table.genreOffsets[row] as number; k < end; k++) {
    names.push(table.genreNames[table.genreIds[k] as number] as string);
  }
  return names;
}

/** Track `row` as a Track object, for code that works on a few tracks at a time. */
export function trackAt(table: TrackTable, row: number): Track {
  const at = row * TABLE_FEATURES;
  const features = {} as FeatureValues;
  AUDIO_FEATURES.forEach((name: AudioFeature, column) => {
    const value = table.features[at + column] as number;
    features[name] = Number.isNaN(value) ? null : value;
  });
  const artists = table.artists[row] as string;
  const popularity = table.popularity[row] as number;
  const explicit = table.explicit[row] as number;
  const year = table.years[row] as number;
  return {
    id: table.ids[row] as string,
    title: table.titles[row] as string,
    artists: artists === '' ? [] : artists.split(ARTIST_SEPARATOR),
    album: table.albums[row] as string,
    genres: genresOf(table, row),
    popularity: Number.isNaN(popularity) ? null : popularity,
    explicit: explicit === EXPLICIT_UNKNOWN ? null : explicit === 1,
    year: year === 0 ? null : year,
    features,
  };
}

/** Every track of the table as Track objects (small tables; large ones are read by column). */
export function tracksOf(table: TrackTable): Track[] {
  return Array.from({ length: table.size }, (_, row) => trackAt(table, row));
}
