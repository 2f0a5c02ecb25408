// The served model's files must be where its run says: a retrain compares against them, and a
// model directory that lost a file means the run can no longer be reproduced or inspected.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRecord } from '../db/runTypes.ts';

// As src/ml/modelFiles.ts saveRunModels writes them; the bot does not load tfjs to read them.
const MODEL_FILES = [
  'encoder/model.json',
  'encoder/weights.bin',
  'decoder/model.json',
  'decoder/weights.bin',
  'scaler.json',
] as const;

/** The active run's model files are missing; the message says which and how to recover. */
export class ModelFilesMissingError extends Error {
  override name = 'ModelFilesMissingError';
}

/** Throws ModelFilesMissingError unless every file of the run's saved model exists. */
export function checkModelFiles(run: RunRecord): void {
  const missing = MODEL_FILES.map((file) => join(run.modelDir, ...file.split('/'))).filter(
    (path) => !existsSync(path),
  );
  if (missing.length === 0) return;
  throw new ModelFilesMissingError(
    `The active model run ${run.id} is missing ${missing.join(', ')}. ` +
      'Retrain to write a fresh model: npm run train (with the same NEXTBEAT_DB and NEXTBEAT_MODELS).',
  );
}
