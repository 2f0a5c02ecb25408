// Ordering rows by track id, the primary key of the tables a publish writes.

/**
 * Row numbers sorted by id (in JavaScript's string order); of rows sharing an id, only the last
 * is kept, as if each row had been upserted in turn.
 */
export function sortedLastRowPerId(ids: readonly string[]): Int32Array {
  const order = new Int32Array(ids.length);
  for (let row = 0; row < ids.length; row++) order[row] = row;
  order.sort((a, b) => {
    const x = ids[a] as string;
    const y = ids[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  let kept = 0;
  for (let k = 0; k < order.length; k++) {
    const row = order[k] as number;
    const next = order[k + 1];
    if (next === undefined || ids[next] !== ids[row]) order[kept++] = row;
  }
  return order.subarray(0, kept);
}
