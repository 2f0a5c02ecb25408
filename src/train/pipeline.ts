// One training run end to end: CSV -> scaled features -> autoencoder -> 3-D vectors -> models/ + SQLite.
import { selectBackend } from '../ml/backend.ts';
import type { TrainResult } from '../ml/trainAutoencoder.ts';
import type { EmitTrainingEvent, TrainingSummary } from './events.ts';
import { latentSpread } from './latentSpread.ts';
import { publishTrainedRun, saveRunFolder } from './saveRun.ts';
import { createStageTimer } from './stageTimer.ts';
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
  const { scaler, scaled } = await stage('scale', () => scaleTracks(table, options.features));
  const trained = await stage('train', () => trainModel(scaled, table.size, options, emit));
  try {
    const dim = options.features.length;
    const { encoderWeights, vectors } = await stage('encode', () =>
      encodeTrainedTracks(trained.encoder, scaled, dim),
    );
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

function disposeModels(trained: TrainResult): void {
  trained.autoencoder.dispose();
  trained.encoder.dispose();
  trained.decoder.dispose();
}
