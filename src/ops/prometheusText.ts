// Prometheus text exposition format 0.0.4, by hand: a handful of counters, gauges and histograms
// do not need prom-client (not installed; it would be the only reason for a new dependency).

export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  labels: Labels;
  value: number;
}

/** The content type Prometheus expects for this format. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** `# HELP`, `# TYPE` and one line per sample of a counter or gauge. */
export function metricLines(
  name: string,
  help: string,
  type: 'counter' | 'gauge',
  samples: readonly Sample[],
): string[] {
  return [
    `# HELP ${name} ${escapeHelp(help)}`,
    `# TYPE ${name} ${type}`,
    ...samples.map((sample) => `${name}${labelText(sample.labels)} ${formatValue(sample.value)}`),
  ];
}

/** Observations counted into cumulative buckets (upper bounds in seconds), with sum and count. */
export class Histogram {
  readonly #bounds: readonly number[];
  readonly #counts: number[];
  #sum = 0;
  #count = 0;

  constructor(bounds: readonly number[]) {
    this.#bounds = [...bounds].sort((a, b) => a - b);
    this.#counts = this.#bounds.map(() => 0);
  }

  /** Counts one observation. */
  observe(value: number): void {
    this.#sum += value;
    this.#count += 1;
    const bucket = this.#bounds.findIndex((bound) => value <= bound);
    if (bucket >= 0) this.#counts[bucket] = (this.#counts[bucket] ?? 0) + 1;
  }

  /** The `_bucket`, `_sum` and `_count` lines of this histogram under `labels`. */
  lines(name: string, labels: Labels): string[] {
    let cumulative = 0;
    const buckets = this.#bounds.map((bound, i) => {
      cumulative += this.#counts[i] ?? 0;
      return `${name}_bucket${labelText({ ...labels, le: formatValue(bound) })} ${cumulative}`;
    });
    return [
      ...buckets,
      `${name}_bucket${labelText({ ...labels, le: '+Inf' })} ${this.#count}`,
      `${name}_sum${labelText(labels)} ${formatValue(this.#sum)}`,
      `${name}_count${labelText(labels)} ${this.#count}`,
    ];
  }
}

/** `# HELP`, `# TYPE` and every labelled histogram's lines. */
export function histogramLines(
  name: string,
  help: string,
  histograms: ReadonlyMap<string, { labels: Labels; histogram: Histogram }>,
): string[] {
  return [
    `# HELP ${name} ${escapeHelp(help)}`,
    `# TYPE ${name} histogram`,
    ...[...histograms.values()].flatMap(({ labels, histogram }) => histogram.lines(name, labels)),
  ];
}

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([key, value]) => `${key}="${escapeLabel(value)}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

function escapeLabel(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

function escapeHelp(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('\n', '\\n');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return String(value);
}
