// A replica following the run store: reads the pointer every poll (a timer, not fs.watch, which
// misses changes on network file systems), and when it names another run, copies it here, checks
// it and swaps it in with the swap code /retrain uses. A run refused once (a wrong hash, a file
// that will not load) is remembered by its run id and manifest hash and not tried again, so a bad
// publish costs one attempt and one log line, not a loop; the previous run serves on.
import { activateRun } from '../../db/importRun.ts';
import type { RunPointer } from '../../runstore/pointer.ts';
import type { BotContext, RunFollower, ServedModel } from '../context.ts';
import { swapInPublishedRun } from '../retrain/swapModel.ts';
import { storePointer } from './followRunStore.ts';
import { takeRunOnThread } from './takeRunThread.ts';

interface Waiter {
  runId: string;
  resolve: (model: ServedModel) => void;
  reject: (error: Error) => void;
}

export class RunWatcher implements RunFollower {
  private readonly refused = new Map<string, string>();
  private readonly waiters = new Set<Waiter>();
  private timer: NodeJS.Timeout | undefined;
  private pointerProblem: string | undefined;
  private busy = false;
  private stopped = false;

  constructor(
    private readonly context: BotContext,
    private readonly storeRoot: string,
  ) {}

  /** Starts polling every `pollMs`. */
  start(pollMs: number): void {
    this.timer = setInterval(() => void this.check(), pollMs);
    this.timer.unref();
  }

  /** Stops polling; anyone waiting for a run is told so. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    for (const waiter of this.waiters) waiter.reject(new Error('the bot is shutting down'));
    this.waiters.clear();
  }

  /** Reads the pointer once and swaps its run in if it is new and not refused before. */
  async check(): Promise<void> {
    if (this.busy) return; // a run is being taken in; the next poll looks again
    this.busy = true;
    try {
      const pointer = this.readPointer();
      const served = this.context.model.run.id;
      if (pointer && pointer.runId !== served && !this.refused.has(keyOf(pointer))) {
        await this.takeIn(pointer);
      }
      this.settleWaiters();
    } finally {
      this.busy = false;
    }
  }

  /** Resolves once run `runId` serves here; rejects if it is refused or `timeoutMs` passes first. */
  waitForRun(runId: string, timeoutMs: number): Promise<ServedModel> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`run ${runId} was not served within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      const done =
        <T>(settle: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          settle(value);
        };
      const waiter: Waiter = { runId, resolve: done(resolve), reject: done(reject) };
      this.waiters.add(waiter);
      void this.check();
    });
  }

  private readPointer(): RunPointer | null {
    try {
      const pointer = storePointer(this.storeRoot);
      this.pointerProblem = undefined;
      return pointer;
    } catch (error) {
      // Logged once per distinct problem: a store out of reach must not flood the logs.
      const message = (error as Error).message;
      if (message !== this.pointerProblem)
        this.context.logger.warn({ err: error }, 'cannot read the run store pointer');
      this.pointerProblem = message;
      return null;
    }
  }

  private async takeIn(pointer: RunPointer): Promise<void> {
    const { context } = this;
    const { modelsDir, dbPath } = context.config;
    const previous = context.model.run.id;
    const started = Date.now();
    try {
      await takeRunOnThread({ storeRoot: this.storeRoot, modelsDir, dbPath, pointer });
      const threadMs = Date.now() - started;
      if (this.stopped) return; // the database is closed or closing: the next start takes it
      const model = swapInPublishedRun(context, pointer.runId);
      const flippedMs = Date.parse(pointer.flippedAt);
      context.logger.info(
        {
          run: model.run.id,
          previous,
          tracks: model.catalog.size,
          tookMs: Date.now() - started,
          threadMs,
          sinceFlipMs: Number.isNaN(flippedMs) ? undefined : Date.now() - flippedMs,
        },
        "rolled out the run store's new run",
      );
    } catch (error) {
      const why = (error as Error).message;
      this.refused.set(keyOf(pointer), why);
      // The local database must not name a run this replica refused: a restart would load it.
      if (!this.stopped && context.model.run.id === previous) activateRun(context.db, previous);
      context.logger.error(
        { run: pointer.runId, manifestSha256: pointer.manifestSha256, serving: previous, why },
        `refused run ${pointer.runId} from the run store; still serving ${previous}`,
      );
    }
  }

  private settleWaiters(): void {
    for (const waiter of this.waiters) {
      const refusal = [...this.refused].find(([key]) => key.startsWith(`${waiter.runId}:`));
      if (this.context.model.run.id === waiter.runId) waiter.resolve(this.context.model);
      else if (refusal) waiter.reject(new Error(refusal[1]));
      else continue;
      this.waiters.delete(waiter);
    }
  }
}

function keyOf(pointer: RunPointer): string {
  return `${pointer.runId}:${pointer.manifestSha256}`;
}
