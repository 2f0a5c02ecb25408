// Showing a training run on a terminal: a live bar while reading and training, a line per stage.
import { Presets, SingleBar } from 'cli-progress';
import type { EmitTrainingEvent, Stage, TrainingEvent } from './events.ts';
import { describeEvent, STAGE_LABELS } from './reporters.ts';

const CLEAR_LINE = '\r\x1b[2K';

type EventOf<T extends TrainingEvent['type']> = Extract<TrainingEvent, { type: T }>;

/** Progress bars for download, read and train; "Stage..." while others run, replaced by "done in". */
export function terminalReporter(stream: NodeJS.WriteStream): EmitTrainingEvent {
  const screen = new TrainingScreen(stream);
  return (event) => {
    switch (event.type) {
      case 'stage':
        return screen.showStage(event);
      case 'progress':
        return screen.showProgress(event);
      case 'epoch':
        return screen.showEpoch(event);
      case 'error':
        return screen.clear();
      default:
        return screen.showLine(event);
    }
  };
}

// What is on the terminal's last line (a bar, a "Stage..." or nothing) and how to replace it.
class TrainingScreen {
  #bar: SingleBar | undefined;
  /** When the bar started and how much was done then, for a rate-based ETA. */
  #barStart = { at: 0, done: 0 };
  /** A "Stage..." line without its newline yet, shown until a bar or the stage's end replaces it. */
  #waiting = false;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  // A stage starting stays on the line as "Stage..."; its end gets a line of its own.
  showStage(event: EventOf<'stage'>): void {
    this.clear();
    if (event.state === 'start') {
      this.stream.write(describeEvent(event) ?? '');
      this.#waiting = true;
    } else {
      this.stream.write(`${describeEvent(event)}\n`);
    }
  }

  // Download and read: bytes so far, against the total when it is known.
  showProgress(event: EventOf<'progress'>): void {
    const total = event.total ?? event.done;
    const payload = {
      size: formatBytes(event.done),
      etaText: this.#etaText(event.done, event.total),
    };
    if (!this.#bar) return this.#startBar(barFormat(event.stage), total, event.done, payload);
    this.#bar.setTotal(total);
    this.#bar.update(event.done, payload);
  }

  // Training: one step of the bar per epoch, with its losses.
  showEpoch(event: EventOf<'epoch'>): void {
    const payload = {
      loss: event.loss.toFixed(5),
      valLoss: event.valLoss.toFixed(5),
      etaText: `${Math.round(event.etaSeconds)}s`,
    };
    if (!this.#bar) return this.#startBar(barFormat('train'), event.epochs, event.epoch, payload);
    this.#bar.update(event.epoch, payload);
  }

  // Any other event: its line, if it has one.
  showLine(event: TrainingEvent): void {
    const line = describeEvent(event);
    if (line) this.stream.write(`${line}\n`);
  }

  // Leaves the line empty: no bar running, no "Stage..." waiting.
  clear(): void {
    this.#bar?.stop();
    this.#bar = undefined;
    this.#clearWaiting();
  }

  #clearWaiting(): void {
    if (this.#waiting) this.stream.write(CLEAR_LINE);
    this.#waiting = false;
  }

  // Started at the first update's value and payload: a bar drawn before them shows '{loss}'.
  #startBar(format: string, total: number, value: number, payload: object): void {
    this.#clearWaiting();
    this.#barStart = { at: performance.now(), done: value };
    this.#bar = new SingleBar({ format, stream: this.stream }, Presets.shades_classic);
    this.#bar.start(total, value, payload);
  }

  // Seconds left at the rate since the bar started; '?' until there is a rate.
  #etaText(done: number, total: number | undefined): string {
    const seconds = (performance.now() - this.#barStart.at) / 1000;
    const rate = (done - this.#barStart.done) / seconds;
    if (total !== undefined && done >= total) return '0s';
    if (total === undefined || !this.#bar || !(rate > 0)) return '?';
    return `${Math.round((total - done) / rate)}s`;
  }
}

function barFormat(stage: Stage): string {
  return stage === 'train'
    ? 'Epoch {value}/{total} {bar} loss {loss} | val {valLoss} | ETA {etaText}'
    : `${STAGE_LABELS[stage]} {bar} {percentage}% | {size} | ETA {etaText}`;
}

function formatBytes(bytes: number): string {
  return bytes < 1e6 ? `${Math.ceil(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}
