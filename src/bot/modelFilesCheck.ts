// The served model's files must be where its run says: a retrain compares against them, and a
// model directory that lost a file means the run can no longer be reproduced or inspected.
import { missingRunFiles } from '../db/runFolder.ts';
import type { RunRecord } from '../db/runTypes.ts';

/** The active run's model files are missing; the message says which and how to recover. */
export class ModelFilesMissingError extends Error {
  override name = 'ModelFilesMissingError';
}

/** Throws ModelFilesMissingError unless every file of the run's saved model exists. */
export function checkModelFiles(run: RunRecord): void {
  const missing = missingRunFiles(run.modelDir);
  if (missing.length === 0) return;
  throw new ModelFilesMissingError(
    `The active model run ${run.id} is missing ${missing.join(', ')}. ` +
      'Retrain to write a fresh model: npm run train (with the same NEXTBEAT_DB and NEXTBEAT_MODELS).',
  );
}
