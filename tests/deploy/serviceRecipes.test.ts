// deploy/compose.yaml and deploy/nextbeat.service, checked as far as this machine can without
// Docker or a running systemd: the compose file parses and its paths, services, volumes and nginx
// wiring agree with the Dockerfile and deploy/nginx; the unit has the keys a supervisor needs,
// starts node directly with npm start's flags, and `systemd-analyze verify` (where installed)
// has nothing to say about it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startScriptEnv, startScriptNodeFlags } from '../helpers/runEntry.ts';

const DEPLOY = resolve(import.meta.dirname, '../../deploy');
// js-yaml comes with ESLint (a dev dependency); no YAML parser is a dependency of its own.
const { load: parseYaml } = createRequire(import.meta.url)('js-yaml') as {
  load: (text: string) => unknown;
};

interface ComposeService {
  build?: { context: string; dockerfile: string };
  image?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  profiles?: string[];
  depends_on?: Record<string, { condition: string }>;
}
const compose = parseYaml(readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8')) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const bots = Object.entries(compose.services).filter(([, s]) => s.build);

describe('deploy/compose.yaml', () => {
  it('GIVEN the compose file WHEN parsed THEN a gateway bot and 2 HTTP replicas built from deploy/Dockerfile, each with its own db and models volumes', () => {
    const modes = Object.fromEntries(bots.map(([name, s]) => [name, s.environment?.NEXTBEAT_MODE]));
    expect(modes).toEqual({ gateway: 'gateway', replica1: 'http', replica2: 'http' });
    for (const [, service] of bots) {
      expect(existsSync(resolve(DEPLOY, service.build!.context, service.build!.dockerfile))).toBe(
        true,
      );
      const mounts = service.volumes!.map((v) => v.split(':')[1]);
      expect(mounts).toEqual(['/app/data', '/app/models', '/app/db']);
    }
    // Set here, not left to .env (whose example turns the health server off and listens on loopback).
    for (const [, service] of bots) {
      expect(service.environment).toMatchObject({ NEXTBEAT_HEALTH_PORT: '9090' });
      if (service.environment?.NEXTBEAT_MODE === 'http')
        expect(service.environment).toMatchObject({ NEXTBEAT_HTTP_HOST: '0.0.0.0' });
    }
    const own = bots.flatMap(([, s]) => s.volumes!.filter((v) => !v.startsWith('data:')));
    expect(new Set(own).size).toBe(own.length);
    const named = bots.flatMap(([, s]) => s.volumes!.map((v) => v.split(':')[0]!));
    expect(named.every((v) => v in compose.volumes)).toBe(true);
  });

  it('GIVEN the nginx service WHEN its mounts are read THEN it uses deploy/nginx and balances exactly the HTTP replicas on their port, once they are healthy', () => {
    const nginx = compose.services.nginx!;
    const mounts = Object.fromEntries(
      nginx.volumes!.map((v) => v.split(':')).map(([from, to]) => [to, resolve(DEPLOY, from!)]),
    );
    expect(mounts).toEqual({
      '/etc/nginx/templates/nextbeat.conf.template': join(DEPLOY, 'nginx/nextbeat.conf.template'),
      '/etc/nginx/nextbeat-replicas.conf': join(DEPLOY, 'nginx/replicas.conf'),
    });
    const template = readFileSync(join(DEPLOY, 'nginx/nextbeat.conf.template'), 'utf8');
    const placeholders = [...template.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]);
    expect(placeholders.every((p) => nginx.environment?.[p!] !== undefined)).toBe(true);
    const upstreams = readFileSync(join(DEPLOY, 'nginx/replicas.conf'), 'utf8')
      .split('\n')
      .flatMap((line) => /^server (\S+) /.exec(line)?.[1] ?? []);
    const replicas = bots.filter(([, s]) => s.environment?.NEXTBEAT_MODE === 'http');
    expect(upstreams).toEqual(
      replicas.map(([name, s]) => `${name}:${s.environment!.NEXTBEAT_HTTP_PORT}`),
    );
    expect(Object.keys(nginx.depends_on!)).toEqual(replicas.map(([name]) => name));
  });
});

describe('deploy/nextbeat.service', () => {
  const unit = readFileSync(join(DEPLOY, 'nextbeat.service'), 'utf8');
  const service = Object.fromEntries(
    (unit.split('[Service]')[1]!.split(/^\[/m)[0] ?? '')
      .split('\n')
      .filter((line) => /^\w+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

  it("GIVEN the unit WHEN read THEN node runs directly with npm start's flags, as its own user, restarted on failure, its whole group stopped", () => {
    expect(service).toMatchObject({
      Type: 'simple',
      KillMode: 'mixed',
      KillSignal: 'SIGTERM',
      Restart: 'on-failure',
      User: 'nextbeat',
      WorkingDirectory: '/opt/nextbeat',
      EnvironmentFile: '/etc/nextbeat/nextbeat.env',
    });
    expect(service.ExecStart!.split(' ')).toEqual([
      '/usr/bin/node',
      ...startScriptNodeFlags(),
      'dist/index.js',
    ]);
    // npm start's environment (MALLOC_ARENA_MAX) too: the unit starts node without it.
    const unitEnv = Object.fromEntries(
      service.Environment!.split(' ').map((word) => word.split('=', 2) as [string, string]),
    );
    expect(unitEnv).toMatchObject(startScriptEnv());
  });

  // Shown as skipped where systemd-analyze is not installed (macOS, minimal containers).
  const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;
  it.skipIf(!hasSystemdAnalyze)(
    'GIVEN systemd-analyze WHEN it verifies the unit THEN it reports nothing (no unknown key or bad value)',
    () => {
      const verify = spawnSync('systemd-analyze', ['verify', join(DEPLOY, 'nextbeat.service')], {
        encoding: 'utf8',
      });
      expect(`${verify.stdout}${verify.stderr}`).toBe('');
      expect(verify.status).toBe(0);
    },
  );
});
