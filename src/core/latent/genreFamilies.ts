// Broad genre families for colouring the latent-space picture: the 114 genres of the Spotify Tracks
// Dataset folded into six groups a reader can tell apart. Genres not listed fall into pop/other.

/** Family names, in legend order; the index is the family id. */
export const GENRE_FAMILIES = [
  'rock/metal',
  'electronic/dance',
  'hip-hop/r&b',
  'classical/ambient',
  'latin/world',
  'pop/other',
] as const;

export type GenreFamily = (typeof GENRE_FAMILIES)[number];

/** The documented mapping (every genre not listed here is pop/other). */
export const FAMILY_GENRES: Record<Exclude<GenreFamily, 'pop/other'>, readonly string[]> = {
  'rock/metal': [
    'alt-rock',
    'alternative',
    'black-metal',
    'death-metal',
    'emo',
    'goth',
    'grindcore',
    'grunge',
    'hard-rock',
    'hardcore',
    'heavy-metal',
    'industrial',
    'j-rock',
    'metal',
    'metalcore',
    'psych-rock',
    'punk',
    'punk-rock',
    'rock',
    'rock-n-roll',
    'rockabilly',
    'garage',
    'guitar',
  ],
  'electronic/dance': [
    'breakbeat',
    'chicago-house',
    'club',
    'dance',
    'deep-house',
    'detroit-techno',
    'drum-and-bass',
    'dub',
    'dubstep',
    'edm',
    'electro',
    'electronic',
    'hardstyle',
    'house',
    'idm',
    'j-dance',
    'minimal-techno',
    'progressive-house',
    'techno',
    'trance',
    'trip-hop',
    'party',
    'disco',
    'synth-pop',
  ],
  'hip-hop/r&b': ['hip-hop', 'r-n-b', 'soul', 'funk', 'groove', 'dancehall', 'reggae', 'gospel'],
  'classical/ambient': [
    'ambient',
    'classical',
    'new-age',
    'opera',
    'piano',
    'sleep',
    'study',
    'chill',
    'jazz',
    'blues',
  ],
  'latin/world': [
    'afrobeat',
    'brazil',
    'forro',
    'indian',
    'iranian',
    'latin',
    'latino',
    'malay',
    'mpb',
    'pagode',
    'reggaeton',
    'salsa',
    'samba',
    'sertanejo',
    'spanish',
    'tango',
    'turkish',
    'world-music',
  ],
};

const FAMILY_OF = new Map<string, number>(
  Object.entries(FAMILY_GENRES).flatMap(([family, genres]) =>
    genres.map((genre) => [genre, GENRE_FAMILIES.indexOf(family as GenreFamily)] as const),
  ),
);

/** Family id of a track: that of its first genre with a family (pop/other when none has one). */
export function genreFamilyOf(genres: readonly string[]): number {
  for (const genre of genres) {
    const family = FAMILY_OF.get(genre.toLowerCase());
    if (family !== undefined) return family;
  }
  return GENRE_FAMILIES.length - 1;
}
