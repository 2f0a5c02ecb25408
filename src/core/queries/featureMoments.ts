// How the scaled features spread over the catalog, summed up per feature (share known, mean,
// variance), so that the root-mean-square distance from any point to the whole catalog is exact
// in O(features), with no sampling: E[(x - t)^2] = (mean - t)^2 + variance over known values,
// and an unknown value on either side counts as 1 apart, as in featureDistance.

/** Per-feature summary of a catalog's scaled features. */
export interface FeatureMoments {
  /** Share of tracks whose value is known. */
  known: Float64Array;
  /** Mean and variance over the known values (0 when none is known). */
  means: Float64Array;
  variances: Float64Array;
  /** Root-mean-square distance between two random tracks. */
  pairSpread: number;
}

/** The moments of `width` features per row of `scaled`. */
export function featureMoments(scaled: Float32Array, width: number): FeatureMoments {
  const rows = Math.floor(scaled.length / width);
  const known = new Float64Array(width);
  const means = new Float64Array(width);
  const variances = new Float64Array(width);
  for (let f = 0; f < width; f++) {
    let count = 0;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < rows; i++) {
      const value = scaled[i * width + f] as number;
      if (Number.isNaN(value)) continue;
      count++;
      sum += value;
      sumSquares += value * value;
    }
    const mean = count > 0 ? sum / count : 0;
    known[f] = rows > 0 ? count / rows : 0;
    means[f] = mean;
    variances[f] = count > 0 ? Math.max(0, sumSquares / count - mean * mean) : 0;
  }
  let pairSquares = 0;
  for (let f = 0; f < width; f++) {
    const bothKnown = (known[f] as number) ** 2;
    pairSquares += 1 - bothKnown + bothKnown * 2 * (variances[f] as number);
  }
  return { known, means, variances, pairSpread: Math.sqrt(pairSquares) || 1 };
}

/** Root-mean-square distance from `target` (scaled features) to every track of the catalog. */
export function spreadAround(moments: FeatureMoments, target: ArrayLike<number>): number {
  const { known, means, variances } = moments;
  let squares = 0;
  for (let f = 0; f < known.length; f++) {
    const value = target[f] as number;
    const share = known[f] as number;
    const gap = value - (means[f] as number);
    squares += Number.isNaN(value) ? 1 : 1 - share + share * (gap * gap + (variances[f] as number));
  }
  return Math.sqrt(squares) || 1;
}
