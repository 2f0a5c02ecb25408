// A growable binary heap of (key, item) pairs in typed arrays with the largest pair by (key, item)
// on top: the worst of a bounded top k (TopK). Smallest-first queues are MinPairQueue.

/** Pops pairs largest first by (key, item); items are 32-bit integers. */
export class MaxPairHeap {
  private keys: Float64Array;
  private items: Int32Array;
  private count = 0;

  constructor(capacity = 64) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.items = new Int32Array(Math.max(1, capacity));
  }

  /** Number of pairs held. */
  get size(): number {
    return this.count;
  }

  /** The top pair's key (undefined behaviour when empty: check size first). */
  get topKey(): number {
    return this.keys[0] as number;
  }

  /** The top pair's item (check size first). */
  get topItem(): number {
    return this.items[0] as number;
  }

  /** The items held, in no particular order. */
  heldItems(): Int32Array {
    return this.items.slice(0, this.count);
  }

  /** The pairs held, in no particular order. */
  heldPairs(): { key: number; index: number }[] {
    return Array.from({ length: this.count }, (_, i) => ({
      key: this.keys[i] as number,
      index: this.items[i] as number,
    }));
  }

  /** Adds a pair. */
  push(key: number, item: number): void {
    if (this.count === this.keys.length) this.grow();
    let i = this.count++;
    this.keys[i] = key;
    this.items[i] = item;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes and returns the top pair's item (check size first). */
  pop(): number {
    const top = this.items[0] as number;
    const last = --this.count;
    this.keys[0] = this.keys[last] as number;
    this.items[0] = this.items[last] as number;
    this.siftDown(0);
    return top;
  }

  /** Replaces the top pair by another (check size first): one sift instead of a pop and a push. */
  replaceTop(key: number, item: number): void {
    this.keys[0] = key;
    this.items[0] = item;
    this.siftDown(0);
  }

  private siftDown(start: number): void {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.count && this.before(l, best)) best = l;
      if (r < this.count && this.before(r, best)) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }

  /** Whether pair a belongs above pair b: the larger key, then the larger item. */
  private before(a: number, b: number): boolean {
    const ka = this.keys[a] as number;
    const kb = this.keys[b] as number;
    return ka > kb || (ka === kb && (this.items[a] as number) > (this.items[b] as number));
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
    this.keys = doubled(this.keys);
    this.items = doubled(this.items);
  }
}

/** A copy of `array` in one twice as long (a heap's storage when it fills). */
export function doubled<T extends Float64Array | Int32Array>(array: T): T {
  const out = new (array.constructor as new (length: number) => T)(array.length * 2);
  out.set(array);
  return out;
}
