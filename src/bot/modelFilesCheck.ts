// The served run's model files must be where its run says and as they were published: the run
// folder is the run's portable record (a retrain's comparison, the evaluation and a replica's run
// store read it), so a lost or changed file means the run can no longer be reproduced or trusted.
// The bot serves from the database, so this check is its one reading of these files: each is
// hashed whole and compared with the digest recorded at publish (a few KB; see runFiles.ts).
import type { Database } from '../db/open.ts';
import { digestMismatch, digestFile, recordedRunFiles } from '../db/runFiles.ts';
import { missingRunFiles, requiredRunFiles } from '../db/runFolder.ts';
import type { RunRecord } from '../db/runTypes.ts';

/** The active run's model files are missing; the message says which and how to recover. */
export class ModelFilesMissingError extends Error {
  override name = 'ModelFilesMissingError';
}

/** A model file of the active run differs from the one published; the message names it. */
export class ModelFileChangedError extends Error {
  override name = 'ModelFileChangedError';
}

const RETRAIN =
  'Retrain to write a fresh model: npm run train (with the same NEXTBEAT_DB and NEXTBEAT_MODELS).';

/**
 * Throws ModelFilesMissingError unless every file of the run's saved model exists, and
 * ModelFileChangedError when one differs from the digest recorded at publish (runs published
 * before digests were recorded are checked for presence only).
 */
export function checkModelFiles(db: Database, run: RunRecord): void {
  const missing = missingRunFiles(run.modelDir);
  if (missing.length > 0) {
    throw new ModelFilesMissingError(
      `The active model run ${run.id} is missing ${missing.join(', ')}. ${RETRAIN}`,
    );
  }
  const recorded = recordedRunFiles(db, run.id, run.modelDir);
  for (const path of requiredRunFiles(run.modelDir)) {
    const published = recorded.get(path);
    const why = published && digestMismatch(digestFile(path), published);
    if (why) {
      throw new ModelFileChangedError(
        `The model file ${path} of run ${run.id} is not the file published: ${why}; it was ` +
          `changed or damaged on disk. ${RETRAIN}`,
      );
    }
  }
}
