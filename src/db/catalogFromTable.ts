// A catalog's columns taken straight from a track table, so a publish never builds one Track
// object per track to pack the run's snapshot.
import type { CatalogColumns, GenreTable } from '../core/catalog/index.ts';
import { NO_YEAR } from '../core/catalog/index.ts';
import { TABLE_FEATURES, type TrackTable } from '../data/trackTable.ts';

/** The catalog columns of the table's rows `rows` (every row, in order, when omitted). */
export function catalogColumnsFromTable(table: TrackTable, rows?: Int32Array): CatalogColumns {
  const n = rows ? rows.length : table.size;
  const rowAt = (i: number): number => (rows ? (rows[i] as number) : i);
  const pick = (column: readonly string[]): string[] =>
    rows ? Array.from(rows, (row) => column[row] as string) : (column as string[]);
  const popularity = new Int16Array(n);
  const explicit = new Uint8Array(n);
  const years = new Int16Array(n);
  const raw = new Float32Array(n * TABLE_FEATURES);
  for (let i = 0; i < n; i++) {
    const row = rowAt(i);
    const pop = table.popularity[row] as number;
    popularity[i] = Number.isNaN(pop) ? -1 : pop;
    explicit[i] = table.explicit[row] as number; // both use 0, 1 and 2 for unknown
    const year = table.years[row] as number;
    years[i] = year === 0 ? NO_YEAR : year;
    raw.set(table.features.subarray(row * TABLE_FEATURES, (row + 1) * TABLE_FEATURES), i * TABLE_FEATURES);
  }
  return {
    ids: pick(table.ids),
    titles: pick(table.titles),
    artists: pick(table.artists),
    albums: pick(table.albums),
    popularity,
    explicit,
    years,
    raw,
    genres: genreTable(table, n, rowAt),
  };
}

// The catalog numbers genres in alphabetical order; the table in order of first appearance.
function genreTable(table: TrackTable, n: number, rowAt: (i: number) => number): GenreTable {
  const names = [...table.genreNames].sort();
  const idOfName = new Map(names.map((name, id) => [name, id]));
  const catalogId = Int32Array.from(table.genreNames, (name) => idOfName.get(name) as number);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const row = rowAt(i);
    offsets[i + 1] =
      (offsets[i] as number) + (table.genreOffsets[row + 1] as number) - (table.genreOffsets[row] as number);
  }
  const ids = new Int32Array(offsets[n] as number);
  const counts = new Int32Array(names.length);
  for (let i = 0; i < n; i++) {
    const row = rowAt(i);
    let at = offsets[i] as number;
    for (let k = table.genreOffsets[row] as number; k < (table.genreOffsets[row + 1] as number); k++) {
      const id = catalogId[table.genreIds[k] as number] as number;
      ids[at++] = id;
      counts[id] = (counts[id] as number) + 1;
    }
  }
  return { offsets, ids, names, counts };
}
