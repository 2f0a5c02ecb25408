// Trigrams of a string, and a hash table giving each distinct trigram a small id. A trigram is
// three UTF-16 code units: the first as `hi`, the other two packed into the 32-bit `lo`.

/** Calls `visit(hi, lo)` for every trigram of `text`, left to right (repeats included). */
export function forEachTrigram(text: string, visit: (hi: number, lo: number) => void): void {
  for (let j = 0; j + 2 < text.length; j++) {
    visit(text.charCodeAt(j), (text.charCodeAt(j + 1) << 16) | text.charCodeAt(j + 2));
  }
}

/** The table's typed arrays, for storing it in a snapshot. */
export interface TrigramTableArrays {
  keysHi: Int32Array;
  keysLo: Int32Array;
  ids: Int32Array;
  size: number;
}

/** Open-addressing hash table from trigram to id (0, 1, 2... in insertion order), in typed arrays. */
export class TrigramTable {
  private keysHi: Int32Array = new Int32Array(1 << 12).fill(-1);
  private keysLo: Int32Array = new Int32Array(1 << 12);
  private ids: Int32Array = new Int32Array(1 << 12);
  size = 0;

  /** A table restored from toArrays() (the arrays are used, not copied). */
  static fromArrays(arrays: TrigramTableArrays): TrigramTable {
    const table = new TrigramTable();
    table.keysHi = arrays.keysHi;
    table.keysLo = arrays.keysLo;
    table.ids = arrays.ids;
    table.size = arrays.size;
    return table;
  }

  /** The table's arrays (not copies). */
  toArrays(): TrigramTableArrays {
    return { keysHi: this.keysHi, keysLo: this.keysLo, ids: this.ids, size: this.size };
  }

  /** The trigram's id, or -1 when it was never inserted. */
  idOf(hi: number, lo: number): number {
    const mask = this.keysHi.length - 1;
    for (let slot = hashOf(hi, lo) & mask; ; slot = (slot + 1) & mask) {
      const h = this.keysHi[slot] as number;
      if (h === -1) return -1;
      if (h === hi && this.keysLo[slot] === lo) return this.ids[slot] as number;
    }
  }

  /** The trigram's id, inserting it with the next id when new. */
  insert(hi: number, lo: number): number {
    if (this.size * 2 >= this.keysHi.length) this.grow();
    const mask = this.keysHi.length - 1;
    for (let slot = hashOf(hi, lo) & mask; ; slot = (slot + 1) & mask) {
      const h = this.keysHi[slot] as number;
      if (h === -1) {
        this.keysHi[slot] = hi;
        this.keysLo[slot] = lo;
        this.ids[slot] = this.size;
        return this.size++;
      }
      if (h === hi && this.keysLo[slot] === lo) return this.ids[slot] as number;
    }
  }

  private grow(): void {
    const { keysHi, keysLo, ids } = this;
    this.keysHi = new Int32Array(keysHi.length * 2).fill(-1);
    this.keysLo = new Int32Array(keysHi.length * 2);
    this.ids = new Int32Array(keysHi.length * 2);
    const mask = this.keysHi.length - 1;
    for (let old = 0; old < keysHi.length; old++) {
      const hi = keysHi[old] as number;
      if (hi === -1) continue;
      const lo = keysLo[old] as number;
      let slot = hashOf(hi, lo) & mask;
      while (this.keysHi[slot] !== -1) slot = (slot + 1) & mask;
      this.keysHi[slot] = hi;
      this.keysLo[slot] = lo;
      this.ids[slot] = ids[old] as number;
    }
  }
}

function hashOf(hi: number, lo: number): number {
  const h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  return (h ^ (h >>> 15)) >>> 0;
}
