// The chosen audio features of every track as one matrix, the shape scaling and training take.
import type { AudioFeature, Track } from '../data/track.ts';
import { AUDIO_FEATURES } from '../data/track.ts';
import { isTrackTable, TABLE_FEATURES, type TrackTable } from '../data/trackTable.ts';
import { tableFromTracks } from '../data/trackTableBuilder.ts';

/** Packs the chosen features of every track into one row-major Float32Array (NaN where missing). */
export function featureMatrix(
  tracks: TrackTable | readonly Track[],
  features: readonly AudioFeature[],
): Float32Array {
  const table = isTrackTable(tracks) ? tracks : tableFromTracks(tracks);
  const dim = features.length;
  const columns = features.map((name) => AUDIO_FEATURES.indexOf(name));
  const out = new Float32Array(table.size * dim);
  for (let row = 0; row < table.size; row++) {
    const from = row * TABLE_FEATURES;
    for (let f = 0; f < dim; f++) {
      out[row * dim + f] = table.features[from + (columns[f] as number)] as number;
    }
  }
  return out;
}
