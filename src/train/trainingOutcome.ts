// What a finished training run produced, told twice: as the run record SQLite stores, and as the
// summary the CLI prints and /retrain reads.
import { resolve } from 'node:path';
import type { ScalerParams } from '../core/catalog/index.ts';
import type { DenseLayerWeights } from '../core/latent/index.ts';
import type { IngestSummary } from '../data/readTracks.ts';
import type { NewRun } from '../db/runTypes.ts';
import type { TrainResult } from '../ml/trainAutoencoder.ts';
import type { TrainingSummary } from './events.ts';
import type { StageTimes } from './stageTimer.ts';
import { trainingParams, type TrainingOptions } from './trainingOptions.ts';

/** Everything a run has produced once its folder is saved. */
export interface TrainingOutcome {
  runId: string;
  modelDir: string;
  /** The tfjs backend that trained it. */
  backend: string;
  ingest: IngestSummary;
  tracksStored: number;
  scaler: ScalerParams;
  fit: Pick<
    TrainResult,
    'trainMse' | 'valMse' | 'meanBaselineMse' | 'epochsRun' | 'bestEpoch' | 'history'
  >;
  encoderWeights: DenseLayerWeights[];
  latentSpread: number[];
}

/** Wall-clock and CPU time at the start of a run, for its totals. */
export interface TrainingClock {
  started: number;
  cpu: NodeJS.CpuUsage;
}

/** Starts timing a whole run. */
export function startClock(): TrainingClock {
  return { started: performance.now(), cpu: process.cpuUsage() };
}

/** The run record to publish; `times` holds the stages finished so far. */
export function describeRun(
  options: TrainingOptions,
  outcome: TrainingOutcome,
  times: StageTimes,
): NewRun {
  const { fit, ingest } = outcome;
  return {
    id: outcome.runId,
    dataFile: resolve(options.dataPath),
    dataSha256: ingest.sha256,
    backend: outcome.backend,
    features: [...options.features],
    scaler: outcome.scaler,
    params: trainingParams(options),
    metrics: { ...fitMeasures(outcome), history: fit.history },
    timings: times.seconds,
    counts: {
      rowsRead: ingest.rowsRead,
      rowsSkipped: ingest.rowsSkipped,
      duplicateRows: ingest.duplicateRows,
      tracks: outcome.tracksStored,
    },
    encoder: outcome.encoderWeights,
    modelDir: outcome.modelDir,
    latentDim: options.latentDim,
  };
}

/** The closing summary of a published run, with the time of each stage and in all. */
export function summariseTraining(
  options: TrainingOptions,
  outcome: TrainingOutcome,
  times: StageTimes,
  clock: TrainingClock,
): TrainingSummary {
  const { user, system } = process.cpuUsage(clock.cpu);
  return {
    runId: outcome.runId,
    dataPath: resolve(options.dataPath),
    dbPath: resolve(options.dbPath),
    modelDir: outcome.modelDir,
    backend: outcome.backend,
    ingest: outcome.ingest,
    tracksStored: outcome.tracksStored,
    features: [...options.features],
    ...fitMeasures(outcome),
    secondsByStage: times.seconds,
    cpuSecondsByStage: times.cpuSeconds,
    totalSeconds: (performance.now() - clock.started) / 1000,
    totalCpuSeconds: (user + system) / 1e6,
  };
}

// How well the model fits, as both the run record and the summary report it.
function fitMeasures({ fit, latentSpread }: TrainingOutcome) {
  const { trainMse, valMse, meanBaselineMse, epochsRun, bestEpoch } = fit;
  return { trainMse, valMse, meanBaselineMse, epochsRun, bestEpoch, latentSpread };
}
