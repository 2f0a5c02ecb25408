// A big synthetic catalog from a real one: jittered copies of its columns and vectors, each copy's
// artists suffixed so it holds distinct songs (as if other artists had recorded similar music).
import { TrackCatalog } from '../../src/core/catalog/index.ts';
import type { CatalogColumns } from '../../src/core/catalog/index.ts';
import { ARTIST_SEPARATOR } from '../../src/core/catalog/index.ts';
import { buildCatalogIndexes } from '../../src/core/catalog/index.ts';

/** Columns and vectors of `size` tracks cycling through `catalog`'s, vectors jittered by ±0.01. */
export function jitteredParts(catalog: TrackCatalog, size: number, seed = 2) {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const n = catalog.size;
  const src = catalog.columns;
  const copyOf = (i: number): number => Math.floor(i / n);
  const from = (i: number): number => i % n;
  const typed = <T extends Int16Array | Uint8Array>(a: T, make: (len: number) => T): T => {
    const out = make(size);
    for (let i = 0; i < size; i++) out[i] = a[from(i)] as number;
    return out;
  };
  const raw = new Float32Array(size * 13);
  for (let i = 0; i < size; i++) raw.set(src.raw.subarray(from(i) * 13, from(i) * 13 + 13), i * 13);
  const offsets = new Int32Array(size + 1);
  const ids: number[] = [];
  for (let i = 0; i < size; i++) {
    const f = from(i);
    for (let k = src.genres.offsets[f] as number; k < (src.genres.offsets[f + 1] as number); k++) {
      ids.push(src.genres.ids[k] as number);
    }
    offsets[i + 1] = ids.length;
  }
  const genreIds = Int32Array.from(ids);
  const counts = new Int32Array(src.genres.names.length);
  for (const id of genreIds) counts[id] = (counts[id] as number) + 1;
  const columns: CatalogColumns = {
    ids: Array.from(
      { length: size },
      (_, i) => (copyOf(i) === 0 ? src.ids.at(i) : `${src.ids.at(from(i))}c${copyOf(i)}`) as string,
    ),
    titles: Array.from({ length: size }, (_, i) => src.titles.at(from(i)) as string),
    artists: Array.from({ length: size }, (_, i) => {
      const artists = src.artists.at(from(i)) as string;
      const c = copyOf(i);
      return c === 0 || artists === ''
        ? artists
        : artists
            .split(ARTIST_SEPARATOR)
            .map((a) => `${a} ${c}`)
            .join(ARTIST_SEPARATOR);
    }),
    albums: Array.from({ length: size }, (_, i) => src.albums.at(from(i)) as string),
    popularity: typed(src.popularity, (len) => new Int16Array(len)),
    explicit: typed(src.explicit, (len) => new Uint8Array(len)),
    years: typed(src.years, (len) => new Int16Array(len)),
    raw,
    genres: { offsets, ids: genreIds, names: src.genres.names, counts },
  };
  const dim = catalog.latentDim;
  const vectors = new Float32Array(size * dim);
  for (let i = 0; i < size * dim; i++) {
    const v = catalog.vectors[from(Math.floor(i / dim)) * dim + (i % dim)] as number;
    vectors[i] = copyOf(Math.floor(i / dim)) === 0 ? v : v + (random() - 0.5) * 0.02;
  }
  return { columns, vectors };
}

/** A TrackCatalog over jittered parts (indexes computed, as at publish). */
export function jitteredCatalog(
  catalog: TrackCatalog,
  parts: ReturnType<typeof jitteredParts>,
): TrackCatalog {
  return new TrackCatalog({
    runId: `${catalog.runId}-x${parts.columns.ids.length}`,
    latentDim: catalog.latentDim,
    vectors: parts.vectors,
    features: [...catalog.features],
    scaler: catalog.scaler,
    encoder: [...catalog.encoder],
    columns: parts.columns,
    indexes: buildCatalogIndexes(parts.columns, parts.vectors, catalog.latentDim),
  });
}
