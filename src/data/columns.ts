// Column aliases of the Spotify exports NextBeat reads, and mapping a header row onto Track fields.
import { AUDIO_FEATURES } from './track.ts';
import type { AudioFeature } from './track.ts';

/** Track fields that come from one column each (audio features are matched by their own name). */
export type TrackColumn =
  | 'id'
  | 'title'
  | 'artists'
  | 'album'
  | 'genres'
  | 'popularity'
  | 'explicit'
  | 'year'
  | 'releaseDate';

/** Accepted header names per field, most specific first; matching ignores case and surrounding spaces. */
export const COLUMN_ALIASES: Record<TrackColumn, readonly string[]> = {
  id: ['track_id', 'id', 'spotify_id'],
  title: ['track_name', 'name', 'title', 'song', 'song_name'],
  artists: ['artists', 'artist_name', 'artist_names', 'artist'],
  album: ['album_name', 'album', 'album_title'],
  genres: ['track_genre', 'genre', 'genres', 'playlist_genre'],
  popularity: ['popularity', 'track_popularity'],
  explicit: ['explicit'],
  year: ['year'],
  releaseDate: ['release_date', 'album_release_date', 'track_album_release_date'],
};

const REQUIRED_COLUMNS: readonly TrackColumn[] = ['id', 'title', 'artists'];

/** Known export formats, told apart by columns only they have; the first match names the schema. */
const SCHEMA_SIGNATURES: readonly { name: string; columns: readonly string[] }[] = [
  { name: 'spotify-tracks-dataset', columns: ['track_id', 'track_name', 'track_genre'] },
  { name: 'spotify-api-export', columns: ['album_id', 'artist_ids'] },
  { name: 'spotify-600k-tracks', columns: ['id_artists'] },
];

/** Where each known field sits in a record of this file. */
export interface ColumnLayout {
  schema: string;
  fieldCount: number;
  fields: Partial<Record<TrackColumn, number>>;
  features: Partial<Record<AudioFeature, number>>;
}

/** The header names a file could not be read without. */
export interface MissingColumns {
  missing: string[];
}

/** Lower-case, trimmed header name; '' and pandas' 'Unnamed: 0' index columns are ignored. */
export function normaliseHeaderName(cell: string): string | undefined {
  const name = cell.trim().toLowerCase();
  return name === '' || /^unnamed: \d+$/.test(name) ? undefined : name;
}

/** Map normalised header names to fields; report every required column that is absent. */
export function mapColumns(
  names: readonly (string | undefined)[],
  requiredFeatures: readonly AudioFeature[],
): ColumnLayout | MissingColumns {
  const position = new Map<string, number>();
  names.forEach((name, index) => name !== undefined && position.set(name, index));
  const fields: ColumnLayout['fields'] = {};
  for (const [field, aliases] of Object.entries(COLUMN_ALIASES) as [TrackColumn, string[]][]) {
    const alias = aliases.find((candidate) => position.has(candidate));
    if (alias !== undefined) fields[field] = position.get(alias);
  }
  const features: ColumnLayout['features'] = {};
  for (const feature of AUDIO_FEATURES) {
    if (position.has(feature)) features[feature] = position.get(feature);
  }
  const missing = [
    ...REQUIRED_COLUMNS.filter((field) => fields[field] === undefined).map(describeAliases),
    ...requiredFeatures.filter((feature) => features[feature] === undefined),
  ];
  if (missing.length > 0) return { missing };
  const schema = SCHEMA_SIGNATURES.find((s) => s.columns.every((c) => position.has(c)));
  return { schema: schema?.name ?? 'generic', fieldCount: names.length, fields, features };
}

function describeAliases(field: TrackColumn): string {
  const [first, ...others] = COLUMN_ALIASES[field];
  return others.length === 0 ? `${first}` : `${first} (or ${others.join(', ')})`;
}
