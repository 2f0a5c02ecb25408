// Where a process's resident memory is, for the memory benchmark: its mappings from
// /proc/<pid>/smaps grouped by kind, and, from the bot's /metrics, V8's own figures (main thread).
import { readFileSync } from 'node:fs';

/** Resident MB by kind of mapping, and the bot's process.memoryUsage() in MB. */
export interface MemoryBreakdown {
  rssMb: number;
  /** glibc's main arena (the brk heap). */
  brkHeapMb: number;
  /** Anonymous mappings: V8 heaps, thread arenas, large malloc blocks, typed arrays. */
  anonMb: number;
  /** Libraries and other files, largest first: the canvas library, node itself, ... */
  filesMb: Record<string, number>;
  /** From the bot's /metrics: process.memoryUsage() of the main thread. */
  v8?: { heapUsedMb: number; heapTotalMb: number; externalMb: number };
}

const round = (kb: number) => Math.round(kb / 102.4) / 10;

/** Groups /proc/<pid>/smaps by mapping kind. */
export function smapsBreakdown(pid: number): Omit<MemoryBreakdown, 'v8'> {
  const files = new Map<string, number>();
  let brk = 0;
  let anon = 0;
  let total = 0;
  let current = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      current = header[1] ?? '';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (!rss) continue;
    const kb = Number(rss[1]);
    total += kb;
    if (current === '[heap]') brk += kb;
    else if (current === '' || current.startsWith('[')) anon += kb;
    else {
      const name = current.split('/').pop() ?? current;
      files.set(name, (files.get(name) ?? 0) + kb);
    }
  }
  const filesMb = Object.fromEntries(
    [...files]
      .filter(([, kb]) => kb >= 512)
      .sort((a, b) => b[1] - a[1])
      .map(([name, kb]) => [name, round(kb)]),
  );
  return { rssMb: round(total), brkHeapMb: round(brk), anonMb: round(anon), filesMb };
}

/** Reads V8's figures from the bot's Prometheus text at `metricsUrl`. */
export async function v8Figures(metricsUrl: string): Promise<MemoryBreakdown['v8']> {
  const text = await (await fetch(metricsUrl)).text();
  const mb = (name: string) => {
    const value = new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1];
    return value === undefined ? NaN : Math.round(Number(value) / 104857.6) / 10;
  };
  return {
    heapUsedMb: mb('nodejs_heap_size_used_bytes'),
    heapTotalMb: mb('nodejs_heap_size_total_bytes'),
    externalMb: mb('nodejs_external_memory_bytes'),
  };
}
