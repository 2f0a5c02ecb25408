// Reply charts report how they fared on a diagnostics channel: the chart code needs no handle on
// the metrics, and publishing costs nothing when no one listens.
import diagnostics from 'node:diagnostics_channel';
import type { ChartOutcome } from './botMetrics.ts';

const channel = diagnostics.channel('nextbeat:charts');

/** Tells whoever listens how one reply's chart fared. */
export function reportChart(outcome: ChartOutcome): void {
  if (channel.hasSubscribers) channel.publish(outcome);
}

/** Calls `listener` for every chart outcome in this process; returns the unsubscribe function. */
export function onChart(listener: (outcome: ChartOutcome) => void): () => void {
  const handler = (message: unknown) => listener(message as ChartOutcome);
  channel.subscribe(handler);
  return () => channel.unsubscribe(handler);
}
