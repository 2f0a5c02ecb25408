// Wiring the run store into a starting bot: take its run before loading, then follow its pointer.
import type { BotContext } from '../context.ts';
import { RunWatcher } from './runWatcher.ts';

/** Starts following the run store when one is set; returns what stops it. */
export function followRunStore(context: BotContext): () => void {
  const { runStore, runStorePollMs } = context.config;
  if (!runStore) return () => {};
  const watcher = new RunWatcher(context, runStore);
  context.runFollower = watcher;
  watcher.start(runStorePollMs);
  return () => watcher.stop();
}
