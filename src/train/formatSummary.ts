// The closing report of a training run, for people.
import { formatColumnsUsed } from '../data/columnsUsed.ts';
import type { TrainingSummary } from './events.ts';

/** Multi-line text: rows, tracks, fit quality, time per stage and where things were written. */
export function formatSummary(s: TrainingSummary): string {
  const ratio = s.valMse / s.meanBaselineMse;
  const stages = Object.entries(s.secondsByStage)
    .map(([stage, seconds]) => `${stage} ${seconds.toFixed(2)} s`)
    .join(', ');
  const cpu = Object.entries(s.cpuSecondsByStage)
    .map(([stage, seconds]) => `${stage} ${seconds.toFixed(2)}`)
    .join(', ');
  return [
    `Trained run ${s.runId} on ${s.backend}`,
    `  rows: ${s.ingest.rowsRead} read, ${s.ingest.rowsSkipped} skipped, ${s.ingest.duplicateRows} merged as duplicates`,
    `  columns (${s.ingest.schema}): ${formatColumnsUsed(s.ingest.columns)}`,
    `  tracks stored: ${s.tracksStored} (${s.ingest.tracksWithSeveralGenres} with several genres)`,
    `  features: ${s.features.join(', ')}`,
    `  validation MSE: ${s.valMse.toFixed(5)} (predicting the mean: ${s.meanBaselineMse.toFixed(5)}, ratio ${ratio.toFixed(2)})`,
    `  epochs: ${s.epochsRun} run, best ${s.bestEpoch}; latent spread: ${s.latentSpread.map((v) => v.toFixed(3)).join(', ')}`,
    `  time: ${stages}; total ${s.totalSeconds.toFixed(2)} s`,
    `  CPU seconds: ${cpu}; total ${s.totalCpuSeconds.toFixed(2)}`,
    `  model: ${s.modelDir}`,
    `  database: ${s.dbPath}`,
  ].join('\n');
}
