// Standard deviation of each latent dimension: a dimension with none is dead (carries no information).

/** Per-dimension standard deviation of row-major `dim`-wide vectors. */
export function latentSpread(vectors: Float32Array, dim: number): number[] {
  const rows = vectors.length / dim;
  const spread: number[] = [];
  for (let d = 0; d < dim; d++) {
    let sum = 0;
    let sumSquares = 0;
    for (let r = 0; r < rows; r++) {
      const v = vectors[r * dim + d]!;
      sum += v;
      sumSquares += v * v;
    }
    const mean = sum / rows;
    spread.push(Math.sqrt(Math.max(0, sumSquares / rows - mean * mean)));
  }
  return spread;
}
