// The fake's own protocol rules, driven by a raw WebSocket and fetch instead of discord.js.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startFakeDiscord } from './index.ts';
import type { FakeDiscord } from './index.ts';

interface Frame {
  op: number;
  s: number | null;
  t: string | null;
  d: Record<string, unknown>;
}

// A bare gateway client collecting every frame it receives.
async function connect(url: string): Promise<{ socket: WebSocket; frames: Frame[] }> {
  const socket = new WebSocket(`${url}?v=10&encoding=json`);
  const frames: Frame[] = [];
  socket.on('message', (raw) => frames.push(JSON.parse(String(raw)) as Frame));
  await new Promise((resolve) => socket.once('open', resolve));
  return { socket, frames };
}

const identify = { op: 2, d: { token: 'x', intents: 1, properties: {}, shard: [0, 1] } };

describe('fake Discord protocol', () => {
  let discord: FakeDiscord;

  beforeEach(async () => {
    discord = await startFakeDiscord({ interactionTimeoutMs: 200 });
  });

  afterEach(async () => {
    await discord.close();
  });

  it('serves gateway discovery with a bot token only', async () => {
    const anonymous = await fetch(`${discord.apiUrl}/v10/gateway/bot`);
    expect(anonymous.status).toBe(401);
    const authed = await fetch(`${discord.apiUrl}/v10/gateway/bot`, {
      headers: { authorization: 'Bot t' },
    });
    expect(await authed.json()).toMatchObject({
      url: discord.apiUrl.replace('http', 'ws').replace('/api', ''),
      shards: 1,
    });
  });

  it('answers unknown routes with 404 and lists them as unhandled', async () => {
    const response = await fetch(`${discord.apiUrl}/v10/guilds/1/bans`, {
      headers: { authorization: 'Bot t' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(discord.unhandled.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /guilds/1/bans']);
  });

  it('sends HELLO, then READY and GUILD_CREATE with increasing sequence numbers', async () => {
    const { socket, frames } = await connect(
      discord.apiUrl.replace('http', 'ws').replace('/api', ''),
    );
    socket.send(JSON.stringify(identify));
    await discord.waitForReady();
    await expect.poll(() => frames.length).toBe(3);
    expect(frames.map((f) => [f.op, f.t, f.s])).toEqual([
      [10, null, null],
      [0, 'READY', 1],
      [0, 'GUILD_CREATE', 2],
    ]);
    expect(frames[1]?.d).toMatchObject({
      v: 10,
      guilds: [{ id: discord.world.guildId, unavailable: true }],
    });
    socket.close();
  });

  it('replays missed events on RESUME, then sends RESUMED', async () => {
    const url = discord.apiUrl.replace('http', 'ws').replace('/api', '');
    const first = await connect(url);
    first.socket.send(JSON.stringify(identify));
    await discord.waitForReady();
    await expect.poll(() => first.frames.length).toBe(3);
    const sessionId = first.frames[1]?.d.session_id;
    discord.dropConnection(4000);
    // An interaction dispatched while nobody listens is kept for the resume.
    discord.gateway.dispatch('INTERACTION_CREATE', { id: 'missed' });

    const second = await connect(url);
    second.socket.send(JSON.stringify({ op: 6, d: { token: 'x', session_id: sessionId, seq: 2 } }));
    await expect.poll(() => second.frames.length).toBe(3);
    expect(second.frames.slice(1).map((f) => [f.t, f.s])).toEqual([
      ['INTERACTION_CREATE', 3],
      ['RESUMED', 4],
    ]);
    expect(discord.gatewayConnections).toMatchObject({ identifies: 1, resumes: 1 });
    second.socket.close();
  });

  it('rejects a second acknowledgement and a late one', async () => {
    const { socket } = await connect(discord.apiUrl.replace('http', 'ws').replace('/api', ''));
    socket.send(JSON.stringify(identify));
    const callback = (id: string, token: string) =>
      fetch(`${discord.apiUrl}/v10/interactions/${id}/${token}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 4, data: { content: 'hi' } }),
      });

    const reply = await discord.sendInteraction(discord.build.chatInput({ name: 'ping' }));
    expect((await callback(reply.id, reply.token)).status).toBe(204);
    expect(await (await callback(reply.id, reply.token)).json()).toMatchObject({ code: 40060 });

    const late = await discord.sendInteraction(discord.build.chatInput({ name: 'ping' }));
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await (await callback(late.id, late.token)).json()).toMatchObject({ code: 10062 });
    socket.close();
  });
});
