// Checks of what a recommendation is asked for, with messages for the person who asked.
import type { TrackCatalog } from '../catalog/index.ts';
import { InvalidQueryError } from '../errors.ts';

/** Most seeds one list may have (as Spotify's retired recommendations endpoint). */
export const MAX_SEEDS = 5;

/** 1-5 seeds, each a catalog track, no song twice. */
export function checkSeeds(catalog: TrackCatalog, seeds: readonly number[]): void {
  if (seeds.length < 1 || seeds.length > MAX_SEEDS) {
    throw new InvalidQueryError(`Give 1 to ${MAX_SEEDS} songs, got ${seeds.length}.`);
  }
  for (const seed of seeds) {
    if (!Number.isInteger(seed) || seed < 0 || seed >= catalog.size) {
      throw new RangeError(`Track index ${seed} is outside the catalog (0..${catalog.size - 1})`);
    }
  }
  const songs = seeds.map((seed) => catalog.songIds[seed]);
  const repeated = seeds.find((_, k) => songs.indexOf(songs[k]) !== k);
  if (repeated !== undefined) {
    throw new InvalidQueryError(
      `"${catalog.columns.titles.at(repeated)}" is given twice: pick different songs.`,
    );
  }
}

/** Count 1-100, offset >= 0, at least one song per artist. */
export function checkRecommendOptions(count: number, offset: number, maxPerArtist: number): void {
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    throw new InvalidQueryError(`Count must be a whole number from 1 to 100, got ${count}.`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidQueryError(`Offset must be a whole number of at least 0, got ${offset}.`);
  }
  if (!(maxPerArtist >= 1)) {
    throw new InvalidQueryError(`At most ${maxPerArtist} songs per artist leaves nothing to show.`);
  }
}
