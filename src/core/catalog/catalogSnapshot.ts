// A catalog's columns and indexes as one byte array, written when a run is published so that
// loading the catalog is a few copies instead of re-normalising and re-indexing every track.
import { PackReader, encodePack, encodePackParts } from './binaryPack.ts';
import type { ByteSource, LazyPart, PackValue } from './binaryPack.ts';
import type { CatalogColumns } from './catalogColumns.ts';
import type { CatalogIndexes } from './catalogIndexes.ts';
import { CatalogSourceError } from '../errors.ts';
import { checkSnapshot } from './snapshotChecks.ts';
import { TrigramTable } from '../titles/index.ts';
import { pointsInTreeOrder } from '../neighbours/index.ts';

/**
 * Bumped whenever the layout or the meaning of a stored index changes; older snapshots are rebuilt.
 * 4: the title index looks titles up by base and short title (baseLengths, shortLengths,
 * exactBase*, exactShort*) instead of by whole title: exact matches set release suffixes aside.
 * 5: trigram posting lists are varint gaps (postings a Uint8Array), their counts stored beside.
 */
export const SNAPSHOT_FORMAT = 5;

/** Columns, indexes and latent vectors restored from a snapshot. */
export interface CatalogSnapshot {
  columns: CatalogColumns;
  indexes: CatalogIndexes;
  vectors: Float32Array;
}

/** Serialises a catalog's columns, indexes and vectors (not its scaler or encoder: the run has those). */
export function encodeCatalogSnapshot(
  columns: CatalogColumns,
  indexes: CatalogIndexes,
): Uint8Array {
  return encodePack(snapshotValues(columns, indexes));
}

/** encodeCatalogSnapshot's bytes as consecutive parts, to be written without joining them first. */
export function encodeCatalogSnapshotParts(
  columns: CatalogColumns,
  indexes: CatalogIndexes,
): (Uint8Array | LazyPart)[] {
  return encodePackParts(snapshotValues(columns, indexes));
}

// The named values a snapshot holds.
function snapshotValues(
  columns: CatalogColumns,
  indexes: CatalogIndexes,
): Record<string, PackValue> {
  const { tree, titleIndex } = indexes;
  const nodes = tree.nodeCount;
  const trigrams = titleIndex.trigrams.toArrays();
  return {
    format: SNAPSHOT_FORMAT,
    ids: columns.ids,
    titles: columns.titles,
    artists: columns.artists,
    albums: columns.albums,
    popularity: columns.popularity,
    explicit: columns.explicit,
    years: columns.years,
    raw: columns.raw,
    genreOffsets: columns.genres.offsets,
    genreIds: columns.genres.ids,
    genreNames: columns.genres.names,
    genreCounts: columns.genres.counts,
    artistIds: indexes.artistIds,
    artistKeys: indexes.artistKeys,
    songIds: indexes.songIds,
    songCount: indexes.songCount,
    idOrder: indexes.idOrder,
    distanceScale: indexes.distanceScale,
    // A copy of the run's vectors, so loading reads nothing else big (the database keeps them too).
    vectors: tree.points,
    treeDim: tree.dim,
    treeNodes: nodes,
    treeOrder: tree.order,
    treeStart: tree.start.subarray(0, nodes),
    treeEnd: tree.end.subarray(0, nodes),
    treeLeft: tree.left.subarray(0, nodes),
    treeRight: tree.right.subarray(0, nodes),
    treeBoxMin: tree.boxMin.subarray(0, nodes * tree.dim),
    treeBoxMax: tree.boxMax.subarray(0, nodes * tree.dim),
    trackOfRank: titleIndex.trackOfRank,
    fullTexts: titleIndex.fullTexts,
    titleLengths: titleIndex.titleLengths,
    baseLengths: titleIndex.baseLengths,
    shortLengths: titleIndex.shortLengths,
    exactBaseSlots: titleIndex.exactBases.slots,
    exactBaseNext: titleIndex.exactBases.next,
    exactShortSlots: titleIndex.exactShorts.slots,
    exactShortNext: titleIndex.exactShorts.next,
    trigramHi: trigrams.keysHi,
    trigramLo: trigrams.keysLo,
    trigramIds: trigrams.ids,
    trigramCount: trigrams.size,
    postingOffsets: titleIndex.postingOffsets,
    postingCounts: titleIndex.postingCounts,
    postings: titleIndex.postings,
  };
}

/** Restores columns, indexes and vectors. Throws CatalogSourceError when unreadable. */
export function decodeCatalogSnapshot(bytes: ByteSource | Uint8Array): CatalogSnapshot {
  const pack = new PackReader(bytes);
  const format = pack.number('format');
  if (format !== SNAPSHOT_FORMAT) {
    throw new CatalogSourceError(`Snapshot format ${format} is not ${SNAPSHOT_FORMAT}`);
  }
  const vectors = pack.array('vectors', 'Float32Array');
  const columns = readColumns(pack);
  const indexes: CatalogIndexes = {
    artistIds: pack.array('artistIds', 'Int32Array'),
    artistKeys: pack.packedStrings('artistKeys'),
    songIds: pack.array('songIds', 'Int32Array'),
    songCount: pack.number('songCount'),
    idOrder: pack.array('idOrder', 'Int32Array'),
    distanceScale: pack.number('distanceScale'),
    tree: readTree(pack, vectors),
    titleIndex: readTitleIndex(pack),
  };
  checkSnapshot(columns, indexes, vectors);
  return { columns, indexes, vectors };
}

function readColumns(pack: PackReader): CatalogColumns {
  return {
    ids: pack.packedStrings('ids'),
    titles: pack.packedStrings('titles'),
    artists: pack.packedStrings('artists'),
    albums: pack.packedStrings('albums'),
    popularity: pack.array('popularity', 'Int16Array'),
    explicit: pack.array('explicit', 'Uint8Array'),
    years: pack.array('years', 'Int16Array'),
    raw: pack.array('raw', 'Float32Array'),
    genres: {
      offsets: pack.array('genreOffsets', 'Int32Array'),
      ids: pack.array('genreIds', 'Int32Array'),
      names: pack.strings('genreNames'),
      counts: pack.array('genreCounts', 'Int32Array'),
    },
  };
}

function readTree(pack: PackReader, vectors: Float32Array): CatalogIndexes['tree'] {
  const dim = pack.number('treeDim');
  const order = pack.array('treeOrder', 'Int32Array');
  return {
    dim,
    points: vectors,
    leafPoints: pointsInTreeOrder(vectors, order, dim),
    order,
    start: pack.array('treeStart', 'Int32Array'),
    end: pack.array('treeEnd', 'Int32Array'),
    left: pack.array('treeLeft', 'Int32Array'),
    right: pack.array('treeRight', 'Int32Array'),
    boxMin: pack.array('treeBoxMin', 'Float32Array'),
    boxMax: pack.array('treeBoxMax', 'Float32Array'),
    nodeCount: pack.number('treeNodes'),
  };
}

function readTitleIndex(pack: PackReader): CatalogIndexes['titleIndex'] {
  return {
    trackOfRank: pack.array('trackOfRank', 'Int32Array'),
    fullTexts: pack.packedStrings('fullTexts'),
    titleLengths: pack.array('titleLengths', 'Int32Array'),
    baseLengths: pack.array('baseLengths', 'Int32Array'),
    shortLengths: pack.array('shortLengths', 'Int32Array'),
    exactBases: {
      slots: pack.array('exactBaseSlots', 'Int32Array'),
      next: pack.array('exactBaseNext', 'Int32Array'),
    },
    exactShorts: {
      slots: pack.array('exactShortSlots', 'Int32Array'),
      next: pack.array('exactShortNext', 'Int32Array'),
    },
    trigrams: TrigramTable.fromArrays({
      keysHi: pack.array('trigramHi', 'Int32Array'),
      keysLo: pack.array('trigramLo', 'Int32Array'),
      ids: pack.array('trigramIds', 'Int32Array'),
      size: pack.number('trigramCount'),
    }),
    postingOffsets: pack.array('postingOffsets', 'Int32Array'),
    postingCounts: pack.array('postingCounts', 'Int32Array'),
    postings: pack.array('postings', 'Uint8Array'),
  };
}
