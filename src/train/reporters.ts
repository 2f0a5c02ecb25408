// Three ways to show a training run: JSON lines (for /retrain), a progress bar (terminal), plain lines (logs).
import { SingleBar, Presets } from 'cli-progress';
import type { EmitTrainingEvent, Stage, TrainingEvent } from './events.ts';

type Write = (line: string) => void;

const STAGE_LABELS: Record<Stage, string> = {
  download: 'Downloading data set',
  read: 'Reading CSV',
  scale: 'Scaling features',
  train: 'Training autoencoder',
  encode: 'Encoding tracks',
  save: 'Saving model',
  publish: 'Publishing run',
};

/** One JSON object per line and event. */
export function jsonReporter(write: Write): EmitTrainingEvent {
  return (event) => write(JSON.stringify(event));
}

/** Plain lines, for logs and pipes: one per stage and epoch. */
export function plainReporter(write: Write): EmitTrainingEvent {
  return (event) => {
    const line = describeEvent(event);
    if (line) write(line);
  };
}

/** A live progress bar per long stage on a terminal; other events as plain lines. */
export function terminalReporter(stream: NodeJS.WriteStream): EmitTrainingEvent {
  const plain = plainReporter((line) => stream.write(`${line}\n`));
  let bar: SingleBar | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  const start = (format: string, total: number, payload: object) => {
    stop();
    bar = new SingleBar({ format, stream, hideCursor: true, etaBuffer: 5 }, Presets.shades_classic);
    bar.start(total, 0, payload);
  };
  return (event) => {
    if (event.type === 'progress') {
      const total = event.total ?? event.done;
      if (!bar)
        start(`${STAGE_LABELS[event.stage]} {bar} {percentage}% | {mb} MB | ETA {eta}s`, total, {});
      bar?.setTotal(total);
      bar?.update(event.done, { mb: (event.done / 1e6).toFixed(1) });
    } else if (event.type === 'epoch') {
      if (!bar)
        start(
          'Epoch {value}/{total} {bar} loss {loss} | val {valLoss} | ETA {eta}s',
          event.epochs,
          {},
        );
      bar?.update(event.epoch, { loss: event.loss.toFixed(5), valLoss: event.valLoss.toFixed(5) });
    } else {
      if (event.type === 'stage' && event.state === 'done') stop();
      if (event.type !== 'stage' || event.state === 'done') plain(event);
    }
  };
}

function describeEvent(event: TrainingEvent): string | undefined {
  switch (event.type) {
    case 'stage':
      return event.state === 'start'
        ? `${STAGE_LABELS[event.stage]}...`
        : `${STAGE_LABELS[event.stage]}: done in ${event.seconds.toFixed(2)} s`;
    case 'progress':
      return undefined;
    case 'epoch':
      return (
        `epoch ${event.epoch}/${event.epochs}  loss ${event.loss.toFixed(5)}  ` +
        `val ${event.valLoss.toFixed(5)}  ETA ${event.etaSeconds.toFixed(1)} s`
      );
    case 'ingest': {
      const s = event.summary;
      const reasons = Object.entries(s.skippedByReason).map(
        ([reason, { count, firstLines }]) =>
          `  skipped ${count}: ${reason} (lines ${firstLines.join(', ')}...)`,
      );
      return [`Read ${s.rowsRead} rows (${s.schema} format)`, ...reasons].join('\n');
    }
    case 'done':
      return undefined;
    case 'error':
      return `Error: ${event.message}`;
  }
}
