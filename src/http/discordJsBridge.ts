// The one place that reaches into discord.js for HTTP mode. discord.js 14 has no HTTP interactions
// support (discordjs/discord.js#7231), but its gateway handler for INTERACTION_CREATE only calls
// `client.actions.InteractionCreate.handle(payload)`, which builds the interaction object and emits
// `interactionCreate`. HTTP mode calls the same action with the verified payload, so every handler,
// the dispatcher and the metrics run as they do in gateway mode, and replies go out through
// discord.js's REST calls (interaction callback, then webhooks for edits and follow-ups).
import {
  ClientApplication,
  Events,
  ClientUser,
  Routes,
  type APIApplication,
  type APIInteraction,
  type APIUser,
  type Client,
} from 'discord.js';

/** discord.js's internals this module relies on; checked at start, so an upgrade fails loudly. */
interface ClientInternals {
  actions?: { InteractionCreate?: { handle(data: unknown): void } };
}

/** discord.js no longer exposes what HTTP mode needs (after an upgrade). */
export class UnsupportedDiscordJsError extends Error {
  override name = 'UnsupportedDiscordJsError';
}

/**
 * Gives a client that never logs in to the gateway what READY would have: its token for REST, the
 * bot user (the user cache keeps it) and the application, read with GET /applications/@me.
 */
export async function identifyOverRest(client: Client, token: string): Promise<APIApplication> {
  interactionAction(client);
  client.rest.setToken(token);
  client.token = token;
  const application = (await client.rest.get(Routes.currentApplication())) as APIApplication;
  if (!application.bot) throw new UnsupportedDiscordJsError('this application has no bot user');
  const botUser = construct<ClientUser>(ClientUser, client, application.bot satisfies APIUser);
  client.user = botUser;
  client.users.cache.set(botUser.id, botUser);
  client.application = construct<ClientApplication>(ClientApplication, client, application);
  return application;
}

/** Builds the interaction object for a verified payload and emits `interactionCreate`. */
export function emitInteraction(client: Client, payload: APIInteraction): void {
  // As the gateway does: listeners of the raw packet (the permissions string Discord sent) see it first.
  client.emit(Events.Raw, { t: 'INTERACTION_CREATE', d: payload });
  interactionAction(client).handle(payload);
}

function interactionAction(client: Client): { handle(data: unknown): void } {
  const action = (client as unknown as ClientInternals).actions?.InteractionCreate;
  if (typeof action?.handle !== 'function') {
    throw new UnsupportedDiscordJsError(
      'this discord.js has no client.actions.InteractionCreate; HTTP mode needs discord.js 14',
    );
  }
  return action;
}

// Their constructors are private in discord.js's typings (only READY creates them), not at run time.
function construct<T>(type: unknown, ...args: unknown[]): T {
  return new (type as new (...a: unknown[]) => T)(...args);
}
