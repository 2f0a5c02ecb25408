// Memory and handle counts of this process, after a full garbage collection when one can be forced.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface ProcessMeasures {
  rssMb: number;
  heapUsedMb: number;
  /** process.getActiveResourcesInfo().length: sockets, timers, file handles... */
  handles: number;
  /** The same, by kind (TCPSocketWrap, Timeout, ...). */
  handleKinds: Record<string, number>;
}

// vitest cannot pass --expose-gc to one file's worker; V8 can still be asked for gc() at run time.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Collects garbage (twice, so finalizers' garbage goes too), then measures. */
export async function measureProcess(): Promise<ProcessMeasures> {
  for (let i = 0; i < 2; i += 1) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { rss, heapUsed } = process.memoryUsage();
  const kinds = process.getActiveResourcesInfo();
  const handleKinds: Record<string, number> = {};
  for (const kind of kinds) handleKinds[kind] = (handleKinds[kind] ?? 0) + 1;
  return { rssMb: mb(rss), heapUsedMb: mb(heapUsed), handles: kinds.length, handleKinds };
}

/**
 * Handles other than TCP sockets and pending immediates: HTTP keep-alive pools open up to one
 * socket per concurrent request (both ends counted here) and close them when idle, so sockets
 * are bounded separately.
 */
export function nonSocketHandles(measures: ProcessMeasures): number {
  const { TCPSocketWrap = 0, Immediate = 0 } = measures.handleKinds;
  return measures.handles - TCPSocketWrap - Immediate;
}

/** The value at quantile q (0-1) of ascending samples. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
