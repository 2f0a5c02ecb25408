// Start-up in order: database, model (training first if there is none), client, commands, ready.
import { existsSync } from 'node:fs';
import { Events, type Client } from 'discord.js';
import type { Config } from '../config.ts';
import { loadActiveCatalog, type ServedModel } from '../db/activeCatalog.ts';
import { openDatabase, type Database } from '../db/open.ts';
import type { Logger } from '../logger.ts';
import { COMMANDS, COMPONENTS } from './commands/index.ts';
import type { BotContext } from './context.ts';
import { createClient } from './createClient.ts';
import { createDispatcher } from './dispatch.ts';
import { collectGarbage } from './collectGarbage.ts';
import { checkModelFiles } from './modelFilesCheck.ts';
import { registerCommandsIfChanged } from './registerCommands.ts';
import { Retrainer } from './retrain/retrainer.ts';
import { runTrainingProcess } from './retrain/trainingProcess.ts';

export interface RunningBot {
  client: Client;
  context: BotContext;
  /** Stops taking interactions, waits for those in flight, disconnects and closes the database. */
  shutdown(): Promise<void>;
}

/** Starts the bot and resolves once it is connected and its commands are registered. */
export async function startBot(
  config: Config & { discordToken: string },
  logger: Logger,
): Promise<RunningBot> {
  const db = openDatabase(config.dbPath);
  let model: ServedModel;
  try {
    model = loadActiveCatalog(db) ?? (await trainFirstModel(config, db, logger));
    checkModelFiles(model.run);
    collectGarbage();
  } catch (error) {
    db.close();
    throw error;
  }
  const retrainer = new Retrainer((line) =>
    logger.warn({ line: line.slice(0, 200) }, 'training printed a non-JSON line'),
  );
  const context: BotContext = {
    config,
    logger,
    db,
    model,
    retrainer,
    startedAt: new Date(),
    inFlight: new Set(),
  };

  const client = createClient(config);
  const dispatch = createDispatcher(COMMANDS, COMPONENTS, context);
  let accepting = true;
  client.on(Events.InteractionCreate, (interaction) => {
    if (accepting) void dispatch(interaction);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event) =>
    logger.warn({ code: event.code }, 'gateway disconnected'),
  );
  client.on(Events.ShardResume, () => logger.info('gateway session resumed'));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(config.discordToken);
  const readyClient = await ready;
  const registration = await registerCommandsIfChanged(
    db,
    client.rest,
    readyClient.application.id,
    config.guildId,
  );
  logger.info(
    `ready as ${readyClient.user.tag}: ${model.catalog.size} tracks, model run ${model.run.id}, ` +
      `commands ${registration} (${config.guildId ? `guild ${config.guildId}` : 'global'}), ` +
      `memory ${memoryLine()}`,
  );

  return {
    client,
    context,
    async shutdown() {
      accepting = false;
      // A training child would otherwise outlive the bot; stopped, it publishes nothing.
      context.retrainer.stop();
      const deadline = Date.now() + 10_000;
      while (context.inFlight.size > 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      await client.destroy();
      db.close();
    },
  };
}

async function trainFirstModel(config: Config, db: Database, logger: Logger): Promise<ServedModel> {
  const haveData = existsSync(config.dataPath);
  logger.info(
    haveData
      ? `no trained model in ${config.dbPath} yet: training one from ${config.dataPath} first`
      : `no trained model in ${config.dbPath} and no data set at ${config.dataPath} yet: ` +
          `downloading it from ${config.datasetUrl}, then training`,
  );
  // Without --data the training CLI takes NEXTBEAT_DATA and downloads it when it is missing.
  const data = haveData ? ['--data', config.dataPath] : [];
  await runTrainingProcess({
    args: [...data, '--db', config.dbPath, '--models', config.modelsDir],
    timeoutMs: config.retrainTimeoutSeconds * 1000,
    onGarbage: () => {},
    onEvent: (event) => {
      if (event.type === 'stage' && event.state === 'done')
        logger.info(`training: ${event.stage} done in ${event.seconds.toFixed(1)} s`);
      if (event.type === 'epoch')
        logger.info(
          `training: epoch ${event.epoch}/${event.epochs}, val loss ${event.valLoss.toFixed(5)}`,
        );
    },
  });
  const loaded = loadActiveCatalog(db);
  if (!loaded) throw new Error('training finished but published no run');
  return loaded;
}

// Resident memory and its largest parts, so an admin can see what the catalog costs.
function memoryLine(): string {
  const { rss, heapUsed, heapTotal, arrayBuffers } = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return `${mb(rss)} MB resident (JS heap ${mb(heapUsed)} of ${mb(heapTotal)} MB, typed arrays ${mb(arrayBuffers)} MB)`;
}
