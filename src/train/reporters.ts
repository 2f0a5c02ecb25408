// Two ways to show a training run without a terminal: JSON lines (for /retrain) and plain lines (logs).
import type { EmitTrainingEvent, Stage, TrainingEvent } from './events.ts';

type Write = (line: string) => void;

/** What each stage is called in progress output. */
export const STAGE_LABELS: Record<Stage, string> = {
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

/** Plain lines, for logs and pipes: one per stage start and end, and one per epoch. */
export function plainReporter(write: Write): EmitTrainingEvent {
  return (event) => {
    const line = describeEvent(event);
    if (line) write(line);
  };
}

/** The plain-text line(s) for an event; undefined for progress ticks, the summary and errors (printed by the CLI). */
export function describeEvent(event: TrainingEvent): string | undefined {
  switch (event.type) {
    case 'stage':
      return event.state === 'start'
        ? `${STAGE_LABELS[event.stage]}...`
        : `${STAGE_LABELS[event.stage]}: done in ${event.seconds.toFixed(2)} s (CPU ${event.cpuSeconds.toFixed(2)} s)`;
    case 'epoch':
      return (
        `epoch ${event.epoch}/${event.epochs}  loss ${event.loss.toFixed(5)}  ` +
        `val ${event.valLoss.toFixed(5)}  ETA ${event.etaSeconds.toFixed(1)} s`
      );
    case 'ingest': {
      const s = event.summary;
      const reasons = Object.entries(s.skippedByReason).map(([reason, { count, firstLines }]) => {
        const more = count > firstLines.length ? ', ...' : '';
        const lines = `line${firstLines.length > 1 ? 's' : ''} ${firstLines.join(', ')}${more}`;
        return `  skipped ${count}: ${reason} (${lines})`;
      });
      return [`Read ${s.rowsRead} rows (${s.schema} format)`, ...reasons].join('\n');
    }
    case 'progress':
    case 'done':
    case 'error':
      return undefined;
  }
}
