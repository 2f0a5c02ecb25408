// Reads one line of the training process's progress stream: a training event only when it has the
// shape its type promises, since the bot formats its numbers (a malformed one must not crash it).
import type { TrainingEvent } from '../../train/events.ts';

type Fields = Record<string, unknown>;

const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const isNumberOrNull = (value: unknown) => value === null || value === undefined || isNumber(value);
const isText = (value: unknown) => typeof value === 'string';
const isObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SHAPES: Record<string, (event: Fields) => boolean> = {
  stage: (e) =>
    isText(e.stage) && (e.state === 'start' || (e.state === 'done' && isNumber(e.seconds))),
  progress: (e) => isText(e.stage) && isNumber(e.done) && isNumberOrNull(e.total),
  epoch: (e) =>
    ['epoch', 'epochs', 'loss', 'valLoss', 'seconds', 'etaSeconds'].every((k) => isNumber(e[k])),
  ingest: (e) => isObject(e.summary),
  done: (e) => isObject(e.summary) && isText((e.summary as Fields).runId),
  error: (e) => isText(e.message),
};

/** The event on this line, or undefined when the line is not a well-formed training event. */
export function parseTrainingEvent(line: string): TrainingEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(value)) return undefined;
  const event = value as Fields;
  const fits = typeof event.type === 'string' ? SHAPES[event.type] : undefined;
  return fits?.(event) ? (value as TrainingEvent) : undefined;
}
