// Checks that a restored snapshot fits together before a catalog is assembled from it.
import type { CatalogColumns } from './catalogColumns.ts';
import type { CatalogIndexes } from './catalogIndexes.ts';
import { CatalogSourceError } from '../errors.ts';
import { postingListsProblem } from '../titles/index.ts';

/** Cheap consistency checks: every per-track array has one entry per track, every per-song array
 * one per song, the vectors are finite, the tree's nodes point inside it and the trigram posting
 * lists decode to ranks of songs. */
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
  checkVectors(vectors, dim);
  checkTree(indexes.tree, n);
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
  const postingsProblem = postingListsProblem(titleIndex, songCount);
  if (postingsProblem) throw new CatalogSourceError(postingsProblem);
}

function checkVectors(vectors: Float32Array, dim: number): void {
  for (let i = 0; i < vectors.length; i++) {
    if (!Number.isFinite(vectors[i])) {
      throw new CatalogSourceError(
        `The vector of track ${Math.floor(i / dim)} is not a finite number (${vectors[i]})`,
      );
    }
  }
}

// Every node's range lies within the tracks and its children are other nodes; the order lists
// tracks. A tree that fails this would answer searches from the wrong points or none.
function checkTree(tree: CatalogIndexes['tree'], n: number): void {
  const { nodeCount, start, end, left, right, order, boxMin, boxMax, dim } = tree;
  const sizes = [start.length, end.length, left.length, right.length];
  if (
    sizes.some((size) => size !== nodeCount) ||
    boxMin.length !== nodeCount * dim ||
    boxMax.length !== nodeCount * dim
  ) {
    throw new CatalogSourceError(`The k-d tree's node arrays do not hold ${nodeCount} nodes`);
  }
  const isChild = (k: number) => k === -1 || (k > 0 && k < nodeCount);
  for (let k = 0; k < nodeCount; k++) {
    const from = start[k] as number;
    const to = end[k] as number;
    if (!(
      from >= 0 &&
      from <= to &&
      to <= n &&
      isChild(left[k] as number) &&
      isChild(right[k] as number)
    )) {
      throw new CatalogSourceError(`The k-d tree's node ${k} points outside the tree`);
    }
  }
  for (let i = 0; i < order.length; i++) {
    const track = order[i] as number;
    if (!(track >= 0 && track < n)) {
      throw new CatalogSourceError(
        `The k-d tree lists track ${track}, which is not in the catalog`,
      );
    }
  }
}
