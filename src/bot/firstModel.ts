// The model to serve at start-up: the active run, or, on a first start, one trained right away
// (downloading the data set first when it is missing).
import { existsSync } from 'node:fs';
import type { Config } from '../config.ts';
import { loadActiveCatalog, type ServedModel } from '../db/activeCatalog.ts';
import type { Database } from '../db/open.ts';
import type { Logger } from '../logger.ts';
import { runTrainingProcess } from './retrain/trainingProcess.ts';

/** The active run's catalog, training one first when there is none; `signal` stops the training. */
export async function loadOrTrainModel(
  config: Config,
  db: Database,
  logger: Logger,
  signal?: AbortSignal,
): Promise<ServedModel> {
  return loadActiveCatalog(db) ?? (await trainFirstModel(config, db, logger, signal));
}

async function trainFirstModel(
  config: Config,
  db: Database,
  logger: Logger,
  signal?: AbortSignal,
): Promise<ServedModel> {
  const haveData = existsSync(config.dataPath);
  logger.info(
    haveData
      ? `no trained model in ${config.dbPath} yet: training one from ${config.dataPath} first`
      : `no trained model in ${config.dbPath} and no data set at ${config.dataPath} yet: ` +
          `downloading it from ${config.datasetUrl}, then training`,
  );
  // Without --data the training CLI takes NEXTBEAT_DATA and downloads it when it is missing.
  const data = haveData ? ['--data', config.dataPath] : [];
  await runTrainingProcess({
    args: [...data, '--db', config.dbPath, '--models', config.modelsDir],
    timeoutMs: config.retrainTimeoutSeconds * 1000,
    // Stopped (SIGTERM) it publishes nothing; this resolves only once it has exited.
    signal,
    onGarbage: () => {},
    onEvent: (event) => {
      if (event.type === 'stage' && event.state === 'done')
        logger.info(`training: ${event.stage} done in ${event.seconds.toFixed(1)} s`);
      if (event.type === 'epoch')
        logger.info(
          `training: epoch ${event.epoch}/${event.epochs}, val loss ${event.valLoss.toFixed(5)}`,
        );
    },
  });
  const loaded = loadActiveCatalog(db);
  if (!loaded) throw new Error('training finished but published no run');
  return loaded;
}
