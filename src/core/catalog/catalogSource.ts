// What the db layer hands the core: one training run's tracks, latent vectors and encoder.
import type { Track } from '../../data/track.ts';
import type { CatalogColumns } from './catalogColumns.ts';
import type { CatalogIndexes } from './catalogIndexes.ts';
import type { ScalerParams } from './scalerParams.ts';
import type { DenseLayerWeights } from '../latent/index.ts';

/** Everything needed to build a TrackCatalog, read from the active training run. */
export interface CatalogSource {
  runId: string;
  tracks: Track[];
  /** tracks.length x latentDim, row i belongs to tracks[i]. */
  vectors: Float32Array;
  latentDim: number;
  /** Training feature names (AudioFeature), in the order the encoder expects. */
  features: string[];
  scaler: ScalerParams;
  encoder: DenseLayerWeights[];
}

/** A catalog ready to assemble without recomputing: a run's parts plus stored columns and indexes. */
export interface CatalogParts extends Omit<CatalogSource, 'tracks'> {
  columns: CatalogColumns;
  indexes: CatalogIndexes;
}
