// Training progress shown by editing the deferred reply, at most every couple of seconds (Discord
// rate-limits webhook edits); the final reply waits for the edits still in flight so it lands last.
import type { TrainingEvent } from '../../train/events.ts';
import { progressLine } from './retrainReport.ts';

/** Progress edits go out at most this often. */
export const PROGRESS_INTERVAL_MS = 2000;

export class ProgressEdits {
  #lastEdit = -Infinity;
  #inFlight: Promise<unknown>[] = [];

  constructor(
    private readonly edit: (line: string) => Promise<unknown>,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Shows the event's progress line, unless it has none or the last edit is too recent. */
  readonly onEvent = (event: TrainingEvent): void => {
    const line = progressLine(event);
    if (!line || this.now() - this.#lastEdit < this.intervalMs) return;
    this.#lastEdit = this.now();
    // A lost progress edit is not worth failing the retrain for; the final reply says how it ended.
    this.#inFlight.push(this.edit(line).catch(() => {}));
  };

  /** Resolves once every edit sent so far has landed or failed. */
  async settled(): Promise<void> {
    await Promise.all(this.#inFlight);
  }
}
