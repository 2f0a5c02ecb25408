// The catalog's latent distance scale: the 99th percentile of distances between random tracks in
// the 3-D space (stored with the catalog; the latent map and evaluation read it).
import { randomPairDistances } from './randomPairs.ts';

const PERCENTILE = 0.99;

/** The 99th percentile of latent distances between random track pairs (1 when undefined). */
export function latentDistanceScale(points: Float32Array, dim: number): number {
  const distances = randomPairDistances(Math.floor(points.length / dim), (a, b) => {
    let sum = 0;
    for (let d = 0; d < dim; d++) {
      const diff = (points[a * dim + d] as number) - (points[b * dim + d] as number);
      sum += diff * diff;
    }
    return Math.sqrt(sum);
  });
  const scale =
    distances[Math.min(distances.length - 1, Math.floor(PERCENTILE * distances.length))];
  return scale !== undefined && scale > 0 ? scale : 1;
}
