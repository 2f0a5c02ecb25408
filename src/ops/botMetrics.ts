// What an operator graphs: interactions by kind, command, shard and outcome, how long they took,
// charts drawn and shed, the catalog and the process's memory, as Prometheus text.
import {
  Histogram,
  histogramLines,
  metricLines,
  type Labels,
  type Sample,
} from './prometheusText.ts';

/** How an interaction ended: answered, a user's mistake, our failure, or refused by Discord. */
export type InteractionOutcome = 'ok' | 'user_error' | 'error' | 'refused';

/** A reply's chart: sent with it, left out because the chart thread was busy, or failed. */
export type ChartOutcome = 'drawn' | 'shed' | 'failed';

export interface InteractionLabels {
  kind: 'command' | 'autocomplete' | 'component' | 'other';
  /** A command name or component prefix the bot knows, else "unknown" (labels stay bounded). */
  command: string;
  /** The gateway shard it arrived on. */
  shard: string;
}

/** Values read when metrics are scraped rather than counted. */
export interface BotGauges {
  ready: boolean;
  catalogTracks: number;
  shards: number;
  startedAt: Date;
}

// Seconds: autocomplete answers in ~1 ms, a reply with its chart in tens of ms, Discord's
// window is 3 s.
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class BotMetrics {
  readonly #interactions = new Map<string, Sample>();
  readonly #durations = new Map<string, { labels: Labels; histogram: Histogram }>();
  readonly #charts: Record<ChartOutcome, number> = { drawn: 0, shed: 0, failed: 0 };
  /** HTTP mode: POSTs to the Interactions Endpoint by how they ended (empty in gateway mode). */
  readonly #endpointRequests = new Map<string, Sample>();

  /** Counts one handled interaction and how long its handler took, chart included. */
  recordInteraction(labels: InteractionLabels, outcome: InteractionOutcome, seconds: number): void {
    const counted = { ...labels, outcome };
    const key = JSON.stringify(counted);
    const sample = this.#interactions.get(key) ?? { labels: counted, value: 0 };
    sample.value += 1;
    this.#interactions.set(key, sample);
    const timed = { kind: labels.kind, command: labels.command };
    const timedKey = JSON.stringify(timed);
    let entry = this.#durations.get(timedKey);
    if (!entry) {
      entry = { labels: timed, histogram: new Histogram(DURATION_BUCKETS) };
      this.#durations.set(timedKey, entry);
    }
    entry.histogram.observe(seconds);
  }

  /** Counts one reply's chart outcome. */
  recordChart(outcome: ChartOutcome): void {
    this.#charts[outcome] += 1;
  }

  /** Counts one request to the Interactions Endpoint (HTTP mode): handled, PING, or refused why. */
  recordEndpointRequest(outcome: string): void {
    const sample = this.#endpointRequests.get(outcome) ?? { labels: { outcome }, value: 0 };
    sample.value += 1;
    this.#endpointRequests.set(outcome, sample);
  }

  /** Everything in Prometheus text format. */
  render(gauges: BotGauges, memory: NodeJS.MemoryUsage = process.memoryUsage()): string {
    const lines = [
      ...this.#interactionLines(),
      ...this.#chartLines(),
      ...metricLines(
        'nextbeat_http_requests_total',
        'HTTP mode: POSTs to the Interactions Endpoint, by outcome (interaction, ping, bad_signature, ...).',
        'counter',
        [...this.#endpointRequests.values()],
      ),
      ...servingLines(gauges),
      ...memoryLines(memory),
    ];
    return `${lines.join('\n')}\n`;
  }

  // What was handled and how long it took.
  #interactionLines(): string[] {
    return [
      ...metricLines(
        'nextbeat_interactions_total',
        'Interactions handled, by kind, command (or component), gateway shard and outcome.',
        'counter',
        [...this.#interactions.values()],
      ),
      ...histogramLines(
        'nextbeat_interaction_duration_seconds',
        'From an interaction reaching the bot to its handler finishing, a chart edit included.',
        this.#durations,
      ),
    ];
  }

  // How the replies' charts fared.
  #chartLines(): string[] {
    const charts = Object.entries(this.#charts).map(([outcome, value]) => ({
      labels: { outcome },
      value,
    }));
    return metricLines(
      'nextbeat_charts_total',
      'Reply charts: drawn and sent, shed (chart thread busy), or failed.',
      'counter',
      charts,
    );
  }
}

// Whether the bot serves, what, on how many shards, since when.
function servingLines(gauges: BotGauges): string[] {
  return [
    ...gauge(
      'nextbeat_ready',
      '1 once serving, 0 while starting or stopping.',
      gauges.ready ? 1 : 0,
    ),
    ...gauge(
      'nextbeat_catalog_tracks',
      'Tracks in the catalog being served.',
      gauges.catalogTracks,
    ),
    ...gauge('nextbeat_gateway_shards', 'Gateway shards this process runs.', gauges.shards),
    ...gauge(
      'process_start_time_seconds',
      'Start time of the process, Unix seconds.',
      gauges.startedAt.getTime() / 1000,
    ),
  ];
}

// The process's memory, under the names Node exporters use.
function memoryLines(memory: NodeJS.MemoryUsage): string[] {
  return [
    ...gauge('process_resident_memory_bytes', 'Resident memory.', memory.rss),
    ...gauge('nodejs_heap_size_used_bytes', 'V8 heap used.', memory.heapUsed),
    ...gauge('nodejs_heap_size_total_bytes', 'V8 heap size.', memory.heapTotal),
    ...gauge(
      'nodejs_external_memory_bytes',
      'Memory of C++ objects bound to JS, typed arrays included.',
      memory.external,
    ),
  ];
}

// A gauge with one unlabelled value.
function gauge(name: string, help: string, value: number): string[] {
  return metricLines(name, help, 'gauge', [{ labels: {}, value }]);
}
