// The model to serve at start-up: the active run, or, on a first start, one trained right away
// (downloading the data set first when it is missing). With a run store, the store's run; a first
// training publishes there and is taken from there, like any other.
import { existsSync } from 'node:fs';
import type { Config } from '../config.ts';
import { loadActiveCatalog, type ServedModel } from '../db/activeCatalog.ts';
import type { Database } from '../db/open.ts';
import type { Logger } from '../logger.ts';
import { runTrainingProcess } from './retrain/trainingProcess.ts';
import { followRunStoreAtStart } from './rollout/followRunStore.ts';

/** The active run's catalog, training one first when there is none; `signal` stops the training. */
export async function loadOrTrainModel(
  config: Config,
  db: Database,
  logger: Logger,
  signal?: AbortSignal,
): Promise<ServedModel> {
  // With a run store, its run is the one to serve, and a first training goes there too.
  followRunStoreAtStart(config, db, logger);
  const served = loadActiveCatalog(db);
  if (served) return served;
  await trainFirstModel(config, logger, signal);
  followRunStoreAtStart(config, db, logger);
  const loaded = loadActiveCatalog(db);
  if (!loaded) throw new Error('training finished but published no run');
  return loaded;
}

async function trainFirstModel(
  config: Config,
  logger: Logger,
  signal?: AbortSignal,
): Promise<void> {
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
    args: [
      ...data,
      ...['--db', config.dbPath, '--models', config.modelsDir],
      ...(config.runStore ? ['--run-store', config.runStore] : []),
    ],
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
}
