// The chosen audio features of every track as one matrix, the shape scaling and training take.
import type { AudioFeature, Track } from '../data/track.ts';

/** Packs the chosen features of every track into one row-major Float32Array (NaN where missing). */
export function featureMatrix(
  tracks: readonly Track[],
  features: readonly AudioFeature[],
): Float32Array {
  const out = new Float32Array(tracks.length * features.length);
  tracks.forEach((track, row) => {
    features.forEach((name, column) => {
      out[row * features.length + column] = track.features[name] ?? Number.NaN;
    });
  });
  return out;
}
