// The steps of a training run before anything is written: fetch the data when it is missing, read
// it, scale it, train the autoencoder, encode every track. Each takes data in and gives data out;
// runTraining (pipeline.ts) runs them in order as timed stages.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ScalerParams } from '../core/catalog/index.ts';
import type { DenseLayerWeights } from '../core/latent/index.ts';
import { checkStorageBeforeTraining } from '../db/preflight.ts';
import { downloadDataset } from '../data/downloadDataset.ts';
import { readTrackTable, type IngestSummary } from '../data/readTracks.ts';
import type { AudioFeature, Track } from '../data/track.ts';
import type { TrackTable } from '../data/trackTable.ts';
import { readDenseWeights } from '../ml/encoderWeights.ts';
import { fitScaler, scaleRows } from '../ml/scaler.ts';
import { trainAutoencoder, type TrainResult } from '../ml/trainAutoencoder.ts';
import type * as tf from '@tensorflow/tfjs';
import { encodeTracks } from './encodeTracks.ts';
import { createEpochEta } from './epochEta.ts';
import type { EmitTrainingEvent } from './events.ts';
import { featureMatrix } from './featureMatrix.ts';
import { trainingParams, type TrainingOptions } from './trainingOptions.ts';

/** Raised when the data file is missing and downloading is off. */
export class MissingDataError extends Error {
  constructor(path: string) {
    super(
      `${path}: file not found (looked at ${resolve(path)}).\n` +
        'Put a CSV of tracks with audio features there, or point --data at one (see README, "Data set").',
    );
    this.name = 'MissingDataError';
  }
}

/** Fails in the first second, naming the file and the cause, when the run could not be saved at the end. */
export function checkStorage(options: TrainingOptions): void {
  const dataBytes = existsSync(options.dataPath) ? statSync(options.dataPath).size : undefined;
  const { dbPath, modelsDir, storageProbe } = options;
  checkStorageBeforeTraining({ dbPath, modelsDir, dataBytes }, storageProbe);
}

/** The URL to download the data file from, or undefined when it is there; MissingDataError when it is neither. */
export function datasetToDownload(options: TrainingOptions): string | undefined {
  if (existsSync(options.dataPath)) return undefined;
  if (!options.datasetUrl) throw new MissingDataError(options.dataPath);
  return options.datasetUrl;
}

/** Downloads the data set to `dataPath`, reporting the bytes received. */
export async function downloadTrainingData(
  url: string,
  dataPath: string,
  emit: EmitTrainingEvent,
): Promise<void> {
  await downloadDataset(url, dataPath, ({ bytes, totalBytes }) =>
    emit({ type: 'progress', stage: 'download', done: bytes, total: totalBytes }),
  );
}

/** Reads and validates the training CSV into a table of unique tracks, reporting progress. */
export function readTrainingTracks(
  options: TrainingOptions,
  emit: EmitTrainingEvent,
): Promise<{ table: TrackTable; summary: IngestSummary }> {
  return readTrackTable(options.dataPath, {
    features: options.features,
    maxBadRowShare: options.maxBadRowShare,
    columns: options.columns,
    onProgress: (done, total) => emit({ type: 'progress', stage: 'read', done, total }),
  });
}

/** Fits the scaler on the tracks' features and scales them, row-major (tracks x features). */
export function scaleTracks(
  table: TrackTable | readonly Track[],
  features: readonly AudioFeature[],
): { scaler: ScalerParams; scaled: Float32Array } {
  const raw = featureMatrix(table, features);
  const scaler = fitScaler(raw, [...features]);
  return { scaler, scaled: scaleRows(scaler, raw) };
}

/** Trains the autoencoder on the scaled rows, reporting each epoch with the time left. */
export function trainModel(
  scaled: Float32Array,
  rows: number,
  options: TrainingOptions,
  emit: EmitTrainingEvent,
): Promise<TrainResult> {
  const epochEta = createEpochEta();
  return trainAutoencoder(scaled, rows, options.features.length, {
    ...trainingParams(options),
    onEpoch: (e) =>
      emit({ type: 'epoch', ...e, etaSeconds: epochEta(e.epoch, e.epochs, e.seconds) }),
  });
}

/** The encoder's weights as plain JSON, and every track's vector computed from them. */
export function encodeTrainedTracks(
  encoder: tf.LayersModel,
  scaled: Float32Array,
  dim: number,
): { encoderWeights: DenseLayerWeights[]; vectors: Float32Array } {
  const encoderWeights = readDenseWeights(encoder);
  return { encoderWeights, vectors: encodeTracks(encoderWeights, scaled, dim) };
}
