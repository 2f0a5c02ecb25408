// Read-only lists of strings: a plain array, or many strings packed into one. A catalog restored
// from a snapshot packs its titles, artists, albums and ids, so the JS heap holds a handful of
// long strings instead of hundreds of thousands of short ones (less memory, shorter GC pauses).

/** What the catalog reads from a list of strings; a `string[]` is one. */
export interface StringList {
  readonly length: number;
  at(index: number): string | undefined;
}

/** Strings stored end to end in `text`; item k ends at `ends[k]` (UTF-16 units). */
export class PackedStrings implements StringList {
  readonly text: string;
  readonly ends: Int32Array;

  constructor(text: string, ends: Int32Array) {
    if (ends.length > 0 && ends[ends.length - 1] !== text.length) {
      throw new RangeError(
        `Packed strings end at ${ends[ends.length - 1]}, text is ${text.length} long`,
      );
    }
    this.text = text;
    this.ends = ends;
  }

  get length(): number {
    return this.ends.length;
  }

  /** Item `index` (sliced out on each call), or undefined outside the list. */
  at(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.ends.length) return undefined;
    return this.text.slice(index === 0 ? 0 : this.ends[index - 1], this.ends[index]);
  }
}

/** Every item of a list, as an array. */
export function toArray(list: StringList): string[] {
  return Array.from({ length: list.length }, (_, k) => list.at(k) as string);
}
