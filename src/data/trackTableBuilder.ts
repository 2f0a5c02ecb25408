// Filling a TrackTable one track at a time: columns grow as rows arrive, genres are interned and
// merged per row, and building hands the columns over at their final length.
import { AUDIO_FEATURES } from './track.ts';
import type { FeatureValues, Track } from './track.ts';
import { ARTIST_SEPARATOR, EXPLICIT_UNKNOWN, TABLE_FEATURES, type TrackTable } from './trackTable.ts';

type NumberColumn = Float64Array | Int16Array | Uint8Array | Int32Array;

/** Appends tracks as table rows; `build` returns the table (the builder is spent afterwards). */
export class TrackTableBuilder {
  private size = 0;
  private capacity: number;
  private readonly ids: string[] = [];
  private readonly titles: string[] = [];
  private readonly artists: string[] = [];
  private readonly albums: string[] = [];
  private popularity: Float64Array;
  private explicit: Uint8Array;
  private years: Int16Array;
  private features: Float64Array;
  /** Each row's first genre id (-1 for none); later ones, rarer, in `moreGenres`. */
  private firstGenre: Int32Array;
  private readonly moreGenres = new Map<number, number[]>();
  private readonly genreIdOf = new Map<string, number>();
  private readonly genreNames: string[] = [];

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(1, initialCapacity);
    this.popularity = new Float64Array(this.capacity);
    this.explicit = new Uint8Array(this.capacity);
    this.years = new Int16Array(this.capacity);
    this.features = new Float64Array(this.capacity * TABLE_FEATURES);
    this.firstGenre = new Int32Array(this.capacity);
  }

  /** Appends a track (its artist names must not hold ARTIST_SEPARATOR); returns its row. */
  append(track: Track): number {
    if (this.size === this.capacity) this.grow();
    const row = this.size++;
    this.ids.push(track.id);
    this.titles.push(track.title);
    this.artists.push(track.artists.join(ARTIST_SEPARATOR));
    this.albums.push(track.album);
    this.popularity[row] = track.popularity ?? Number.NaN;
    this.explicit[row] = track.explicit === null ? EXPLICIT_UNKNOWN : track.explicit ? 1 : 0;
    this.years[row] = track.year ?? 0;
    writeFeatures(track.features, this.features, row * TABLE_FEATURES);
    this.firstGenre[row] = -1;
    this.addGenres(row, track.genres);
    return row;
  }

  /** Adds to row `row` the genres it does not list yet, in order. */
  addGenres(row: number, genres: readonly string[]): void {
    for (const name of genres) {
      const id = this.genreId(name);
      const first = this.firstGenre[row] as number;
      if (first === -1) {
        this.firstGenre[row] = id;
        continue;
      }
      if (first === id) continue;
      const more = this.moreGenres.get(row);
      if (more === undefined) this.moreGenres.set(row, [id]);
      else if (!more.includes(id)) more.push(id);
    }
  }

  /** The table of every row appended so far. */
  build(): TrackTable {
    const { size } = this;
    const { genreOffsets, genreIds } = this.genreColumns();
    return {
      size,
      ids: this.ids,
      titles: this.titles,
      artists: this.artists,
      albums: this.albums,
      genreNames: this.genreNames,
      genreOffsets,
      genreIds,
      popularity: fit(this.popularity, size),
      explicit: fit(this.explicit, size),
      years: fit(this.years, size),
      features: fit(this.features, size * TABLE_FEATURES),
    };
  }

  private genreId(name: string): number {
    let id = this.genreIdOf.get(name);
    if (id === undefined) {
      id = this.genreNames.length;
      this.genreIdOf.set(name, id);
      this.genreNames.push(name);
    }
    return id;
  }

  private genreColumns(): { genreOffsets: Int32Array; genreIds: Int32Array } {
    let total = 0;
    for (let row = 0; row < this.size; row++) if ((this.firstGenre[row] as number) >= 0) total++;
    for (const more of this.moreGenres.values()) total += more.length;
    const genreOffsets = new Int32Array(this.size + 1);
    const genreIds = new Int32Array(total);
    let at = 0;
    for (let row = 0; row < this.size; row++) {
      const first = this.firstGenre[row] as number;
      if (first >= 0) genreIds[at++] = first;
      for (const id of this.moreGenres.get(row) ?? []) genreIds[at++] = id;
      genreOffsets[row + 1] = at;
    }
    return { genreOffsets, genreIds };
  }

  // Grows by half, not double: the copy made while growing is what sets peak memory.
  private grow(): void {
    this.capacity = Math.ceil(this.capacity * 1.5);
    this.popularity = resized(this.popularity, this.capacity);
    this.explicit = resized(this.explicit, this.capacity);
    this.years = resized(this.years, this.capacity);
    this.features = resized(this.features, this.capacity * TABLE_FEATURES);
    this.firstGenre = resized(this.firstGenre, this.capacity);
  }
}

/** The tracks as a table, in the order given (tracks sharing an id stay separate rows). */
export function tableFromTracks(tracks: readonly Track[]): TrackTable {
  const builder = new TrackTableBuilder(tracks.length);
  for (const track of tracks) builder.append(track);
  return builder.build();
}

function resized<T extends NumberColumn>(column: T, length: number): T {
  const bigger = new (column.constructor as new (n: number) => T)(length);
  bigger.set(column);
  return bigger;
}

// A view when little would be wasted; a copy at the exact length otherwise.
function fit<T extends NumberColumn>(column: T, length: number): T {
  const view = column.subarray(0, length) as T;
  return column.length - length <= length / 8 ? view : (view.slice() as T);
}

function writeFeatures(values: FeatureValues, out: Float64Array, at: number): void {
  for (let column = 0; column < TABLE_FEATURES; column++) {
    out[at + column] = values[AUDIO_FEATURES[column] as keyof FeatureValues] ?? Number.NaN;
  }
}
