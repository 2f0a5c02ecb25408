// Timing helpers: per-call wall and CPU time, percentiles, medians over repeats.

/** p50 and p99 of one measurement, in milliseconds. */
export interface Percentiles {
  p50: number;
  p99: number;
}

/** Wall and CPU percentiles of one kind of query. */
export interface QueryTimes {
  queries: number;
  wallMs: Percentiles;
  cpuMs: Percentiles;
}

/**
 * Times `run(i)` for i < count, after a warm-up. Wall time on a busy machine includes waiting for
 * a core; CPU time (process.cpuUsage, µs resolution) is what the code itself spent.
 */
export function timeQueries(count: number, run: (i: number) => unknown): QueryTimes {
  for (let i = 0; i < Math.min(count, 200); i++) run(i);
  const wall = new Float64Array(count);
  const cpu = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const before = process.cpuUsage();
    const start = performance.now();
    run(i);
    wall[i] = performance.now() - start;
    const used = process.cpuUsage(before);
    cpu[i] = (used.user + used.system) / 1000;
  }
  return { queries: count, wallMs: percentiles(wall), cpuMs: percentiles(cpu) };
}

/**
 * p50/p99 over queries of each query's fastest of `repeats` runs: on a shared machine a run that
 * waited for a core, or met a collection, is slow once, while the code's own cost shows every time.
 */
export function fastestOfRepeats(
  count: number,
  repeats: number,
  run: (i: number) => unknown,
): Percentiles {
  for (let i = 0; i < Math.min(count, 200); i++) run(i);
  const best = new Float64Array(count).fill(Infinity);
  for (let r = 0; r < repeats; r++) {
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      run(i);
      best[i] = Math.min(best[i] as number, performance.now() - start);
    }
  }
  return percentiles(best);
}

/** Wall and CPU milliseconds of one call. */
export function timeOnce<T>(run: () => T): { value: T; wallMs: number; cpuMs: number } {
  const before = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(before);
  return { value, wallMs: round(wallMs), cpuMs: round((used.user + used.system) / 1000) };
}

/** The median of each field over repeated measurements. */
export function medianOf<T extends Record<string, number>>(runs: readonly T[]): T {
  const out = {} as Record<string, number>;
  for (const key of Object.keys(runs[0] ?? {})) {
    const values = runs.map((r) => r[key] as number).sort((a, b) => a - b);
    out[key] = values[Math.floor(values.length / 2)] as number;
  }
  return out as T;
}

/** Median of each percentile over repeated QueryTimes. */
export function medianTimes(runs: readonly QueryTimes[]): QueryTimes {
  return {
    queries: runs[0]?.queries ?? 0,
    wallMs: medianOf(
      runs.map((r) => r.wallMs) as unknown as Record<string, number>[],
    ) as unknown as Percentiles,
    cpuMs: medianOf(
      runs.map((r) => r.cpuMs) as unknown as Record<string, number>[],
    ) as unknown as Percentiles,
  };
}

function percentiles(times: Float64Array): Percentiles {
  const sorted = times.slice().sort();
  const at = (q: number): number => round(sorted[Math.floor(q * (sorted.length - 1))] as number);
  return { p50: at(0.5), p99: at(0.99) };
}

/** Rounds to 4 decimals (0.1 µs): enough for sub-millisecond latencies. */
export function round(value: number): number {
  return Number(value.toFixed(4));
}
