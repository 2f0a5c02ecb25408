// /healthz and /metrics on a small node:http server, for a supervisor, a container health check
// and Prometheus. Off unless a port is configured; on 127.0.0.1 unless another host is.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROMETHEUS_CONTENT_TYPE } from './prometheusText.ts';

export interface HealthReport {
  ready: boolean;
  mode: 'gateway' | 'http';
  /** The model run being served; null before one is loaded. */
  runId: string | null;
  catalogTracks: number;
  shards: number;
  uptimeSeconds: number;
}

export interface HealthSource {
  health(): HealthReport;
  /** Prometheus text. */
  metrics(): string;
}

export interface HealthServer {
  /** http://host:port, with the port actually bound (port 0 picks a free one). */
  url: string;
  close(): Promise<void>;
}

/** The server could not listen (port taken, host not on this machine, ...). */
export class HealthServerError extends Error {
  override name = 'HealthServerError';
}

/** Starts listening; resolves once it does. */
export async function startHealthServer(
  { host, port }: { host: string; port: number },
  source: HealthSource,
): Promise<HealthServer> {
  const server = createServer((request, response) => answer(request, response, source));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new HealthServerError(
          `cannot serve /healthz and /metrics on ${host}:${port} (NEXTBEAT_HEALTH_HOST, ` +
            `NEXTBEAT_HEALTH_PORT): ${error.code ?? error.message}`,
        ),
      ),
    );
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answer(request: IncomingMessage, response: ServerResponse, source: HealthSource): void {
  const path = new URL(request.url ?? '/', 'http://health').pathname;
  if (path !== '/healthz' && path !== '/metrics') return send(response, 404, 'not found\n');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return send(response, 405, 'method not allowed\n');
  }
  try {
    if (path === '/metrics') return send(response, 200, source.metrics(), PROMETHEUS_CONTENT_TYPE);
    const report = source.health();
    // 503 until ready (and again while stopping), so a load balancer or supervisor waits.
    send(response, report.ready ? 200 : 503, `${JSON.stringify(report)}\n`, 'application/json');
  } catch (error) {
    send(response, 500, `${(error as Error).message}\n`);
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  contentType = 'text/plain; charset=utf-8',
): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
