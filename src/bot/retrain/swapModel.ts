// Swapping in a newly published run. Two catalogs do not fit the bot's memory budget together
// (plus the snapshot being read), so the served one is let go and collected before the new one
// is read, and the new one is served only when its run folder is complete. Nothing else runs meanwhile: every step here is
// synchronous, so no interaction ever sees the bot without a model. If the new run cannot be
// loaded, the previous one is read back (its snapshot is kept until the next publish); if even
// that fails, the database is unusable and the process exits for its supervisor to restart it.
import { loadActiveCatalog, loadRunCatalog, type ServedModel } from '../../db/activeCatalog.ts';
import { collectGarbage } from '../collectGarbage.ts';
import type { BotContext } from '../context.ts';
import { checkModelFiles } from '../modelFilesCheck.ts';

/** Serves the active run, which must be `publishedRunId`; otherwise throws why, still serving the previous run. */
export function swapInPublishedRun(context: BotContext, publishedRunId: string): ServedModel {
  const previousRunId = context.model.run.id;
  (context as { model: ServedModel | undefined }).model = undefined;
  collectGarbage();
  try {
    const loaded = loadActiveCatalog(context.db);
    if (loaded?.run.id !== publishedRunId) {
      throw new Error(`training reported run ${publishedRunId}, but it is not the active run`);
    }
    checkModelFiles(context.db, loaded.run);
    context.model = loaded;
  } catch (error) {
    context.model = readBack(context, previousRunId);
    throw error;
  } finally {
    collectGarbage();
  }
  return context.model;
}

function readBack(context: BotContext, runId: string): ServedModel {
  try {
    return loadRunCatalog(context.db, runId);
  } catch (error) {
    context.logger.fatal(
      { err: error, run: runId },
      'cannot read the previous model back; exiting',
    );
    process.exit(1);
  }
}
