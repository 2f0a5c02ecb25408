// What every handler may use: the catalog being served, settings, logs and the retrain runner.
import type { TrackCatalog } from '../core/catalog/index.ts';
import type { Config } from '../config.ts';
import type { RunRecord } from '../db/runTypes.ts';
import type { Logger } from '../logger.ts';
import type { Database } from '../db/open.ts';
import type { Retrainer } from './retrain/retrainer.ts';

/** The active model: swapped as a whole when a retrain publishes a new run. */
export interface ServedModel {
  catalog: TrackCatalog;
  run: RunRecord;
}

export interface BotContext {
  config: Config;
  logger: Logger;
  /** Read on every interaction, so a swap takes effect at once. */
  model: ServedModel;
  db: Database;
  retrainer: Retrainer;
  startedAt: Date;
  /** Ids of interactions being handled, so shutdown can wait for them. */
  inFlight: Set<string>;
}
