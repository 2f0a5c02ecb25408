// Keeps a result list varied: never two releases of one song, at most N songs per primary artist.
import type { TrackCatalog } from '../catalog/index.ts';

/**
 * Returns a stateful predicate to call on candidates in ranking order: it accepts a track only if
 * no release of its song was accepted (or excluded up front) and its primary artist is under the cap.
 */
export function createResultSelector(
  catalog: TrackCatalog,
  maxPerArtist: number,
  excludedSongs: readonly number[] = [],
): (index: number) => boolean {
  const usedSongs = new Set<number>(excludedSongs);
  const perArtist = new Map<number, number>();
  return (index) => {
    const song = catalog.songIds[index] as number;
    if (usedSongs.has(song)) return false;
    const artist = catalog.artistIds[index] as number;
    const count = perArtist.get(artist) ?? 0;
    if (count >= maxPerArtist) return false;
    usedSongs.add(song);
    perArtist.set(artist, count + 1);
    return true;
  };
}
