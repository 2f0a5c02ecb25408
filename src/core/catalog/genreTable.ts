// Genres as small integers: each track's genre ids in one Int32Array, plus the sorted genre list.
import type { Track } from '../../data/track.ts';

/** One genre with the number of tracks listed under it. */
export interface GenreCount {
  name: string;
  count: number;
}

/** Track i's genre ids are ids[offsets[i] .. offsets[i + 1]). Ids index `names` (sorted). */
export interface GenreTable {
  offsets: Int32Array;
  ids: Int32Array;
  names: string[];
  counts: Int32Array;
}

/** Interns every track's genres; ids follow the alphabetical order of the names. */
export function buildGenreTable(tracks: readonly Track[]): GenreTable {
  const seen = new Set<string>();
  let total = 0;
  for (const track of tracks) {
    for (const genre of track.genres) seen.add(genre);
    total += track.genres.length;
  }
  const names = [...seen].sort();
  const idOf = new Map(names.map((name, id) => [name, id]));
  const offsets = new Int32Array(tracks.length + 1);
  const ids = new Int32Array(total);
  const counts = new Int32Array(names.length);
  let at = 0;
  tracks.forEach((track, i) => {
    for (const genre of track.genres) {
      const id = idOf.get(genre) as number;
      ids[at++] = id;
      counts[id] = (counts[id] as number) + 1;
    }
    offsets[i + 1] = at;
  });
  return { offsets, ids, names, counts };
}

/** Does track `index` carry genre `genreId`? */
export function trackHasGenre(table: GenreTable, index: number, genreId: number): boolean {
  for (let k = table.offsets[index] as number; k < (table.offsets[index + 1] as number); k++) {
    if (table.ids[k] === genreId) return true;
  }
  return false;
}

/** Do tracks `a` and `b` share at least one genre? */
export function tracksShareGenre(table: GenreTable, a: number, b: number): boolean {
  for (let k = table.offsets[a] as number; k < (table.offsets[a + 1] as number); k++) {
    if (trackHasGenre(table, b, table.ids[k] as number)) return true;
  }
  return false;
}
