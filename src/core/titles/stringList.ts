// Read-only lists of strings: a plain array, or many strings packed into a few. A catalog restored
// from a snapshot packs its titles, artists, albums, ids and search keys, so the JS heap holds a
// few thousand strings instead of hundreds of thousands of short ones (less memory, shorter GC
// pauses).

/** What the catalog reads from a list of strings; a `string[]` is one. */
export interface StringList {
  readonly length: number;
  at(index: number): string | undefined;
}

// Items per packed string. V8 stores a whole string in two bytes a character as soon as one
// character is beyond Latin-1, and one title in 17 on the real data has one: packed into a single
// string, the four text columns took 13.9 MB; in strings of 16 items, 8.2 MB (64 items: 9.6 MB).
const ITEMS_PER_PIECE = 16;
const SHIFT = Math.log2(ITEMS_PER_PIECE);

/**
 * Strings stored end to end; item k ends at `ends[k]` (UTF-16 units, counted over the whole list).
 * Made from the joined text or from its UTF-8 bytes (a lone surrogate reads back as U+FFFD, as
 * UTF-8 has no place for it).
 */
export class PackedStrings implements StringList {
  readonly ends: Int32Array;
  private readonly pieces: string[];

  constructor(textOrUtf8: string | Uint8Array, ends: Int32Array) {
    const utf8 = typeof textOrUtf8 === 'string' ? new TextEncoder().encode(textOrUtf8) : textOrUtf8;
    this.ends = ends;
    this.pieces = piecesOf(utf8, ends);
  }

  get length(): number {
    return this.ends.length;
  }

  /** The whole list joined (for writing it out). */
  get text(): string {
    return this.pieces.join('');
  }

  /** Item `index` (sliced out on each call), or undefined outside the list. */
  at(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.ends.length) return undefined;
    const piece = index >> SHIFT;
    const pieceStart = piece === 0 ? 0 : (this.ends[(piece << SHIFT) - 1] as number);
    const start = index === piece << SHIFT ? 0 : (this.ends[index - 1] as number) - pieceStart;
    return (this.pieces[piece] as string).slice(start, (this.ends[index] as number) - pieceStart);
  }
}

// Each piece decoded from its own bytes, so it is a string of its own (a slice would keep the
// whole text alive) and is stored one byte a character when it can be.
function piecesOf(utf8: Uint8Array, ends: Int32Array): string[] {
  const decoder = new TextDecoder();
  const pieces: string[] = [];
  let units = 0;
  let at = 0;
  for (let first = 0; first < ends.length; first += ITEMS_PER_PIECE) {
    const end = ends[Math.min(first + ITEMS_PER_PIECE, ends.length) - 1] as number;
    const from = at;
    while (units < end && at < utf8.length) {
      const byte = utf8[at] as number;
      units += byte >= 0xf0 ? 2 : 1; // a 4-byte character is two UTF-16 units
      at += byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    }
    if (units !== end) break;
    pieces.push(decoder.decode(utf8.subarray(from, at)));
  }
  if (units !== (ends.length > 0 ? ends[ends.length - 1] : 0) || at !== utf8.length) {
    throw new RangeError(
      `Packed strings end at ${ends[ends.length - 1] ?? 0}, text is ${units}${at < utf8.length ? '+' : ''} long`,
    );
  }
  return pieces;
}

/** Every item of a list, as an array. */
export function toArray(list: StringList): string[] {
  return Array.from({ length: list.length }, (_, k) => list.at(k) as string);
}
