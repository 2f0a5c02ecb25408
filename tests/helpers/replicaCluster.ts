// N HTTP-mode replicas on loopback ports behind nginx, against one fake Discord: what tests and
// benchmarks of the load-balanced setup start. Each replica runs in its own process group, so
// close() (and a failed test's afterAll) leaves nothing running.
import type { FakeDiscord } from '../fakeDiscord/index.ts';
import { startNginx, type RunningNginx } from './nginx.ts';
import { killGroup, processesInGroup } from './processGroup.ts';
import { runCommand, startScriptNodeFlags, type EntryProcess } from './runEntry.ts';

export interface Replica {
  process: EntryProcess;
  /** Its own Interactions Endpoint (bypassing nginx). */
  url: string;
  /** Its /metrics address. */
  metricsUrl: string;
  /** Its process group (= pid): empty once it is gone. */
  group: number;
}

export interface ReplicaCluster {
  replicas: Replica[];
  nginx: RunningNginx;
  /** Stops nginx and every replica, and waits until their process groups are empty. */
  close(): Promise<void>;
}

export interface ClusterOptions {
  replicas: number;
  /** Trained files the replicas serve (shared read-only here; see the README on what is local). */
  model: { dataPath: string; dbPath: string; modelsDir: string };
  /** dist/index.js (built, as in production) or src/index.ts (through tsx, no build needed). */
  entry?: 'dist/index.js' | 'src/index.ts';
  /** Passive health: failed attempts before nginx takes a replica out, and for how long. */
  maxFails?: number;
  failTimeoutSeconds?: number;
}

const READY = /HTTP interactions on (http:\/\/[^)\s]+)\)/;

/** Starts the replicas, waits until each is ready, puts nginx in front and points Discord at it. */
export async function startReplicaCluster(
  discord: FakeDiscord,
  options: ClusterOptions,
): Promise<ReplicaCluster> {
  const replicas: Replica[] = [];
  let nginx: RunningNginx | undefined;
  const close = async () => {
    await nginx?.stop();
    await Promise.all(replicas.map(stopReplica));
  };
  try {
    const starting = Array.from({ length: options.replicas }, () => startReplica(discord, options));
    // Each one is kept as soon as it exists, so a failed start still stops the others.
    for (const pending of starting) replicas.push(await pending);
    nginx = await startNginx(
      replicas.map((r) => ({
        address: new URL(r.url).host,
        maxFails: options.maxFails,
        failTimeoutSeconds: options.failTimeoutSeconds,
      })),
    );
  } catch (error) {
    await close();
    throw error;
  }
  discord.setInteractionsEndpoint(nginx.url);
  return { replicas, nginx, close };
}

async function startReplica(discord: FakeDiscord, options: ClusterOptions): Promise<Replica> {
  const entry = options.entry ?? 'src/index.ts';
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const process = runCommand(
    globalThis.process.execPath,
    [...startScriptNodeFlags(), ...loader, entry],
    {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_GUILD_ID: discord.world.guildId,
      DISCORD_PUBLIC_KEY: discord.signer.publicKeyHex,
      NEXTBEAT_DATA: options.model.dataPath,
      NEXTBEAT_DB: options.model.dbPath,
      NEXTBEAT_MODELS: options.model.modelsDir,
      NEXTBEAT_MODE: 'http',
      NEXTBEAT_HTTP_PORT: '0',
      NEXTBEAT_HEALTH_PORT: '0',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
    },
    { detached: true },
  );
  const group = process.child.pid as number;
  try {
    await process.waitFor(READY, 120_000);
    await process.waitFor(/metrics on http:\/\/\S+\/metrics/, 10_000);
  } catch (error) {
    killGroup(group);
    throw error;
  }
  const url = READY.exec(process.output())![1]!;
  const metricsUrl = /metrics on (http:\/\/\S+\/metrics)/.exec(process.output())![1]!;
  return { process, url, metricsUrl, group };
}

// SIGTERM first (its clean stop), SIGKILL for whatever is left after 10 s.
async function stopReplica(replica: Replica): Promise<void> {
  try {
    process.kill(replica.group, 'SIGTERM');
  } catch {
    // already gone
  }
  const deadline = Date.now() + 10_000;
  while (processesInGroup(replica.group).length > 0 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  killGroup(replica.group);
  await replica.process.exited;
}

/** Interactions a replica has handled, from its own /metrics (0 when it cannot be reached). */
export async function interactionsHandled(replica: Replica): Promise<number> {
  try {
    const text = await (await fetch(replica.metricsUrl)).text();
    return [...text.matchAll(/^nextbeat_http_requests_total\{outcome="interaction"\} (\S+)$/gm)]
      .map((m) => Number(m[1]))
      .reduce((a, b) => a + b, 0);
  } catch {
    return 0;
  }
}
