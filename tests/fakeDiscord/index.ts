// startFakeDiscord: a loopback Discord (REST + gateway) that a real discord.js client can log in to.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayDispatchEvents } from 'discord.js';
import type { APIInteraction, APIMessage } from 'discord.js';
import { InteractionBuilders } from './builders.ts';
import { RegisteredCommands } from './commands.ts';
import { DirectMessages } from './directMessages.ts';
import { RestFaults } from './faults.ts';
import type { RestFault, RouteMatcher } from './faults.ts';
import { FileHost } from './files.ts';
import { FakeGateway } from './gateway.ts';
import type { GatewayCounts } from './gateway.ts';
import { MessageStore } from './messages.ts';
import { InteractionReply } from './replies.ts';
import { InteractionSigner, postToEndpoint } from './outgoingWebhook.ts';
import type { EndpointResponse } from './outgoingWebhook.ts';
import { Router } from './router.ts';
import { callbackRoutes } from './routes/callback.ts';
import { commandRoutes } from './routes/commands.ts';
import { directMessageRoutes } from './routes/directMessages.ts';
import { metaRoutes } from './routes/meta.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { createRequestListener } from './server.ts';
import type { AckStats, FakeState } from './state.ts';
import type { RecordedRequest } from './types.ts';
import { createWorld } from './world.ts';
import type { FakeDiscordOptions, World } from './world.ts';

export type { FakeDiscordOptions } from './world.ts';
export type { AckStats } from './state.ts';
export type {
  InteractionReply,
  RecordedCallback,
  RecordedEdit,
  RecordedFollowup,
} from './replies.ts';
export type { RecordedRequest, UploadedFile } from './types.ts';
export type { FakeFile } from './files.ts';
export type { DirectMessages, RecordedDirectMessage } from './directMessages.ts';
export type { InvokerOptions } from './invoker.ts';
export type { EndpointResponse, SignatureHeaders } from './outgoingWebhook.ts';

export interface FakeDiscord {
  /** Pass as discord.js `rest.api` (or DISCORD_API_URL): http://127.0.0.1:PORT/api */
  apiUrl: string;
  /** A token the fake accepts (any `Bot ...` authorization is accepted). */
  token: string;
  world: World;
  /** Payload builders bound to this fake's guild, commands and messages. */
  build: InteractionBuilders;
  commands: RegisteredCommands;
  /** Every REST request, in order. */
  requests: RecordedRequest[];
  /** Requests no route knew (answered 404); should stay empty. */
  unhandled: RecordedRequest[];
  gatewayConnections: GatewayCounts;
  gateway: FakeGateway;
  /** Interaction callbacks accepted, and rejected as duplicates or late. */
  acks: AckStats;
  /** Private messages the bot sent, and users whose DMs are closed. */
  directMessages: DirectMessages;
  /** The latest version of a message the bot sent. */
  message(id: string): APIMessage | undefined;
  waitForReady(timeoutMs?: number): Promise<void>;
  /**
   * Dispatches INTERACTION_CREATE, after waiting for a connected client unless `waitForReady` is
   * false: then, while the client is away, it goes to the session log and a RESUME replays it.
   */
  sendInteraction(
    payload: APIInteraction,
    options?: { waitForReady?: boolean },
  ): Promise<InteractionReply>;
  /**
   * HTTP interactions, as the developer portal's Interactions Endpoint URL: once set, every
   * interaction is POSTed there, signed, instead of going over the gateway (undefined: gateway).
   */
  setInteractionsEndpoint(url: string | undefined): void;
  /** The application's key pair: `publicKeyHex` is its verify_key, `sign` makes Discord's headers. */
  signer: InteractionSigner;
  /** POSTs raw bytes with these headers to the endpoint (for tests of refused requests). */
  postToEndpoint(
    body: string | Buffer,
    headers?: Record<string, string>,
  ): Promise<EndpointResponse>;
  /** Discord's PING, signed, as it is sent when the URL is saved in the portal. */
  pingEndpoint(): Promise<EndpointResponse>;
  /** Closes a shard's connection (shard 0 by default) with a close code (1006: no close frame). */
  dropConnection(code?: number, shard?: number): void;
  setRestFault(matcher: RouteMatcher, fault: RestFault): void;
  sendInvalidSession(resumable: boolean): void;
  setHeartbeatAck(enabled: boolean): void;
  /** Disarms every REST fault. */
  clearRestFaults(): void;
  /**
   * Forgets answered interactions, the request log, messages other than `keep`, and replayed
   * gateway events, so long runs measure the bot's memory rather than the fake's records.
   */
  forgetHistory(keep?: readonly string[]): void;
  close(): Promise<void>;
}

/** Starts the fake on an ephemeral 127.0.0.1 port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const signer = new InteractionSigner();
  const world = createWorld(options, signer.publicKeyHex);
  let endpointUrl: string | undefined;
  const endpoint = () => {
    if (!endpointUrl) throw new Error('fake Discord: no Interactions Endpoint URL is set');
    return endpointUrl;
  };
  let origin = '';
  const files = new FileHost(() => origin);
  const messages = new MessageStore(files);
  const commands = new RegisteredCommands(world.applicationId);
  const state: FakeState = {
    world,
    messages,
    files,
    commands,
    replies: new Map(),
    acks: { accepted: 0, duplicates: 0, late: 0 },
    gatewayUrl: () => origin.replace('http://', 'ws://'),
  };
  const directMessages = new DirectMessages();
  const router = new Router();
  router.add(
    ...metaRoutes(state),
    ...commandRoutes(state),
    ...callbackRoutes(state),
    ...webhookRoutes(state),
    ...directMessageRoutes(state, directMessages),
  );
  const faults = new RestFaults();
  const log = { requests: [] as RecordedRequest[], unhandled: [] as RecordedRequest[] };
  const server = createServer(createRequestListener(router, faults, files, log));
  const gateway = new FakeGateway(server, world, state.gatewayUrl);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin}/api`,
    token: 'fake-bot-token.nextbeat.tests',
    world,
    build: new InteractionBuilders(world, commands, messages, files),
    commands,
    requests: log.requests,
    unhandled: log.unhandled,
    gatewayConnections: gateway.counts,
    gateway,
    acks: state.acks,
    directMessages,
    message: (id) => messages.get(id),
    waitForReady: (timeoutMs) => gateway.whenReady(timeoutMs),
    async sendInteraction(payload, { waitForReady = true } = {}) {
      if (waitForReady && !endpointUrl) await gateway.whenReady();
      const reply = new InteractionReply(payload, (id) => messages.get(id));
      state.replies.set(payload.token, reply);
      if (endpointUrl) {
        const body = JSON.stringify(payload);
        reply.sentAt = performance.now();
        reply.endpointResponse = postToEndpoint(endpointUrl, body, { ...signer.sign(body) });
        // A refused or failed POST is the test's to inspect; it must not be an unhandled rejection.
        reply.endpointResponse.catch(() => {});
        return reply;
      }
      const sent = gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
      reply.sentAt = sent.at;
      reply.shard = sent.shard;
      return reply;
    },
    setInteractionsEndpoint(url) {
      endpointUrl = url;
    },
    signer,
    postToEndpoint: (body, headers = {}) => postToEndpoint(endpoint(), body, headers),
    pingEndpoint() {
      const body = JSON.stringify({
        id: '1500000000000000001',
        application_id: world.applicationId,
        type: 1,
        token: 'fake-ping-token',
        version: 1,
      });
      return postToEndpoint(endpoint(), body, { ...signer.sign(body) });
    },
    dropConnection: (code, shard) => gateway.drop(code, shard),
    setRestFault: (matcher, fault) => faults.add(matcher, fault),
    sendInvalidSession: (resumable) => gateway.invalidateSession(resumable),
    setHeartbeatAck(enabled) {
      gateway.heartbeatAck = enabled;
    },
    clearRestFaults: () => faults.clear(),
    forgetHistory(keep = []) {
      for (const [token, reply] of state.replies) {
        if (reply.acknowledged) state.replies.delete(token);
      }
      log.requests.length = 0;
      messages.retainOnly(new Set(keep));
      gateway.trimReplayLog();
    },
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
