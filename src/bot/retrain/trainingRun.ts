// The training half of /retrain: start the training process (fetching the upload first, under the
// retrain lock), turn its end into a run id or a reason for the admin, and swap the new run in.
import { existsSync } from 'node:fs';
import { UserFacingError } from '../../core/errors.ts';
import { formatColumnMapping } from '../../data/columnMapping.ts';
import type { TrainingEvent, TrainingSummary } from '../../train/events.ts';
import type { BotContext, ServedModel } from '../context.ts';
import type { RetrainOptions } from './retrainOptions.ts';
import { swapInPublishedRun } from './swapModel.ts';
import { TrainingFailedError } from './trainingProcess.ts';
import type { UploadedCsv } from './uploadedCsv.ts';

/** Why a retrain did not end with a new model serving, in words for the admin. */
export interface RetrainFailure {
  failure: string;
}

/** Starts training in a child process; the upload, if any, is fetched first and deleted when training ends. */
export function startTraining(
  context: BotContext,
  asked: RetrainOptions,
  onEvent: (event: TrainingEvent) => void,
): Promise<TrainingSummary> {
  const { config, logger } = context;
  const training = context.retrainer
    .retrain({
      prepareArgs: async () => {
        const dataPath = asked.upload ? await asked.upload.save() : currentDataPath(context);
        logger.info({ user: asked.userId, dataPath, epochs: asked.epochs }, 'retrain started');
        const args = ['--data', dataPath, '--db', config.dbPath, '--models', config.modelsDir];
        if (asked.columns) args.push('--columns', formatColumnMapping(asked.columns));
        // Into the store, not this replica's database: every replica takes it from there alike.
        if (config.runStore) args.push('--run-store', config.runStore);
        return asked.epochs === null ? args : [...args, '--epochs', String(asked.epochs)];
      },
      timeoutMs: config.retrainTimeoutSeconds * 1000,
      onEvent,
    })
    .finally(() =>
      asked.upload
        ?.discard()
        .catch((error: unknown) => logger.warn({ err: error }, 'could not delete an upload')),
    );
  // Handled once the reply is deferred; without this a failure while deferring (an attachment that
  // is not a CSV) would be an unhandled rejection, which ends the process.
  training.catch(() => {});
  return training;
}

/** The run the training published, or why it did not; errors no admin can act on are rethrown. */
export async function trainingOutcome(
  training: Promise<TrainingSummary>,
  upload: UploadedCsv | undefined,
): Promise<{ runId: string } | RetrainFailure> {
  try {
    return { runId: (await training).runId };
  } catch (error) {
    if (!(error instanceof TrainingFailedError) && !(error instanceof UserFacingError)) throw error;
    // The admin knows the file by the name they attached, not where the bot saved it.
    return { failure: upload ? upload.describeIn(error.message) : error.message };
  }
}

/** Serves the run just published, or says why it cannot be served (the previous one serves on). */
export function swapIn(
  context: BotContext,
  runId: string,
): { model: ServedModel } | RetrainFailure {
  try {
    // Only the run this training says it published, and only once it loads whole.
    const model = swapInPublishedRun(context, runId);
    context.logger.info(
      { run: model.run.id, tracks: model.catalog.size },
      'retrain published; model swapped',
    );
    return { model };
  } catch (error) {
    return { failure: `the new run cannot be served (${(error as Error).message})` };
  }
}

/** How long a retrain waits for its run to come back from the run store and serve here. */
export const ROLLOUT_WAIT_MS = 60_000;

/** Serves the run just trained: swapped in directly, or, with a run store, once the follower has. */
export async function serveTrainedRun(
  context: BotContext,
  runId: string,
): Promise<{ model: ServedModel } | RetrainFailure> {
  if (!context.runFollower) return swapIn(context, runId);
  try {
    return { model: await context.runFollower.waitForRun(runId, ROLLOUT_WAIT_MS) };
  } catch (error) {
    return { failure: `the new run cannot be served (${(error as Error).message})` };
  }
}

function currentDataPath({ config, model }: BotContext): string {
  if (existsSync(config.dataPath)) return config.dataPath;
  if (existsSync(model.run.dataFile)) return model.run.dataFile;
  throw new UserFacingError(`No training data at ${config.dataPath}. Attach a CSV to /retrain.`);
}
