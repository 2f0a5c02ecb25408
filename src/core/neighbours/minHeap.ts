// A growable binary min-heap of (key, item) pairs in typed arrays, ordered by key then item.

/** Pops pairs in increasing (key, item) order; items are 32-bit integers. */
export class MinHeap {
  private keys: Float64Array;
  private items: Int32Array;
  private count = 0;

  constructor(capacity = 64) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.items = new Int32Array(Math.max(1, capacity));
  }

  /** A heap holding item k with key keys[k] for every k, built in linear time (Floyd). */
  static ofKeys(keys: Float64Array): MinHeap {
    const heap = new MinHeap(keys.length);
    heap.keys.set(keys);
    for (let k = 0; k < keys.length; k++) heap.items[k] = k;
    heap.count = keys.length;
    for (let i = (keys.length >> 1) - 1; i >= 0; i--) heap.siftDown(i);
    return heap;
  }

  /** Number of pairs held. */
  get size(): number {
    return this.count;
  }

  /** The smallest key held (undefined behaviour when empty: check size first). */
  get topKey(): number {
    return this.keys[0] as number;
  }

  /** Adds a pair. */
  push(key: number, item: number): void {
    if (this.count === this.keys.length) this.grow();
    let i = this.count++;
    this.keys[i] = key;
    this.items[i] = item;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes and returns the item of the smallest pair (check size first). */
  pop(): number {
    const top = this.items[0] as number;
    const last = --this.count;
    this.keys[0] = this.keys[last] as number;
    this.items[0] = this.items[last] as number;
    this.siftDown(0);
    return top;
  }

  private siftDown(start: number): void {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.count && this.less(l, best)) best = l;
      if (r < this.count && this.less(r, best)) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a] as number;
    const kb = this.keys[b] as number;
    return ka < kb || (ka === kb && (this.items[a] as number) < (this.items[b] as number));
  }

  private swap(a: number, b: number): void {
    const k = this.keys[a] as number;
    this.keys[a] = this.keys[b] as number;
    this.keys[b] = k;
    const t = this.items[a] as number;
    this.items[a] = this.items[b] as number;
    this.items[b] = t;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.items = items;
  }
}
