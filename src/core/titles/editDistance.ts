// Bounded Damerau-Levenshtein (optimal string alignment) distance between a query and the closest
// prefix of a text: "shap of yuo" is 2 edits from "shape of you ed sheeran"'s prefix "shape of you".

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Smallest edit distance (insert, delete, substitute, swap adjacent) between `query` and any
 * prefix of `text`; returns maxEdits + 1 as soon as it is certain to exceed maxEdits.
 */
export function prefixEditDistance(query: string, text: string, maxEdits: number): number {
  const m = query.length;
  const n = Math.min(text.length, m + maxEdits);
  if (rows[0]!.length <= n) rows = rows.map(() => new Int32Array(n + 1));
  let before = rows[0] as Int32Array;
  let previous = rows[1] as Int32Array;
  let current = rows[2] as Int32Array;
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    const qc = query.charCodeAt(i - 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const tc = text.charCodeAt(j - 1);
      let best = (previous[j - 1] as number) + (qc === tc ? 0 : 1);
      const del = (previous[j] as number) + 1;
      const ins = (current[j - 1] as number) + 1;
      if (del < best) best = del;
      if (ins < best) best = ins;
      if (i > 1 && j > 1 && qc === text.charCodeAt(j - 2) && query.charCodeAt(i - 2) === tc) {
        const swap = (before[j - 2] as number) + 1;
        if (swap < best) best = swap;
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > maxEdits) return maxEdits + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  let result = maxEdits + 1;
  for (let j = 0; j <= n; j++) if ((previous[j] as number) < result) result = previous[j] as number;
  return result;
}
