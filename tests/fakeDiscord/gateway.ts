// The gateway half: HELLO, heartbeats, IDENTIFY -> READY + GUILD_CREATE, RESUME with replay, faults.
import type { IncomingMessage, Server } from 'node:http';
import { deflateSync } from 'node:zlib';
import { GatewayDispatchEvents, GatewayOpcodes } from 'discord.js';
import type {
  ApplicationFlags,
  GatewayReadyDispatchData,
  GatewaySendPayload,
  UserFlags,
} from 'discord.js';
import { WebSocket, WebSocketServer } from 'ws';
import { guildCreate } from './world.ts';
import type { World } from './world.ts';

interface Dispatch {
  s: number;
  t: string;
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  log: Dispatch[];
  resumable: boolean;
}

interface Connection {
  socket: WebSocket;
  query: URLSearchParams;
  compress: boolean;
  session?: Session;
  ready: boolean;
}

const SESSION_ENDING_CLOSE_CODES = new Set([4007, 4009]);

export interface GatewayCounts {
  /** WebSocket connections opened. */
  opened: number;
  identifies: number;
  resumes: number;
}

export class FakeGateway {
  readonly counts: GatewayCounts = { opened: 0, identifies: 0, resumes: 0 };
  /** Every payload a client sent, in order (tokens included: it is a fake). */
  readonly received: GatewaySendPayload[] = [];
  /** Query strings the client connected with (v, encoding, compress). */
  readonly connectQueries: URLSearchParams[] = [];
  heartbeatAck = true;
  #wss: WebSocketServer;
  #sessions = new Map<string, Session>();
  #current: Connection | undefined;
  /** The latest identified session: events go to its log even while disconnected. */
  #session: Session | undefined;
  #readyWaiters: (() => void)[] = [];
  #sessionCounter = 0;

  constructor(
    server: Server,
    private readonly world: World,
    private readonly url: () => string,
  ) {
    this.#wss = new WebSocketServer({ server });
    this.#wss.on('connection', (socket, request) => this.#open(socket, request));
  }

  /** Resolves once a client is identified or resumed and can receive events. */
  whenReady(timeoutMs = 10_000): Promise<void> {
    if (this.#current?.ready) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`fake Discord: no client became ready within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Sends a dispatch event in the current session (logged for RESUME replay); returns its send time. */
  dispatch(t: string, d: unknown): number {
    const session = this.#session;
    if (!session) throw new Error('fake Discord: no gateway session to dispatch to');
    const event = { s: ++session.seq, t, d };
    session.log.push(event);
    const at = performance.now();
    const connection = this.#current;
    if (connection?.ready && connection.session === session) {
      this.#send(connection, { op: GatewayOpcodes.Dispatch, ...event });
    }
    return at;
  }

  /**
   * Closes the current socket with a close code (1006 = drop without a close frame). After 4007
   * (invalid seq) and 4009 (session timed out) the session is gone, as on Discord: a RESUME then
   * gets INVALID_SESSION and the client must IDENTIFY afresh.
   */
  drop(code = 4000): void {
    const connection = this.#current;
    if (!connection) return;
    if (SESSION_ENDING_CLOSE_CODES.has(code) && connection.session) {
      connection.session.resumable = false;
    }
    connection.ready = false;
    if (code === 1006) connection.socket.terminate();
    else connection.socket.close(code, 'fake Discord: dropped');
  }

  /** Sends op 9 INVALID_SESSION; when not resumable the session is forgotten. */
  invalidateSession(resumable: boolean): void {
    const connection = this.#current;
    if (!connection) return;
    if (!resumable && connection.session) connection.session.resumable = false;
    connection.ready = false;
    this.#send(connection, { op: GatewayOpcodes.InvalidSession, d: resumable });
  }

  /** Forgets dispatches the connected client has already received (RESUME replays only newer ones). */
  trimReplayLog(): void {
    const connection = this.#current;
    if (connection?.ready && connection.session) connection.session.log.length = 0;
  }

  /** Closes every socket and the server. */
  async close(): Promise<void> {
    for (const client of this.#wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #open(socket: WebSocket, request: IncomingMessage): void {
    const query = new URL(request.url ?? '/', 'ws://fake').searchParams;
    const connection: Connection = { socket, query, compress: false, ready: false };
    this.counts.opened += 1;
    this.connectQueries.push(query);
    socket.on('message', (raw) => this.#receive(connection, String(raw)));
    socket.on('close', () => {
      if (this.#current === connection) this.#current = undefined;
    });
    this.#current = connection;
    this.#send(connection, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.world.heartbeatIntervalMs },
    });
  }

  #receive(connection: Connection, raw: string): void {
    let payload: GatewaySendPayload;
    try {
      payload = JSON.parse(raw) as GatewaySendPayload;
    } catch {
      connection.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    this.received.push(payload);
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        if (this.heartbeatAck) this.#send(connection, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        this.counts.identifies += 1;
        connection.compress = payload.d.compress === true;
        this.#identify(connection);
        return;
      case GatewayOpcodes.Resume:
        this.counts.resumes += 1;
        this.#resume(connection, payload.d.session_id, payload.d.seq);
        return;
      default:
        return;
    }
  }

  #identify(connection: Connection): void {
    const session: Session = {
      id: `fake-session-${++this.#sessionCounter}`,
      seq: 0,
      log: [],
      resumable: true,
    };
    this.#sessions.set(session.id, session);
    this.#session = session;
    connection.session = session;
    connection.ready = true;
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: { ...this.world.bot, verified: true, mfa_enabled: false, flags: 0 as UserFlags },
      guilds: [{ id: this.world.guildId, unavailable: true }],
      session_id: session.id,
      resume_gateway_url: this.url(),
      shard: [0, 1],
      application: { id: this.world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.dispatch(GatewayDispatchEvents.Ready, ready);
    this.dispatch(GatewayDispatchEvents.GuildCreate, guildCreate(this.world));
    this.#becameReady();
  }

  #resume(connection: Connection, sessionId: string, seq: number): void {
    const session = this.#sessions.get(sessionId);
    if (!session?.resumable) {
      this.#send(connection, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    this.#session = session;
    connection.session = session;
    connection.ready = true;
    for (const event of session.log.filter((e) => e.s > seq)) {
      this.#send(connection, { op: GatewayOpcodes.Dispatch, ...event });
    }
    this.dispatch(GatewayDispatchEvents.Resumed, {});
    this.#becameReady();
  }

  #becameReady(): void {
    const waiters = this.#readyWaiters.splice(0);
    for (const wake of waiters) wake();
  }

  #send(connection: Connection, payload: object): void {
    if (connection.socket.readyState !== WebSocket.OPEN) return;
    const text = JSON.stringify({ s: null, t: null, ...payload });
    // A client that asked for identify compression gets zlib-deflated binary frames.
    connection.socket.send(connection.compress ? deflateSync(text) : text);
  }
}
