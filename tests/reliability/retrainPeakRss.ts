// Peak resident memory of this process (the bot and the fake Discord) while something runs.
import { measureProcess } from './processMeasures.ts';

export interface RssRise {
  beforeMb: number;
  peakMb: number;
  afterMb: number;
  /** Peak minus before: what the work cost at its worst. */
  riseMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * Runs `work` while sampling RSS every few milliseconds. A body read whole into memory stays
 * resident for as long as it is held, so sampling catches it; the samples are taken on the same
 * event loop, which a streaming download never blocks for long.
 */
export async function peakRssDuring(work: () => Promise<unknown>): Promise<RssRise> {
  const before = (await measureProcess()).rssMb;
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, process.memoryUsage.rss());
  const after = (await measureProcess()).rssMb;
  return { beforeMb: before, peakMb: mb(peak), afterMb: after, riseMb: mb(peak) - before };
}
