// Keeps the k smallest (key, index) pairs seen, in typed arrays, without allocating per push.

/** A bounded max-heap: the root is the worst of the kept pairs, replaced when a better one arrives. */
export class TopK {
  private readonly keys: Float64Array;
  private readonly items: Int32Array;
  private size = 0;

  constructor(readonly capacity: number) {
    this.keys = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
  }

  /** How many pairs are kept (at most capacity). */
  get length(): number {
    return this.size;
  }

  /** The worst kept key once full (a bound for pruning), Infinity before. */
  get worstKey(): number {
    return this.size === this.capacity ? (this.keys[0] as number) : Infinity;
  }

  /** The kept indices, in no particular order. */
  indices(): Int32Array {
    return this.items.slice(0, this.size);
  }

  /** True when a pair with this key would be rejected: the heap is full and its worst key is smaller. */
  rejects(key: number): boolean {
    return this.size === this.capacity && key > (this.keys[0] as number);
  }

  /** Offers a pair; ties on key prefer the smaller index. */
  push(key: number, index: number): void {
    if (this.size < this.capacity) {
      let i = this.size++;
      this.keys[i] = key;
      this.items[i] = index;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const rootKey = this.keys[0] as number;
    if (key > rootKey || (key === rootKey && index > (this.items[0] as number))) return;
    this.keys[0] = key;
    this.items[0] = index;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.size && this.worse(l, worst)) worst = l;
      if (r < this.size && this.worse(r, worst)) worst = r;
      if (worst === i) break;
      this.swap(i, worst);
      i = worst;
    }
  }

  /** Kept pairs from best to worst. */
  sorted(): { key: number; index: number }[] {
    const out: { key: number; index: number }[] = [];
    for (let i = 0; i < this.size; i++) {
      out.push({ key: this.keys[i] as number, index: this.items[i] as number });
    }
    return out.sort((a, b) => a.key - b.key || a.index - b.index);
  }

  private worse(a: number, b: number): boolean {
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
}
