// Checks that a restored snapshot fits together before a catalog is assembled from it.
import type { CatalogColumns } from './catalogColumns.ts';
import type { CatalogIndexes } from './catalogIndexes.ts';
import { CatalogSourceError } from '../errors.ts';

/** Cheap consistency checks: every per-track array has one entry per track, every per-song array
 * one per song, and the tree fits. */
export function checkSnapshot(
  columns: CatalogColumns,
  indexes: CatalogIndexes,
  vectors: Float32Array,
): void {
  const n = columns.ids.length;
  const perTrack = [
    columns.titles.length,
    columns.artists.length,
    columns.albums.length,
    columns.popularity.length,
    columns.explicit.length,
    columns.years.length,
    columns.genres.offsets.length - 1,
    indexes.artistIds.length,
    indexes.songIds.length,
    indexes.idOrder.length,
    indexes.tree.order.length,
  ];
  const dim = indexes.tree.dim;
  if (perTrack.some((length) => length !== n) || vectors.length !== n * dim) {
    throw new CatalogSourceError(
      `The catalog snapshot does not fit its run (${n} tracks, ${vectors.length} vector values)`,
    );
  }
  const { titleIndex, songCount } = indexes;
  const perSong = [
    titleIndex.trackOfRank.length,
    titleIndex.fullTexts.length,
    titleIndex.titleLengths.length,
    titleIndex.baseLengths.length,
    titleIndex.shortLengths.length,
    titleIndex.exactBases.next.length,
    titleIndex.exactShorts.next.length,
  ];
  if (perSong.some((length) => length !== songCount)) {
    throw new CatalogSourceError(
      `The catalog snapshot's title index does not hold ${songCount} songs`,
    );
  }
}
