// /retrain with a run store: one trainer across every replica, through the store's lock file.
import type { User } from 'discord.js';
import { UserFacingError } from '../../core/errors.ts';
import {
  acquireRetrainLock,
  RetrainLockedError,
  type HeldLock,
} from '../../runstore/retrainLock.ts';
import { storeLayout } from '../../runstore/storeLayout.ts';
import type { BotContext } from '../context.ts';

/** Takes the run store's retrain lock for `user` (undefined without a store); UserFacingError when held. */
export function takeStoreRetrainLock(
  { config }: Pick<BotContext, 'config'>,
  user: Pick<User, 'id' | 'username'>,
): HeldLock | undefined {
  if (!config.runStore) return undefined;
  try {
    return acquireRetrainLock(
      storeLayout(config.runStore).lock,
      `${user.username} (${user.id}) on ${config.replicaName}`,
      { staleMs: config.retrainLockStaleSeconds * 1000 },
    );
  } catch (error) {
    if (!(error instanceof RetrainLockedError)) throw error;
    const message = error.message.charAt(0).toUpperCase() + error.message.slice(1);
    throw new UserFacingError(`${message}. Try again when it has finished.`);
  }
}
