// The header names NextBeat recognises across common Spotify exports, and the key they are matched by.
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

/** Anything a column can be taken for: a track field or an audio feature. */
export type MappableField = TrackColumn | AudioFeature;

/** Track fields in the order the summary and the messages list them. */
export const TRACK_COLUMNS: readonly TrackColumn[] = [
  'id',
  'title',
  'artists',
  'album',
  'genres',
  'popularity',
  'explicit',
  'year',
  'releaseDate',
];

/**
 * Accepted header keys per field, most specific first (see headerKey: 'Track Name', 'trackName'
 * and 'track_name' are one key). The id may hold a plain id, a `spotify:track:ID` URI or an
 * open.spotify.com/track/ID link; plain id columns come before URI columns, URIs before links.
 * 'track' comes before 'title' because exports that have both (Spotify + YouTube) keep a video's
 * title under 'title'.
 */
export const COLUMN_ALIASES: Record<TrackColumn, readonly string[]> = {
  id: [
    'track_id',
    'id',
    'spotify_id',
    'song_id',
    'track_uri',
    'spotify_track_uri',
    'spotify_uri',
    'uri',
    'track_url',
    'spotify_track_url',
    'spotify_url',
    'url_spotify',
    'external_urls_spotify',
    'url',
    'spotify_link',
    'link',
  ],
  title: ['track_name', 'track_title', 'song_name', 'song_title', 'name', 'track', 'song', 'title'],
  artists: [
    'artists',
    'artist_name',
    'artist',
    'artist_names',
    'track_artist',
    'artists_names',
    'artist_name_s',
    'artist_s_name',
    'track_artists',
    'artists_name',
  ],
  album: ['album_name', 'album', 'album_title', 'track_album_name'],
  genres: ['track_genre', 'genre', 'genres', 'playlist_genre', 'top_genre', 'artist_genres'],
  popularity: ['popularity', 'track_popularity', 'song_popularity'],
  explicit: ['explicit', 'is_explicit'],
  year: ['year', 'release_year'],
  releaseDate: ['release_date', 'album_release_date', 'track_album_release_date'],
};

/** Fields a file can be read without; the id is derived from title and artists when absent. */
export const REQUIRED_COLUMNS: readonly TrackColumn[] = ['title', 'artists'];

/**
 * The key a header cell is matched by: camelCase split, lower case, every run of other characters
 * one '_' ('Artist Name(s)' -> 'artist_name_s'); undefined for '' and pandas' 'Unnamed: 0'.
 */
export function headerKey(cell: string): string | undefined {
  const key = cell
    .trim()
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1_$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  return key === '' || /^unnamed_\d+$/.test(key) ? undefined : key;
}

/** Any other genre-like column ('playlist_subgenre', 'main_genres'), taken when no alias matched. */
export function isGenreLike(key: string): boolean {
  return /(^|_)(sub)?genres?$/.test(key);
}

/** Known export formats, told apart by columns only they have; the first match names the schema. */
export const SCHEMA_SIGNATURES: readonly { name: string; columns: readonly string[] }[] = [
  { name: 'spotify-tracks-dataset', columns: ['track_id', 'track_name', 'track_genre'] },
  { name: 'spotify-songs-30000', columns: ['track_artist', 'playlist_genre'] },
  { name: 'exportify', columns: ['track_uri', 'artist_name_s'] },
  { name: 'spotify-api-export', columns: ['album_id', 'artist_ids'] },
  { name: 'spotify-600k-tracks', columns: ['id_artists'] },
];

/** "title (or track_name, song, ...)": how a missing field is named in messages. */
export function describeAliases(field: TrackColumn): string {
  const aliases = COLUMN_ALIASES[field].filter((alias) => alias !== field);
  const shown = aliases.slice(0, 4).join(', ');
  return `${field} (or ${shown}${aliases.length > 4 ? ', ...' : ''})`;
}
