// Keeps the k smallest (key, index) pairs seen, in typed arrays, without allocating per push.
import { MaxPairHeap } from './pairHeap.ts';

/** A bounded heap with the worst kept pair on top, replaced when a better one arrives. */
export class TopK {
  private readonly heap: MaxPairHeap;

  constructor(readonly capacity: number) {
    this.heap = new MaxPairHeap(capacity);
  }

  /** How many pairs are kept (at most capacity). */
  get length(): number {
    return this.heap.size;
  }

  /** The worst kept key once full (a bound for pruning), Infinity before. */
  get worstKey(): number {
    return this.heap.size === this.capacity ? this.heap.topKey : Infinity;
  }

  /** The kept indices, in no particular order. */
  indices(): Int32Array {
    return this.heap.heldItems();
  }

  /** True when a pair with this key would be rejected: the heap is full and its worst key is smaller. */
  rejects(key: number): boolean {
    return this.heap.size === this.capacity && key > this.heap.topKey;
  }

  /** Offers a pair; ties on key prefer the smaller index. */
  push(key: number, index: number): void {
    if (this.heap.size < this.capacity) return this.heap.push(key, index);
    const worst = this.heap.topKey;
    if (key > worst || (key === worst && index > this.heap.topItem)) return;
    this.heap.replaceTop(key, index);
  }

  /** Kept pairs from best to worst. */
  sorted(): { key: number; index: number }[] {
    return this.heap.heldPairs().sort((a, b) => a.key - b.key || a.index - b.index);
  }
}
