import { afterEach, describe, expect, it } from 'vitest';
import {
  HealthServerError,
  startHealthServer,
  type HealthReport,
  type HealthServer,
} from '../../src/ops/healthServer.ts';

const report = (ready: boolean): HealthReport => ({
  ready,
  mode: 'gateway',
  runId: ready ? 'run-1' : null,
  catalogTracks: ready ? 10 : 0,
  shards: 1,
  uptimeSeconds: 3,
});

const servers: HealthServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serve(state: { ready: boolean }, port = 0) {
  const server = await startHealthServer(
    { host: '127.0.0.1', port },
    { health: () => report(state.ready), metrics: () => 'm 1\n' },
  );
  servers.push(server);
  return server;
}

describe('the health server', () => {
  it('GIVEN a bot not ready WHEN /healthz is asked THEN 503 with the report; once ready, 200', async () => {
    const state = { ready: false };
    const { url } = await serve(state);

    const starting = await fetch(`${url}/healthz`);
    expect(starting.status).toBe(503);
    expect(await starting.json()).toEqual(report(false));

    state.ready = true;
    const ready = await fetch(`${url}/healthz`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('content-type')).toBe('application/json');
    expect(await ready.json()).toEqual(report(true));
  });

  it('GIVEN a bot not ready WHEN /metrics is scraped THEN it answers anyway, in Prometheus text', async () => {
    const { url } = await serve({ ready: false });
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toBe('m 1\n');
  });

  it('GIVEN other paths and methods WHEN asked THEN 404 and 405', async () => {
    const { url } = await serve({ ready: true });
    expect((await fetch(`${url}/`)).status).toBe(404);
    const post = await fetch(`${url}/healthz`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await fetch(`${url}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('GIVEN the port taken WHEN starting THEN a HealthServerError names the address and the settings', async () => {
    const { url } = await serve({ ready: true });
    const port = Number(new URL(url).port);
    const second = serve({ ready: true }, port);
    await expect(second).rejects.toThrow(HealthServerError);
    await expect(second).rejects.toThrow(
      `cannot serve /healthz and /metrics on 127.0.0.1:${port} (NEXTBEAT_HEALTH_HOST, NEXTBEAT_HEALTH_PORT): EADDRINUSE`,
    );
  });
});
