// Start-up in order: health server, database, model (training first if there is none), client,
// commands, ready. A stop signal during any of it undoes what was begun, so nothing is left behind.
import { Events, type Client } from 'discord.js';
import type { Config } from '../config.ts';
import { checkDatabaseIntegrity } from '../db/integrity.ts';
import { openDatabase, type Database } from '../db/open.ts';
import type { Logger } from '../logger.ts';
import { collectGarbage } from './collectGarbage.ts';
import { COMMANDS, COMPONENTS } from './commands/index.ts';
import type { BotContext } from './context.ts';
import { createClient } from './createClient.ts';
import { createDispatcher } from './dispatch.ts';
import { loadOrTrainModel } from './firstModel.ts';
import { checkModelFiles } from './modelFilesCheck.ts';
import { BotMonitor } from './monitoring.ts';
import { registerCommandsIfChanged } from './registerCommands.ts';
import { keepSentPermissions } from './retrain/permissions.ts';
import { Retrainer } from './retrain/retrainer.ts';

/** SQLite page cache of the bot's connection, in KB. */
export const BOT_PAGE_CACHE_KB = 4096;

export interface RunningBot {
  client: Client;
  context: BotContext;
  /** Where /healthz and /metrics listen, when NEXTBEAT_HEALTH_PORT is set. */
  healthUrl: string | undefined;
  /** Stops taking interactions, waits for those in flight, disconnects and closes the database. */
  shutdown(): Promise<void>;
}

export interface StartOptions {
  /** Aborted (a stop signal): start-up stops, undoes what it began and throws StartAbortedError. */
  signal?: AbortSignal;
  /** Told where /healthz and /metrics listen as soon as they do, before the bot is ready. */
  onHealthListening?: (url: string) => void;
}

/** The bot was asked to stop before it was ready; everything it had started is stopped. */
export class StartAbortedError extends Error {
  override name = 'StartAbortedError';
}

/** Starts the bot and resolves once it is connected and its commands are registered. */
export async function startBot(
  config: Config & { discordToken: string },
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningBot> {
  const { signal } = options;
  const startedAt = new Date();
  const monitor = new BotMonitor(startedAt, COMMANDS, COMPONENTS);
  const undo: (() => unknown)[] = [() => monitor.close()];
  try {
    const healthUrl = await monitor.listen(config);
    if (healthUrl) {
      logger.info(`health on ${healthUrl}/healthz, metrics on ${healthUrl}/metrics`);
      options.onHealthListening?.(healthUrl);
    }
    const db = openDatabase(config.dbPath);
    undo.push(() => db.close());
    checkDatabaseIntegrity(db, config.dbPath);
    const model = await loadOrTrainModel(config, db, logger, signal);
    limitPageCache(db);
    checkModelFiles(db, model.run);
    collectGarbage();
    const context: BotContext = {
      ...{ config, logger, db, model, startedAt, inFlight: new Set<string>() },
      retrainer: new Retrainer((line) =>
        logger.warn({ line: line.slice(0, 200) }, 'training printed a non-JSON line'),
      ),
    };
    const client = createClient(config);
    undo.push(() => client.destroy());
    keepSentPermissions(client);
    monitor.watch(() => context.model, client);
    const stopTaking = takeInteractions(client, context, monitor);
    await goOnline(client, context, config.discordToken, signal);
    monitor.ready = true;
    return {
      client,
      context,
      healthUrl,
      shutdown: () => stopServing(client, context, monitor, stopTaking),
    };
  } catch (error) {
    for (const step of undo.reverse())
      await Promise.resolve()
        .then(step)
        .catch(() => {});
    if (signal?.aborted) throw new StartAbortedError('stopped before it was ready');
    throw error;
  }
}

// Logs in, waits for every shard, registers the commands where they differ, logs the ready line.
async function goOnline(
  client: Client,
  { config, logger, model }: BotContext,
  token: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  const readyClient = await untilAborted(connect(client, token), signal);
  const registration = await untilAborted(
    registerCommandsIfChanged(client.rest, readyClient.application.id, config.guildId),
    signal,
  );
  const target = config.guildId ? `guild ${config.guildId}` : 'global';
  if (registration.outcome === 'registered')
    logger.info(`commands registered (${target}): ${registration.differences.join('; ')}`);
  logger.info(
    `ready as ${readyClient.user.tag}: ${model.catalog.size} tracks, model run ${model.run.id}, ` +
      `commands ${registration.outcome} (${target}), ${shardsLine(readyClient)}, ` +
      `memory ${memoryLine()}`,
  );
}

// Stops taking interactions, stops a running retrain, waits (up to 10 s) for those in flight,
// then disconnects and closes the health server and the database.
async function stopServing(
  client: Client,
  context: BotContext,
  monitor: BotMonitor,
  stopTaking: () => void,
): Promise<void> {
  monitor.ready = false;
  stopTaking();
  // A training child would otherwise outlive the bot; stopped, it publishes nothing.
  context.retrainer.stop();
  const deadline = Date.now() + 10_000;
  while (context.inFlight.size > 0 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  await client.destroy();
  await monitor.close();
  context.db.close();
}

// Routes interactions to the handlers (counted and timed) until the returned function is called.
function takeInteractions(client: Client, context: BotContext, monitor: BotMonitor): () => void {
  const { logger } = context;
  const dispatch = monitor.measure(createDispatcher(COMMANDS, COMPONENTS, context));
  let accepting = true;
  client.on(Events.InteractionCreate, (interaction) => {
    if (accepting) void dispatch(interaction);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ code: event.code, shard }, 'gateway disconnected'),
  );
  client.on(Events.ShardResume, (shard) => logger.info({ shard }, 'gateway session resumed'));
  return () => {
    accepting = false;
  };
}

async function connect(client: Client, token: string): Promise<Client<true>> {
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(token);
  return ready;
}

// Rejects with StartAbortedError as soon as the signal aborts; the work itself is abandoned (what
// it opened is undone by the caller), and its own later failure is no news.
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  work.catch(() => {});
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new StartAbortedError('stopped before it was ready'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    const settle = () => signal.removeEventListener('abort', abort);
    work.then(
      (value) => (settle(), resolve(value)),
      (error: unknown) => (settle(), reject(error)),
    );
  });
}

function shardsLine(client: Client<true>): string {
  const count = client.ws.shards.size;
  return `${count} gateway shard${count === 1 ? '' : 's'}`;
}

// Resident memory and its largest parts, so an admin can see what the catalog costs.
function memoryLine(): string {
  const { rss, heapUsed, heapTotal, arrayBuffers } = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return `${mb(rss)} MB resident (JS heap ${mb(heapUsed)} of ${mb(heapTotal)} MB, typed arrays ${mb(arrayBuffers)} MB)`;
}

/**
 * The bot reads a few rows per interaction (a listener's ratings, a list chain): a 4 MB page
 * cache serves that. The 64 MB that publishing a run wants (db/open.ts) filled up over 5,000
 * listeners' queries and held 15-20 MB of the bot's resident memory (bench-bot-memory.ts).
 */
function limitPageCache(db: Database): void {
  db.pragma(`cache_size = -${BOT_PAGE_CACHE_KB}`);
  db.pragma('shrink_memory'); // whatever loading the first model cached beyond it
}
