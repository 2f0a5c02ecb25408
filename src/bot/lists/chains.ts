// List chains: a list reply, its "More like this" pages and its playlist share one stored state
// and one history of tracks shown, so a chain never shows a track twice. Chains unused for
// CHAIN_LIFETIME_DAYS are pruned (checked at most hourly, when a chain starts).
import { UserFacingError } from '../../core/errors.ts';
import type { Database } from '../../db/open.ts';
import { listenerStores } from '../listeners/stores.ts';
import type { ListState } from './listState.ts';
import { parseListState } from './listState.ts';

export const CHAIN_LIFETIME_DAYS = 30;
/** Most tracks one chain shows (pages and playlist together): past it, songs are far from the seeds. */
export const MAX_CHAIN_TRACKS = 100;
const DAY_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** One list chain, its state read back. */
export interface Chain<S extends ListState = ListState> {
  id: string;
  /** Who started it: the listener whose dislikes and history it follows. */
  userId: string;
  state: S;
  /** Track ids shown so far, in order. */
  shown: string[];
}

/** A button of a list that is no longer stored (pruned, forgotten, or never made). */
export class ExpiredChainError extends UserFacingError {
  override name = 'ExpiredChainError';
  constructor() {
    super(
      `This list has expired (lists are kept ${CHAIN_LIFETIME_DAYS} days after their last use) ` +
        'or is not one of mine. Run the command again for a fresh one.',
    );
  }
}

const lastPrune = new WeakMap<Database, number>();

/** Stores a new chain for this listener's list. */
export function startChain<S extends ListState>(
  db: Database,
  userId: string,
  state: S,
  shown: readonly string[],
  now = Date.now(),
): Chain<S> {
  const { chains } = listenerStores(db);
  if (now - (lastPrune.get(db) ?? 0) >= PRUNE_EVERY_MS) {
    lastPrune.set(db, now);
    chains.pruneUnusedSince(now - CHAIN_LIFETIME_DAYS * DAY_MS);
  }
  const id = chains.create(userId, JSON.stringify(state), shown, now);
  return { id, userId, state, shown: [...shown] };
}

/** The stored chain with this id; throws ExpiredChainError when there is none. */
export function loadChain(db: Database, id: string): Chain {
  const stored = listenerStores(db).chains.get(id);
  if (!stored) throw new ExpiredChainError();
  return {
    id: stored.id,
    userId: stored.userId,
    state: parseListState(stored.state),
    shown: stored.shown,
  };
}

/** Adds tracks to what the chain has shown (and marks it used). */
export function recordShown<S extends ListState>(
  db: Database,
  chain: Chain<S>,
  trackIds: readonly string[],
): Chain<S> {
  const shown = [...chain.shown, ...trackIds];
  listenerStores(db).chains.setShown(chain.id, shown);
  return { ...chain, shown };
}
