// The gateway half: HELLO, heartbeats, IDENTIFY -> READY + GUILD_CREATE, RESUME with replay,
// faults; several shards at once, each guild's events on its shard ((guild_id >> 22) % count).
import type { IncomingMessage, Server } from 'node:http';
import { GatewayDispatchEvents, GatewayOpcodes } from 'discord.js';
import type { GatewayIdentifyData, GatewaySendPayload } from 'discord.js';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  closeConnection,
  guildsOnShard,
  parseFrame,
  readyPayload,
  sendFrame,
  type Connection,
} from './gatewayFrames.ts';
import {
  ShardSessions,
  Waiters,
  shardOfGuild,
  type Dispatch,
  type Session,
} from './gatewaySessions.ts';
import { guildCreate } from './guildCreate.ts';
import type { World } from './world.ts';

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
  /** The [shard id, shard count] of every IDENTIFY, in order. */
  readonly identifiedShards: [number, number][] = [];
  heartbeatAck = true;
  readonly #wss: WebSocketServer;
  readonly #connections = new Set<Connection>();
  readonly #sessions = new ShardSessions();
  readonly #readyWaiters = new Waiters();
  #heldIdentifies: (() => void)[] | undefined;

  constructor(
    server: Server,
    private readonly world: World,
    private readonly url: () => string,
  ) {
    this.#wss = new WebSocketServer({ server });
    this.#wss.on('connection', (socket, request) => this.#open(socket, request));
  }

  /** The shard a guild's events go to with the shard count clients identified with. */
  shardOf(guildId: string | undefined): number {
    return guildId ? shardOfGuild(guildId, this.#sessions.shardCount) : 0;
  }

  /**
   * Leaves IDENTIFYs unanswered until the returned function is called, to look at a client that
   * is connected but not yet ready.
   */
  holdIdentify(): () => void {
    this.#heldIdentifies ??= [];
    return () => {
      const held = this.#heldIdentifies ?? [];
      this.#heldIdentifies = undefined;
      for (const identify of held) identify();
    };
  }

  /** Resolves once every shard is identified or resumed and can receive events. */
  whenReady(timeoutMs = 10_000): Promise<void> {
    if (this.#allReady()) return Promise.resolve();
    return this.#readyWaiters.wait(timeoutMs, 'no client became ready');
  }

  /**
   * Sends a dispatch event on the shard of its `guild_id` (shard 0 without one), logged for
   * RESUME replay; returns its send time and the shard.
   */
  dispatch(t: string, d: unknown): { at: number; shard: number } {
    const shard = this.shardOf((d as { guild_id?: string } | null)?.guild_id);
    const session = this.#sessions.current(shard);
    if (!session) throw new Error(`fake Discord: no gateway session on shard ${shard}`);
    const event = { s: ++session.seq, t, d };
    session.log.push(event);
    const at = performance.now();
    const connection = this.#connectionOf(shard);
    if (connection?.ready && connection.session === session) {
      sendFrame(connection, { op: GatewayOpcodes.Dispatch, ...event });
    }
    return { at, shard };
  }

  /**
   * Closes a shard's socket with a close code (1006 = drop without a close frame). After 4007
   * (invalid seq) and 4009 (session timed out) the session is gone, as on Discord: a RESUME then
   * gets INVALID_SESSION and the client must IDENTIFY afresh.
   */
  drop(code = 4000, shard = 0): void {
    const connection = this.#connectionOf(shard);
    if (connection) closeConnection(connection, code);
  }

  /** Sends op 9 INVALID_SESSION on a shard; when not resumable the session is forgotten. */
  invalidateSession(resumable: boolean, shard = 0): void {
    const connection = this.#connectionOf(shard);
    if (!connection) return;
    if (!resumable && connection.session) connection.session.resumable = false;
    connection.ready = false;
    sendFrame(connection, { op: GatewayOpcodes.InvalidSession, d: resumable });
  }

  /** Forgets dispatches connected clients have already received (RESUME replays only newer ones). */
  trimReplayLog(): void {
    for (const connection of this.#connections) {
      if (connection.ready && connection.session) connection.session.log.length = 0;
    }
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
    socket.on('close', () => this.#connections.delete(connection));
    this.#connections.add(connection);
    sendFrame(connection, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.world.heartbeatIntervalMs },
    });
  }

  #receive(connection: Connection, raw: string): void {
    const payload = parseFrame(connection, raw);
    if (!payload) return;
    this.received.push(payload);
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        if (this.heartbeatAck) sendFrame(connection, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        this.counts.identifies += 1;
        connection.compress = payload.d.compress === true;
        if (this.#heldIdentifies)
          this.#heldIdentifies.push(() => this.#identify(connection, payload.d));
        else this.#identify(connection, payload.d);
        return;
      case GatewayOpcodes.Resume:
        this.counts.resumes += 1;
        this.#resume(connection, payload.d.session_id, payload.d.seq);
        return;
      default:
        return;
    }
  }

  #identify(connection: Connection, data: GatewayIdentifyData): void {
    const [id, count] = data.shard ?? [0, 1];
    this.identifiedShards.push([id, count]);
    if (!(count >= 1 && id >= 0 && id < count)) {
      connection.socket.close(4010, 'Invalid shard.');
      return;
    }
    const session = this.#sessions.open([id, count]);
    connection.session = session;
    connection.ready = true;
    this.#sendOnSession(
      connection,
      GatewayDispatchEvents.Ready,
      readyPayload(this.world, session, this.url()),
    );
    for (const guild of guildsOnShard(this.world, [id, count]))
      this.#sendOnSession(
        connection,
        GatewayDispatchEvents.GuildCreate,
        guildCreate(this.world, guild.guildId),
      );
    this.#becameReady();
  }

  #resume(connection: Connection, sessionId: string, seq: number): void {
    const session = this.#sessions.resume(sessionId);
    if (!session) {
      sendFrame(connection, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    connection.session = session;
    connection.ready = true;
    for (const event of session.log.filter((e) => e.s > seq)) {
      sendFrame(connection, { op: GatewayOpcodes.Dispatch, ...event });
    }
    this.#sendOnSession(connection, GatewayDispatchEvents.Resumed, {});
    this.#becameReady();
  }

  // A dispatch on this connection's own session (READY, GUILD_CREATE, RESUMED).
  #sendOnSession(connection: Connection, t: string, d: unknown): void {
    const session = connection.session as Session;
    const event: Dispatch = { s: ++session.seq, t, d };
    session.log.push(event);
    sendFrame(connection, { op: GatewayOpcodes.Dispatch, ...event });
  }

  // The latest connection serving this shard's current session (ready or not).
  #connectionOf(shard: number): Connection | undefined {
    let found: Connection | undefined;
    for (const connection of this.#connections)
      if (connection.session && connection.session === this.#sessions.current(shard))
        found = connection;
    return found;
  }

  #allReady(): boolean {
    const count = this.#sessions.shardCount;
    if (this.#sessions.size === 0) return false;
    for (let shard = 0; shard < count; shard++) if (!this.#connectionOf(shard)?.ready) return false;
    return true;
  }

  #becameReady(): void {
    if (this.#allReady()) this.#readyWaiters.wakeAll();
  }
}
