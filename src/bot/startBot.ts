// Start-up in order: health server, database, model (training first if there is none), client,
// commands, ready. A stop signal during any of it undoes what was begun, so nothing is left behind.
import { Events, type Client } from 'discord.js';
import type { Config } from '../config.ts';
import { Acknowledgements } from '../http/acknowledgements.ts';
import { goOnlineInHttpMode } from '../http/httpMode.ts';
import type { InteractionsEndpoint } from '../http/interactionsEndpoint.ts';
import type { Logger } from '../logger.ts';
import { openBotDatabase } from './botDatabase.ts';
import { collectGarbage } from './collectGarbage.ts';
import { COMMANDS, COMPONENTS } from './commands/index.ts';
import type { BotContext } from './context.ts';
import { createClient } from './createClient.ts';
import { createDispatcher } from './dispatch.ts';
import { loadOrTrainModel } from './firstModel.ts';
import { memoryLine } from './memoryLine.ts';
import { StartAbortedError, untilAborted } from './untilAborted.ts';
import { checkModelFiles } from './modelFilesCheck.ts';
import { BotMonitor } from './monitoring.ts';
import { registerCommandsIfChanged } from './registerCommands.ts';
import { keepSentPermissions } from './retrain/permissions.ts';
import { Retrainer } from './retrain/retrainer.ts';
import { followRunStore } from './rollout/startFollowing.ts';

export { StartAbortedError };

export interface RunningBot {
  client: Client;
  context: BotContext;
  /** Where /healthz and /metrics listen, when NEXTBEAT_HEALTH_PORT is set. */
  healthUrl: string | undefined;
  /** HTTP mode: the Interactions Endpoint (http://host:port/interactions); undefined in gateway mode. */
  interactionsUrl: string | undefined;
  /** Stops taking interactions, waits for those in flight, disconnects and closes the database. */
  shutdown(): Promise<void>;
}

export interface StartOptions {
  /** Aborted (a stop signal): start-up stops, undoes what it began and throws StartAbortedError. */
  signal?: AbortSignal;
  /** Told where /healthz and /metrics listen as soon as they do, before the bot is ready. */
  onHealthListening?: (url: string) => void;
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
    const db = openBotDatabase(config.dbPath);
    undo.push(() => db.close());
    const model = await loadOrTrainModel(config, db, logger, signal);
    checkModelFiles(db, model.run);
    collectGarbage();
    const context: BotContext = {
      ...{ config, logger, db, model, startedAt, inFlight: new Set<string>() },
      retrainer: Retrainer.loggingTo(logger),
    };
    undo.push(followRunStore(context));
    const client = createClient(config);
    undo.push(() => client.destroy());
    keepSentPermissions(client);
    monitor.watch(() => context.model, client, config.mode);
    const acknowledgements = config.mode === 'http' ? new Acknowledgements(client.rest) : undefined;
    if (acknowledgements) undo.push(() => acknowledgements.close());
    const stopTaking = takeInteractions(client, context, monitor, acknowledgements);
    const endpoint = acknowledgements
      ? await goOnlineInHttpMode(client, context, acknowledgements, {
          guard: (work) => untilAborted(work, signal),
          onListening: (listening) => undo.push(() => listening.close()),
          onRequest: (outcome) => monitor.metrics.recordEndpointRequest(outcome),
        })
      : await goOnline(client, context, config.discordToken, signal);
    monitor.ready = true;
    const serving = { client, context, monitor, stopTaking, endpoint, acknowledgements };
    return {
      client,
      context,
      healthUrl,
      interactionsUrl: endpoint?.url,
      shutdown: () => stopServing(serving),
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
): Promise<undefined> {
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
  return undefined;
}

interface Serving {
  client: Client;
  context: BotContext;
  monitor: BotMonitor;
  stopTaking: () => void;
  endpoint: InteractionsEndpoint | undefined;
  acknowledgements: Acknowledgements | undefined;
}

// Stops taking interactions, stops a running retrain, waits (up to 10 s) for those in flight,
// then disconnects and closes the health server and the database.
async function stopServing(serving: Serving): Promise<void> {
  const { client, context, monitor, stopTaking, endpoint, acknowledgements } = serving;
  monitor.ready = false;
  // New POSTs get 503, so a load balancer sends them to another replica.
  endpoint?.stopAccepting();
  stopTaking();
  // A training child would otherwise outlive the bot; stopped, it publishes nothing.
  context.retrainer.stop();
  context.runFollower?.stop();
  const deadline = Date.now() + 10_000;
  while (context.inFlight.size > 0 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  acknowledgements?.close();
  await endpoint?.close();
  await client.destroy();
  await monitor.close();
  context.db.close();
}

// Routes interactions to the handlers (counted and timed) until the returned function is called.
// In HTTP mode a finished handler also releases its held POST (it may never have acknowledged).
function takeInteractions(
  client: Client,
  context: BotContext,
  monitor: BotMonitor,
  acknowledgements: Acknowledgements | undefined,
): () => void {
  const { logger } = context;
  const dispatch = monitor.measure(createDispatcher(COMMANDS, COMPONENTS, context));
  let accepting = true;
  client.on(Events.InteractionCreate, (interaction) => {
    if (!accepting) return acknowledgements?.settle(interaction.id);
    void dispatch(interaction).finally(() => acknowledgements?.settle(interaction.id));
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

function shardsLine(client: Client<true>): string {
  const count = client.ws.shards.size;
  return `${count} gateway shard${count === 1 ? '' : 's'}`;
}
