// What every handler may use: the catalog being served, settings, logs and the retrain runner.
import type { Config } from '../config.ts';
import type { ServedModel } from '../db/activeCatalog.ts';
import type { Logger } from '../logger.ts';
import type { Database } from '../db/open.ts';
import type { Retrainer } from './retrain/retrainer.ts';

// Handlers name the served model through the context they are given.
export type { ServedModel };

/** A replica's follower of the run store (bot/rollout/runWatcher.ts), when one is set. */
export interface RunFollower {
  /** Resolves once run `runId` serves here; rejects if it is refused or the time runs out. */
  waitForRun(runId: string, timeoutMs: number): Promise<ServedModel>;
  stop(): void;
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
  /** Set with NEXTBEAT_RUN_STORE: new runs arrive through it, on every replica alike. */
  runFollower?: RunFollower;
}
