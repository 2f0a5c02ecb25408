// What every handler may use: the catalog being served, settings, logs and the retrain runner.
import type { Config } from '../config.ts';
import type { ServedModel } from '../db/activeCatalog.ts';
import type { Logger } from '../logger.ts';
import type { Database } from '../db/open.ts';
import type { Retrainer } from './retrain/retrainer.ts';

// Handlers name the served model through the context they are given.
export type { ServedModel };

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
