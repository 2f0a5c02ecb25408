// What a training run tells its watcher: the CLI prints these, `/retrain` reads them as JSON lines.
import type { IngestSummary } from '../data/readTracks.ts';

export const STAGES = ['download', 'read', 'scale', 'train', 'encode', 'save', 'publish'] as const;
export type Stage = (typeof STAGES)[number];

export interface TrainingSummary {
  runId: string;
  dataPath: string;
  dbPath: string;
  modelDir: string;
  backend: string;
  ingest: IngestSummary;
  tracksStored: number;
  features: string[];
  trainMse: number;
  valMse: number;
  meanBaselineMse: number;
  epochsRun: number;
  bestEpoch: number;
  latentSpread: number[];
  secondsByStage: Partial<Record<Stage, number>>;
  /** CPU (user + system) seconds per stage; beside wall time it shows how busy the machine was. */
  cpuSecondsByStage: Partial<Record<Stage, number>>;
  totalSeconds: number;
  totalCpuSeconds: number;
}

export type TrainingEvent =
  | { type: 'stage'; stage: Stage; state: 'start' }
  | { type: 'stage'; stage: Stage; state: 'done'; seconds: number; cpuSeconds: number }
  | { type: 'progress'; stage: 'download' | 'read'; done: number; total: number | undefined }
  | {
      type: 'epoch';
      epoch: number;
      epochs: number;
      loss: number;
      valLoss: number;
      seconds: number;
      etaSeconds: number;
    }
  | { type: 'ingest'; summary: IngestSummary }
  | { type: 'done'; summary: TrainingSummary }
  | { type: 'error'; message: string };

export type EmitTrainingEvent = (event: TrainingEvent) => void;
