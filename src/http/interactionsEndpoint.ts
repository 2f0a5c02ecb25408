// Discord's Interactions Endpoint: POST /interactions on node:http. The signature is checked over
// the raw bytes before anything else reads them (401 when missing, malformed, stale or wrong); the
// body is size-capped while it is read (413); PING is answered with PONG; any other interaction is
// handed on, and the POST is answered 202 once it has been acknowledged through the callback route.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InteractionResponseType, InteractionType, type APIInteraction } from 'discord.js';
import { createSignatureVerifier, type SignatureCheck, type SignedRequest } from './signature.ts';

/** Far above any interaction Discord sends (resolved options and a message with embeds). */
export const MAX_BODY_BYTES = 1024 * 1024;
export const INTERACTIONS_PATH = '/interactions';

/** How a request ended, for logs and metrics. */
export type EndpointOutcome =
  | 'interaction'
  | 'ping'
  | 'bad_signature'
  | 'too_large'
  | 'bad_request'
  | 'not_found'
  | 'stopping'
  | 'failed';

export interface EndpointOptions {
  host: string;
  port: number;
  /** The application's Ed25519 public key, 64 hex characters. */
  publicKey: string;
  /** A verified interaction (never PING); resolves when the POST may be answered 202. */
  onInteraction(interaction: APIInteraction): Promise<void>;
  /** Told how each request ended (a refused signature with its reason). */
  onRequest?(outcome: EndpointOutcome, detail?: string): void;
  maxBodyBytes?: number;
  now?: () => number;
}

export interface InteractionsEndpoint {
  /** http://host:port/interactions, with the port actually bound. */
  url: string;
  /** From now on, answers 503 (a load balancer sends the request to another replica). */
  stopAccepting(): void;
  close(): Promise<void>;
}

/** The endpoint could not listen (port taken, host not on this machine, ...). */
export class EndpointListenError extends Error {
  override name = 'EndpointListenError';
}

class BodyTooLargeError extends Error {}

/** Starts the endpoint; resolves once it listens. */
export async function startInteractionsEndpoint(
  options: EndpointOptions,
): Promise<InteractionsEndpoint> {
  const verify = createSignatureVerifier(options.publicKey, options.now);
  const state = { accepting: true };
  // Discord sends a whole request at once: a client trickling one for 10 s is not Discord.
  const server = createServer(
    { requestTimeout: 10_000, headersTimeout: 10_000 },
    (request, response) => {
      handle(request, response, options, verify, state).catch(() => {
        options.onRequest?.('failed');
        if (!response.headersSent) reply(response, 500, 'internal error\n');
      });
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new EndpointListenError(
          `cannot serve interactions on ${options.host}:${options.port} (NEXTBEAT_HTTP_HOST, ` +
            `NEXTBEAT_HTTP_PORT): ${error.code ?? error.message}`,
        ),
      ),
    );
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${INTERACTIONS_PATH}`,
    stopAccepting: () => void (state.accepting = false),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: EndpointOptions,
  verify: (request: SignedRequest) => SignatureCheck,
  state: { accepting: boolean },
): Promise<void> {
  const done = (outcome: EndpointOutcome, status: number, body?: string, detail?: string) => {
    options.onRequest?.(outcome, detail);
    reply(response, status, body);
  };
  if (new URL(request.url ?? '/', 'http://endpoint').pathname !== INTERACTIONS_PATH)
    return done('not_found', 404, 'not found\n');
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST');
    return done('not_found', 405, 'method not allowed\n');
  }
  if (!state.accepting) return done('stopping', 503, 'stopping\n');
  let body: Buffer;
  try {
    body = await readCapped(request, options.maxBodyBytes ?? MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    response.setHeader('connection', 'close');
    return done('too_large', 413, 'request body too large\n');
  }
  const check = verify({
    signature: header(request, 'x-signature-ed25519'),
    timestamp: header(request, 'x-signature-timestamp'),
    body,
  });
  if (!check.ok) return done('bad_signature', 401, 'invalid request signature\n', check.reason);
  const interaction = parseInteraction(body);
  if (!interaction) return done('bad_request', 400, 'not an interaction\n');
  if (interaction.type === InteractionType.Ping) {
    options.onRequest?.('ping');
    return reply(response, 200, JSON.stringify({ type: InteractionResponseType.Pong }), 'json');
  }
  await options.onInteraction(interaction);
  done('interaction', 202);
}

// Reads the body, refusing as soon as it (or its declared length) passes the cap.
async function readCapped(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseInteraction(body: Buffer): APIInteraction | undefined {
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    const ok = typeof value === 'object' && value !== null && 'type' in value && 'id' in value;
    return ok && typeof value.type === 'number' ? (value as APIInteraction) : undefined;
  } catch {
    return undefined;
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function reply(response: ServerResponse, status: number, body?: string, type?: 'json'): void {
  const contentType = type === 'json' ? 'application/json' : 'text/plain; charset=utf-8';
  response.writeHead(status, body === undefined ? {} : { 'content-type': contentType });
  response.end(body);
}
