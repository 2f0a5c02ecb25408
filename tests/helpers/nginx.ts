// nginx in front of HTTP-mode replicas, for tests and benchmarks: deploy/nginx's template rendered
// into a temp folder with a main nginx.conf that keeps every path (pid, logs, temp files) there, and
// nginx run in the foreground as a child in its own process group. Nothing under /etc is touched.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { killGroup, processesInGroup } from './processGroup.ts';

const TEMPLATE = resolve(import.meta.dirname, '../../deploy/nginx/nextbeat.conf.template');

/** nginx is not installed (CI installs it: see .ci/run). */
export class NginxMissingError extends Error {
  override name = 'NginxMissingError';
}

export interface UpstreamServer {
  /** host:port of a replica's Interactions Endpoint. */
  address: string;
  maxFails?: number;
  failTimeoutSeconds?: number;
}

export interface RunningNginx {
  /** http://127.0.0.1:PORT/interactions */
  url: string;
  dir: string;
  /** Its error log so far (for messages when something fails). */
  errorLog(): string;
  stop(): Promise<void>;
}

/** The path of the nginx binary, or throws naming how to install it. */
export function findNginx(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) {
    if (spawnSync(candidate, ['-v']).status === 0) return candidate;
  }
  throw new NginxMissingError(
    'nginx is not installed: `apt-get install -y --no-install-recommends nginx` (.ci/run does it)',
  );
}

/** Fills ${NAME} placeholders as envsubst does; a placeholder without a value is an error. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{(\w+)\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`nginx template: no value for \${${name}}`);
    return value;
  });
}

/** The `server` lines of the upstream block, as deploy/nginx/replicas.conf writes them. */
export function upstreamLines(servers: readonly UpstreamServer[]): string {
  return servers
    .map(
      (s) =>
        `server ${s.address} max_fails=${s.maxFails ?? 1} fail_timeout=${s.failTimeoutSeconds ?? 5}s;`,
    )
    .join('\n');
}

// Everything nginx would otherwise put under /var: kept in `dir`.
function mainConfig(dir: string): string {
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include nextbeat.conf;
}
`;
}

/** A free loopback port (nginx needs one written into its config). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** Starts nginx balancing `servers`; resolves once it accepts connections. */
export async function startNginx(servers: readonly UpstreamServer[]): Promise<RunningNginx> {
  const binary = findNginx();
  const dir = mkdtempSync(join(tmpdir(), 'nextbeat-nginx-'));
  // Workers drop to an unprivileged user when nginx starts as root; they read the config here.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const site = renderTemplate(readFileSync(TEMPLATE, 'utf8'), {
    NEXTBEAT_LB_PORT: `127.0.0.1:${port}`,
  });
  writeFileSync(join(dir, 'nextbeat.conf'), site);
  writeFileSync(join(dir, 'nextbeat-replicas.conf'), `${upstreamLines(servers)}\n`);
  writeFileSync(join(dir, 'nginx.conf'), mainConfig(dir));
  const errorLog = () => {
    try {
      return readFileSync(join(dir, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  const child = spawn(
    binary,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const group = child.pid as number;
  const exited = new Promise<void>((done) => child.on('close', () => done()));
  const stop = async () => {
    killGroup(group);
    await exited;
    const deadline = Date.now() + 5_000;
    while (processesInGroup(group).length > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, () => child.exitCode !== null);
  } catch (error) {
    await stop();
    throw new Error(`nginx did not start: ${(error as Error).message}\n${stderr}${errorLog()}`);
  }
  return { url: `http://127.0.0.1:${port}/interactions`, dir, errorLog, stop };
}

// Polls until the port takes a connection; fails when nginx exits or 10 s pass.
async function waitForPort(port: number, hasExited: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('nginx exited');
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`nothing listens on port ${port} after 10 s`);
}
