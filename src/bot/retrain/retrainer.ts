// One retrain at a time: holds the lock, runs the training process and tracks its progress, and
// resolves with the run it published. Swapping the served model in is swapModel.ts's job.
import type { Logger } from '../../logger.ts';
import type { TrainingEvent, TrainingSummary } from '../../train/events.ts';
import { runTrainingProcess, type TrainingProcessOptions } from './trainingProcess.ts';

export interface RetrainRequest {
  /** Runs while the lock is held (e.g. fetching an attached CSV); returns the CLI arguments. */
  prepareArgs: () => Promise<string[]>;
  timeoutMs: number;
  onEvent: (event: TrainingEvent) => void;
}

export interface RetrainProgress {
  stage: string;
  epoch: number;
  epochs: number;
}

/** Lines of garbage logged per retrain. */
const GARBAGE_LINES_LOGGED = 5;

/** Raised when a retrain is asked for while one runs. */
export class RetrainBusyError extends Error {
  override name = 'RetrainBusyError';
}

export class Retrainer {
  private progress: RetrainProgress | undefined;
  private running: AbortController | undefined;

  constructor(
    private readonly onGarbage: (line: string) => void,
    private readonly run: (
      options: TrainingProcessOptions,
    ) => Promise<TrainingSummary> = runTrainingProcess,
  ) {}

  /** A retrainer that logs what the training prints that is not an event, as a warning. */
  static loggingTo(logger: Logger): Retrainer {
    return new Retrainer((line) =>
      logger.warn({ line: line.slice(0, 200) }, 'training printed a non-JSON line'),
    );
  }

  /** Where the running retrain is, or undefined when none runs. */
  get current(): RetrainProgress | undefined {
    return this.progress;
  }

  /**
   * Trains in a child process; resolves with the summary once the new run is published. The lock
   * is taken synchronously, before the first await, so two calls cannot both start.
   */
  async retrain(request: RetrainRequest): Promise<TrainingSummary> {
    if (this.progress) throw new RetrainBusyError('a retrain is already running');
    const progress: RetrainProgress = { stage: 'preparing', epoch: 0, epochs: 0 };
    this.progress = progress;
    const running = new AbortController();
    this.running = running;
    let garbageLines = 0;
    try {
      return await this.run({
        args: await request.prepareArgs(),
        timeoutMs: request.timeoutMs,
        signal: running.signal,
        // A process spewing garbage must not flood the logs: the first few lines tell the story.
        onGarbage: (line) => {
          garbageLines += 1;
          if (garbageLines <= GARBAGE_LINES_LOGGED) this.onGarbage(line);
          else if (garbageLines === GARBAGE_LINES_LOGGED + 1)
            this.onGarbage('(further lines that are not training events are not logged)');
        },
        onEvent: (event) => {
          if (event.type === 'stage') progress.stage = event.stage;
          if (event.type === 'epoch')
            Object.assign(progress, { epoch: event.epoch, epochs: event.epochs });
          request.onEvent(event);
        },
      });
    } finally {
      this.progress = undefined;
      this.running = undefined;
    }
  }

  /** Stops the running retrain's training process, if any; its retrain() then rejects saying so. */
  stop(): void {
    this.running?.abort();
  }
}
