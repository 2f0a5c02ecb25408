// One gateway connection's frames: JSON in, JSON (or zlib-deflated binary) out, and the READY
// payload a shard's IDENTIFY is answered with.
import { deflateSync } from 'node:zlib';
import type {
  ApplicationFlags,
  GatewayReadyDispatchData,
  GatewaySendPayload,
  UserFlags,
} from 'discord.js';
import { WebSocket } from 'ws';
import { shardOfGuild, type Session } from './gatewaySessions.ts';
import type { GuildPlace, World } from './world.ts';

export interface Connection {
  socket: WebSocket;
  query: URLSearchParams;
  /** The client asked for identify compression. */
  compress: boolean;
  session?: Session;
  ready: boolean;
}

/** Sends a payload if the socket is open; a client that asked for compression gets zlib frames. */
export function sendFrame(connection: Connection, payload: object): void {
  if (connection.socket.readyState !== WebSocket.OPEN) return;
  const text = JSON.stringify({ s: null, t: null, ...payload });
  connection.socket.send(connection.compress ? deflateSync(text) : text);
}

const SESSION_ENDING_CLOSE_CODES = new Set([4007, 4009]);

/**
 * Closes the socket with a close code (1006 = drop without a close frame). After 4007 (invalid
 * seq) and 4009 (session timed out) its session cannot be resumed, as on Discord.
 */
export function closeConnection(connection: Connection, code: number): void {
  if (SESSION_ENDING_CLOSE_CODES.has(code) && connection.session) {
    connection.session.resumable = false;
  }
  connection.ready = false;
  if (code === 1006) connection.socket.terminate();
  else connection.socket.close(code, 'fake Discord: dropped');
}

/** The payload of a client frame; a frame that is not JSON closes the socket with 4002. */
export function parseFrame(connection: Connection, raw: string): GatewaySendPayload | undefined {
  try {
    return JSON.parse(raw) as GatewaySendPayload;
  } catch {
    connection.socket.close(4002, 'Error while decoding payload.');
    return undefined;
  }
}

/** The guilds whose events go to this shard. */
export function guildsOnShard(world: World, [id, count]: [number, number]): GuildPlace[] {
  return world.guilds.filter((g) => shardOfGuild(g.guildId, count) === id);
}

/** READY for a session: the bot, its shard's guilds (unavailable until GUILD_CREATE), where to resume. */
export function readyPayload(
  world: World,
  session: Session,
  resumeUrl: string,
): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...world.bot, verified: true, mfa_enabled: false, flags: 0 as UserFlags },
    guilds: guildsOnShard(world, session.shard).map((g) => ({ id: g.guildId, unavailable: true })),
    session_id: session.id,
    resume_gateway_url: resumeUrl,
    shard: session.shard,
    application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  };
}
