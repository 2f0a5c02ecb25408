// Showing a training run on a terminal: a live bar while reading and training, a line per stage.
import { Presets, SingleBar } from 'cli-progress';
import type { EmitTrainingEvent, Stage } from './events.ts';
import { describeEvent, STAGE_LABELS } from './reporters.ts';

const CLEAR_LINE = '\r\x1b[2K';

/** Progress bars for download, read and train; "Stage..." while others run, replaced by "done in". */
export function terminalReporter(stream: NodeJS.WriteStream): EmitTrainingEvent {
  let bar: SingleBar | undefined;
  /** When the bar started and how much was done then, for a rate-based ETA. */
  let barStart = { at: 0, done: 0 };
  /** A "Stage..." line without its newline yet, shown until a bar or the stage's end replaces it. */
  let waiting = false;
  const clearWaiting = () => {
    if (waiting) stream.write(CLEAR_LINE);
    waiting = false;
  };
  const stopBar = () => {
    bar?.stop();
    bar = undefined;
  };
  // Started at the first update's value and payload: a bar drawn before them shows '{loss}'.
  const startBar = (format: string, total: number, value: number, payload: object) => {
    clearWaiting();
    barStart = { at: performance.now(), done: value };
    bar = new SingleBar({ format, stream }, Presets.shades_classic);
    bar.start(total, value, payload);
  };
  const barFormat = (stage: Stage) =>
    stage === 'train'
      ? 'Epoch {value}/{total} {bar} loss {loss} | val {valLoss} | ETA {etaText}'
      : `${STAGE_LABELS[stage]} {bar} {percentage}% | {size} | ETA {etaText}`;

  const etaText = (done: number, total: number | undefined): string => {
    const seconds = (performance.now() - barStart.at) / 1000;
    const rate = (done - barStart.done) / seconds;
    if (total !== undefined && done >= total) return '0s';
    if (total === undefined || !bar || !(rate > 0)) return '?';
    return `${Math.round((total - done) / rate)}s`;
  };

  return (event) => {
    switch (event.type) {
      case 'stage':
        stopBar();
        clearWaiting();
        if (event.state === 'start') {
          stream.write(describeEvent(event) ?? '');
          waiting = true;
        } else {
          stream.write(`${describeEvent(event)}\n`);
        }
        return;
      case 'progress': {
        const total = event.total ?? event.done;
        const payload = {
          size: formatBytes(event.done),
          etaText: etaText(event.done, event.total),
        };
        if (!bar) return startBar(barFormat(event.stage), total, event.done, payload);
        bar.setTotal(total);
        bar.update(event.done, payload);
        return;
      }
      case 'epoch': {
        const payload = {
          loss: event.loss.toFixed(5),
          valLoss: event.valLoss.toFixed(5),
          etaText: `${Math.round(event.etaSeconds)}s`,
        };
        if (!bar) return startBar(barFormat('train'), event.epochs, event.epoch, payload);
        bar.update(event.epoch, payload);
        return;
      }
      case 'error':
        stopBar();
        clearWaiting();
        return;
      default: {
        const line = describeEvent(event);
        if (line) stream.write(`${line}\n`);
      }
    }
  };
}

function formatBytes(bytes: number): string {
  return bytes < 1e6 ? `${Math.ceil(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}
