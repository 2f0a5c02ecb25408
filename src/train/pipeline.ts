// One training run end to end: CSV -> scaled features -> autoencoder -> 3-D vectors -> models/ + SQLite.
import { randomBytes } from 'node:crypto';
import type { RunParams } from '../db/runTypes.ts';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { downloadDataset } from '../data/downloadDataset.ts';
import { readTracks } from '../data/readTracks.ts';
import type { AudioFeature, Track } from '../data/track.ts';
import { openDatabase } from '../db/open.ts';
import { publishRun } from '../db/runs.ts';
import { selectBackend } from '../ml/backend.ts';
import { readDenseWeights } from '../ml/encoderWeights.ts';
import { saveRunModels } from '../ml/modelFiles.ts';
import { fitScaler, scaleRows } from '../ml/scaler.ts';
import { trainAutoencoder } from '../ml/trainAutoencoder.ts';
import { encodeTracks } from './encodeTracks.ts';
import { createEpochEta } from './epochEta.ts';
import type { EmitTrainingEvent, TrainingSummary } from './events.ts';
import { latentSpread } from './latentSpread.ts';
import { createStageTimer } from './stageTimer.ts';

/** What a training run needs: where things are, what to learn from, and the run's parameters. */
export interface TrainingOptions extends Omit<RunParams, 'patience' | 'validationSplit'> {
  dataPath: string;
  /** Download from this URL when dataPath is missing; undefined means never download. */
  datasetUrl: string | undefined;
  dbPath: string;
  modelsDir: string;
  features: readonly AudioFeature[];
  patience: number;
  backend: 'auto' | 'wasm' | 'cpu' | 'tensorflow';
  maxBadRowShare: number;
}

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

/** Runs every stage, emitting progress; on any failure the previously active run keeps serving. */
export async function runTraining(
  options: TrainingOptions,
  emit: EmitTrainingEvent,
): Promise<TrainingSummary> {
  const started = performance.now();
  const startCpu = process.cpuUsage();
  const { stage, times } = createStageTimer(emit);

  if (!existsSync(options.dataPath)) {
    const url = options.datasetUrl;
    if (!url) throw new MissingDataError(options.dataPath);
    await stage('download', () =>
      downloadDataset(url, options.dataPath, ({ bytes, totalBytes }) =>
        emit({ type: 'progress', stage: 'download', done: bytes, total: totalBytes }),
      ),
    );
  }

  const backend = await selectBackend(options.backend);
  const { tracks, summary: ingest } = await stage('read', () =>
    readTracks(options.dataPath, {
      features: options.features,
      maxBadRowShare: options.maxBadRowShare,
      onProgress: (done, total) => emit({ type: 'progress', stage: 'read', done, total }),
    }),
  );
  emit({ type: 'ingest', summary: ingest });

  const features = [...options.features];
  const { scaler, scaled } = await stage('scale', () => {
    const raw = featureMatrix(tracks, options.features);
    const scaler = fitScaler(raw, features);
    return { scaler, scaled: scaleRows(scaler, raw) };
  });

  const dim = features.length;
  const { epochs, batchSize, learningRate, hidden, latentDim, seed, patience } = options;
  const params = { epochs, batchSize, learningRate, hidden, latentDim, seed, patience };
  const epochEta = createEpochEta();
  const trained = await stage('train', () =>
    trainAutoencoder(scaled, tracks.length, dim, {
      ...params,
      onEpoch: (e) =>
        emit({ type: 'epoch', ...e, etaSeconds: epochEta(e.epoch, e.epochs, e.seconds) }),
    }),
  );

  try {
    const { encoderWeights, vectors } = await stage('encode', () => {
      const encoderWeights = readDenseWeights(trained.encoder);
      return { encoderWeights, vectors: encodeTracks(encoderWeights, scaled, dim) };
    });
    const spread = latentSpread(vectors, options.latentDim);

    const runId = newRunId();
    const modelDir = resolve(options.modelsDir, runId);
    await stage('save', async () => {
      const partial = `${modelDir}.partial`;
      await mkdir(partial, { recursive: true });
      await saveRunModels(partial, { encoder: trained.encoder, decoder: trained.decoder });
      await writeFile(join(partial, 'scaler.json'), JSON.stringify(scaler, null, 2));
      await rename(partial, modelDir);
    });

    const metrics = {
      trainMse: trained.trainMse,
      valMse: trained.valMse,
      meanBaselineMse: trained.meanBaselineMse,
      epochsRun: trained.epochsRun,
      bestEpoch: trained.bestEpoch,
      latentSpread: spread,
      history: trained.history,
    };
    await stage('publish', async () => {
      const db = openDatabase(options.dbPath);
      try {
        publishRun(db, {
          run: {
            id: runId,
            dataFile: resolve(options.dataPath),
            dataSha256: ingest.sha256,
            backend,
            features,
            scaler,
            params,
            metrics,
            timings: times.seconds,
            counts: {
              rowsRead: ingest.rowsRead,
              rowsSkipped: ingest.rowsSkipped,
              duplicateRows: ingest.duplicateRows,
              tracks: tracks.length,
            },
            encoder: encoderWeights,
            modelDir,
            latentDim: options.latentDim,
          },
          tracks,
          trackIds: tracks.map((t) => t.id),
          vectors,
        });
      } catch (error) {
        await rm(modelDir, { recursive: true, force: true });
        throw error;
      } finally {
        db.close();
      }
    });

    const summary: TrainingSummary = {
      runId,
      dataPath: resolve(options.dataPath),
      dbPath: resolve(options.dbPath),
      modelDir,
      backend,
      ingest,
      tracksStored: tracks.length,
      features,
      trainMse: trained.trainMse,
      valMse: trained.valMse,
      meanBaselineMse: trained.meanBaselineMse,
      epochsRun: trained.epochsRun,
      bestEpoch: trained.bestEpoch,
      latentSpread: spread,
      secondsByStage: times.seconds,
      cpuSecondsByStage: times.cpuSeconds,
      totalSeconds: (performance.now() - started) / 1000,
      totalCpuSeconds: cpuSecondsSince(startCpu),
    };
    emit({ type: 'done', summary });
    return summary;
  } finally {
    trained.autoencoder.dispose();
    trained.encoder.dispose();
    trained.decoder.dispose();
  }
}

/** Packs the chosen features of every track into one row-major Float32Array. */
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

function newRunId(): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}
