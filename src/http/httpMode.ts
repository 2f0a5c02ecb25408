// Going online in HTTP mode: no gateway connection. The bot reads its application over REST
// (checking DISCORD_PUBLIC_KEY is this application's key), registers its commands where Discord's
// differ, and only then opens the Interactions Endpoint, so every request it takes can be served.
import type { APIApplication, Client } from 'discord.js';
import type { BotContext } from '../bot/context.ts';
import { memoryLine } from '../bot/memoryLine.ts';
import { registerCommandsIfChanged } from '../bot/registerCommands.ts';
import type { Acknowledgements } from './acknowledgements.ts';
import { emitInteraction, identifyOverRest } from './discordJsBridge.ts';
import {
  startInteractionsEndpoint,
  type EndpointOutcome,
  type InteractionsEndpoint,
} from './interactionsEndpoint.ts';

/** DISCORD_PUBLIC_KEY is not the key of the application the token belongs to. */
export class PublicKeyMismatchError extends Error {
  override name = 'PublicKeyMismatchError';
}

export interface StartSteps {
  /** Wraps each step: a stop signal abandons it. */
  guard: <T>(work: Promise<T>) => Promise<T>;
  /** Told of the endpoint as soon as it listens, so a stopped start-up can close it. */
  onListening: (endpoint: InteractionsEndpoint) => void;
  /** Told how each POST ended, for the metrics. */
  onRequest?: (outcome: EndpointOutcome) => void;
}

/** Identifies over REST, registers the commands, opens the endpoint and logs the ready line. */
export async function goOnlineInHttpMode(
  client: Client,
  context: BotContext,
  acknowledgements: Acknowledgements,
  steps: StartSteps,
): Promise<InteractionsEndpoint> {
  const { logger, model, config } = context;
  const { registration, endpoint, application } = await goOnlineOverHttp(
    client,
    context,
    acknowledgements,
    steps,
  );
  const target = config.guildId ? `guild ${config.guildId}` : 'global';
  if (registration.outcome === 'registered')
    logger.info(`commands registered (${target}): ${registration.differences.join('; ')}`);
  logger.info(
    `ready as ${application.name} (HTTP interactions on ${endpoint.url}): ` +
      `${model.catalog.size} tracks, model run ${model.run.id}, ` +
      `commands ${registration.outcome} (${target}), memory ${memoryLine()}`,
  );
  return endpoint;
}

async function goOnlineOverHttp(
  client: Client,
  { config, logger }: BotContext,
  acknowledgements: Acknowledgements,
  { guard, onListening, onRequest }: StartSteps,
): Promise<{
  endpoint: InteractionsEndpoint;
  application: APIApplication;
  registration: Awaited<ReturnType<typeof registerCommandsIfChanged>>;
}> {
  const token = config.discordToken as string;
  const application = await guard(identifyOverRest(client, token));
  if (application.verify_key.toLowerCase() !== config.publicKey) {
    throw new PublicKeyMismatchError(
      `DISCORD_PUBLIC_KEY is not the public key of application ${application.id} (the one ` +
        "DISCORD_TOKEN belongs to): copy it from that application's General Information page",
    );
  }
  const registration = await guard(
    registerCommandsIfChanged(client.rest, application.id, config.guildId),
  );
  const endpoint = await guard(
    startInteractionsEndpoint({
      host: config.httpHost,
      port: config.httpPort,
      publicKey: config.publicKey as string,
      onInteraction: (interaction) => {
        const acknowledged = acknowledgements.wait(interaction.id);
        emitInteraction(client, interaction);
        return acknowledged;
      },
      onRequest: (outcome, detail) => {
        onRequest?.(outcome);
        if (outcome === 'bad_signature')
          logger.info({ reason: detail }, 'refused an interaction request: bad signature');
        else if (outcome === 'too_large' || outcome === 'bad_request' || outcome === 'failed')
          logger.warn({ outcome }, 'refused an interaction request');
      },
    }).then((listening) => (onListening(listening), listening)),
  );
  return { endpoint, application, registration };
}
