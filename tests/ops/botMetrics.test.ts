import { describe, expect, it } from 'vitest';
import { BotMetrics } from '../../src/ops/botMetrics.ts';

const gauges = {
  ready: true,
  catalogTracks: 90,
  shards: 2,
  startedAt: new Date(1_700_000_000_000),
};
const memory = { rss: 100, heapUsed: 20, heapTotal: 40, external: 5, arrayBuffers: 3 };

describe('BotMetrics', () => {
  it('GIVEN interactions of two commands WHEN rendered THEN counters carry their labels and histograms are cumulative with sum and count', () => {
    const metrics = new BotMetrics();
    const recommend = { kind: 'command', command: 'recommend', shard: '1' } as const;
    metrics.recordInteraction(recommend, 'ok', 0.004);
    metrics.recordInteraction(recommend, 'ok', 0.3);
    metrics.recordInteraction(recommend, 'error', 0.02);
    metrics.recordInteraction(
      { kind: 'autocomplete', command: 'recommend', shard: '0' },
      'ok',
      0.0005,
    );

    const lines = metrics.render(gauges, memory).split('\n');

    expect(lines).toContain(
      'nextbeat_interactions_total{kind="command",command="recommend",shard="1",outcome="ok"} 2',
    );
    expect(lines).toContain(
      'nextbeat_interactions_total{kind="command",command="recommend",shard="1",outcome="error"} 1',
    );
    expect(lines).toContain(
      'nextbeat_interactions_total{kind="autocomplete",command="recommend",shard="0",outcome="ok"} 1',
    );
    const bucket = (le: string) =>
      lines
        .find((l) =>
          l.startsWith(
            `nextbeat_interaction_duration_seconds_bucket{kind="command",command="recommend",le="${le}"}`,
          ),
        )
        ?.split(' ')[1];
    expect([
      bucket('0.001'),
      bucket('0.005'),
      bucket('0.025'),
      bucket('0.25'),
      bucket('0.5'),
      bucket('+Inf'),
    ]).toEqual(['0', '1', '2', '2', '3', '3']);
    expect(lines).toContain(
      'nextbeat_interaction_duration_seconds_count{kind="command",command="recommend"} 3',
    );
    expect(lines).toContain(
      'nextbeat_interaction_duration_seconds_sum{kind="command",command="recommend"} 0.324',
    );
  });

  it('GIVEN charts drawn, shed and failed WHEN rendered THEN each outcome has its count, and the gauges and memory are there', () => {
    const metrics = new BotMetrics();
    for (const outcome of ['drawn', 'drawn', 'shed', 'failed'] as const)
      metrics.recordChart(outcome);

    const text = metrics.render(gauges, memory);

    for (const line of [
      'nextbeat_charts_total{outcome="drawn"} 2',
      'nextbeat_charts_total{outcome="shed"} 1',
      'nextbeat_charts_total{outcome="failed"} 1',
      'nextbeat_ready 1',
      'nextbeat_catalog_tracks 90',
      'nextbeat_gateway_shards 2',
      'process_start_time_seconds 1700000000',
      'process_resident_memory_bytes 100',
      'nodejs_heap_size_used_bytes 20',
    ])
      expect(text.split('\n')).toContain(line);
    // Every metric is declared once, before its samples.
    const types = text.split('\n').filter((l) => l.startsWith('# TYPE '));
    expect(new Set(types).size).toBe(types.length);
    expect(text.endsWith('\n')).toBe(true);
  });
});
