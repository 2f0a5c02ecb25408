// Quickselect over (key, item) pairs held in two parallel typed arrays: the k smallest by
// (key, item) end up in front, in no particular order. Linear on average, no allocation.

/** Reorders pairs [0, count) so that the k smallest by (key, item) are at [0, k). */
export function selectSmallest(
  keys: Float64Array,
  items: Int32Array,
  count: number,
  k: number,
): void {
  let lo = 0;
  let hi = count - 1;
  const nth = k - 1;
  while (hi > lo) {
    swap(keys, items, (lo + hi) >> 1, hi);
    let store = lo;
    for (let i = lo; i < hi; i++) {
      if (pairLess(keys, items, i, hi)) swap(keys, items, i, store++);
    }
    swap(keys, items, store, hi);
    if (store === nth) return;
    if (store < nth) lo = store + 1;
    else hi = store - 1;
  }
}

/** The largest key among pairs [0, count). */
export function largestKey(keys: Float64Array, count: number): number {
  let largest = -Infinity;
  for (let i = 0; i < count; i++) if ((keys[i] as number) > largest) largest = keys[i] as number;
  return largest;
}

function pairLess(keys: Float64Array, items: Int32Array, a: number, b: number): boolean {
  const ka = keys[a] as number;
  const kb = keys[b] as number;
  return ka < kb || (ka === kb && (items[a] as number) < (items[b] as number));
}

function swap(keys: Float64Array, items: Int32Array, a: number, b: number): void {
  const k = keys[a] as number;
  keys[a] = keys[b] as number;
  keys[b] = k;
  const t = items[a] as number;
  items[a] = items[b] as number;
  items[b] = t;
}
