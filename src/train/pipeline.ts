// One training run end to end: CSV -> scaled features -> autoencoder -> 3-D vectors -> models/ + SQLite.
import { selectBackend } from '../ml/backend.ts';
import type { TrainResult } from '../ml/trainAutoencoder.ts';
import type { EmitTrainingEvent, TrainingSummary } from './events.ts';
import { latentSpread } from './latentSpread.ts';
import { publishTrainedRun, saveRunFolder } from './saveRun.ts';
import { createStageTimer, type RunStage } from './stageTimer.ts';
import type { TrackTable } from '../data/trackTable.ts';
import type { TrainingOptions } from './trainingOptions.ts';
import { describeRun, startClock, summariseTraining } from './trainingOutcome.ts';
import type { TrainingOutcome } from './trainingOutcome.ts';
import {
  checkStorage,
  datasetToDownload,
  downloadTrainingData,
  encodeTrainedTracks,
  readTrainingTracks,
  scaleTracks,
  trainModel,
} from './trainingSteps.ts';

/** Runs every stage, emitting progress; on any failure the previously active run keeps serving. */
export async function runTraining(
  options: TrainingOptions,
  emit: EmitTrainingEvent,
): Promise<TrainingSummary> {
  const clock = startClock();
  const { stage, times } = createStageTimer(emit);
  checkStorage(options); // before any download or read: a locked or read-only database fails now
  const url = datasetToDownload(options);
  if (url) await stage('download', () => downloadTrainingData(url, options.dataPath, emit));
  const backend = await selectBackend(options.backend);
  const { table, summary: ingest } = await stage('read', () => readTrainingTracks(options, emit));
  emit({ type: 'ingest', summary: ingest });
  const { scaler, trained, encoderWeights, vectors } = await trainAndEncode(
    table,
    options,
    emit,
    stage,
  );
  try {
    const saved = await stage('save', () => saveRunFolder(options.modelsDir, trained, scaler));
    const outcome: TrainingOutcome = {
      ...saved,
      backend,
      ingest,
      tracksStored: table.size,
      scaler,
      fit: trained,
      encoderWeights,
      latentSpread: latentSpread(vectors, options.latentDim),
    };
    await stage('publish', () =>
      publishTrainedRun(options.dbPath, {
        run: describeRun(options, outcome, times),
        tracks: table,
        trackIds: table.ids,
        vectors,
      }),
    );
    const summary = summariseTraining(options, outcome, times, clock);
    emit({ type: 'done', summary });
    return summary;
  } finally {
    disposeModels(trained);
  }
}

// Scale, train and encode; the scaled rows (35 MB at 1.2M tracks) are let go on return, before
// publishing builds the catalog, when memory peaks.
async function trainAndEncode(
  table: TrackTable,
  options: TrainingOptions,
  emit: EmitTrainingEvent,
  stage: RunStage,
) {
  const { scaler, scaled } = await stage('scale', () => scaleTracks(table, options.features));
  const trained = await stage('train', () => trainModel(scaled, table.size, options, emit));
  try {
    const dim = options.features.length;
    const encoded = await stage('encode', () => encodeTrainedTracks(trained.encoder, scaled, dim));
    return { scaler, trained, ...encoded };
  } catch (error) {
    disposeModels(trained);
    throw error;
  }
}

function disposeModels(trained: TrainResult): void {
  trained.autoencoder.dispose();
  trained.encoder.dispose();
  trained.decoder.dispose();
}
