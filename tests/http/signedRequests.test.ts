// The Interactions Endpoint of a bot in HTTP mode, as Discord (and anyone else) can reach it: only
// requests signed with the application's key, recent and unaltered, get through; PING gets PONG.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../bot/botHarness.ts';
import { InteractionSigner } from '../fakeDiscord/outgoingWebhook.ts';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ NEXTBEAT_MODE: 'http', NEXTBEAT_HEALTH_PORT: '0' });
}, 60_000);
afterAll(() => t?.close());

// A /recommend payload as Discord would POST it, and whether the bot ever answered it.
function recommendPayload() {
  const payload = t.discord.build.chatInput({
    name: 'recommend',
    options: { song: SHAPE_OF_YOU_IDS[0] },
  });
  return { payload, body: JSON.stringify(payload) };
}
const callbacksFor = (id: string) =>
  t.discord.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`));
// Long enough for a handled /recommend to have sent its callback (it takes a few ms).
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('signed requests to the Interactions Endpoint', () => {
  it('GIVEN a correctly signed /recommend WHEN POSTed THEN 202 with no body, and the answer arrives through the callback', async () => {
    const reply = await t.discord.sendInteraction(recommendPayload().payload);
    const { type, data } = await reply.callback;
    expect(type).toBe(4);
    expect(data?.embeds?.[0]?.title).toMatch(/^If you like Shape of You/);
    expect(await reply.endpointResponse).toEqual({ status: 202, body: '' });
  });

  it('GIVEN no signature headers WHEN POSTed THEN 401 and the interaction is not handled', async () => {
    const { payload, body } = recommendPayload();
    const response = await t.discord.postToEndpoint(body);
    expect(response.status).toBe(401);
    await settle();
    expect(callbacksFor(payload.id)).toEqual([]);
  });

  it('GIVEN a signature made with another key WHEN POSTed THEN 401', async () => {
    const { payload, body } = recommendPayload();
    const response = await t.discord.postToEndpoint(body, {
      ...new InteractionSigner().sign(body),
    });
    expect(response.status).toBe(401);
    await settle();
    expect(callbacksFor(payload.id)).toEqual([]);
  });

  it('GIVEN a signature that is not hex, or the wrong length WHEN POSTed THEN 401', async () => {
    const { body } = recommendPayload();
    const headers = t.discord.signer.sign(body);
    for (const signature of ['zz'.repeat(64), headers['x-signature-ed25519'].slice(2)]) {
      const response = await t.discord.postToEndpoint(body, {
        ...headers,
        'x-signature-ed25519': signature,
      });
      expect(response.status).toBe(401);
    }
  });

  it('GIVEN a request signed 6 minutes ago (a recorded request sent again) WHEN POSTed THEN 401', async () => {
    const { payload, body } = recommendPayload();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await t.discord.postToEndpoint(body, {
      ...t.discord.signer.sign(body, sixMinutesAgo),
    });
    expect(response.status).toBe(401);
    await settle();
    expect(callbacksFor(payload.id)).toEqual([]);
  });

  it('GIVEN a signed body altered after signing (same signature) WHEN POSTed THEN 401', async () => {
    const { payload, body } = recommendPayload();
    const headers = t.discord.signer.sign(body);
    const altered = body.replace('"permissions":"', '"permissions":"8');
    expect(altered).not.toBe(body);
    const response = await t.discord.postToEndpoint(altered, { ...headers });
    expect(response.status).toBe(401);
    // The signature also covers the timestamp: moving it on a second is refused too.
    const moved = String(Number(headers['x-signature-timestamp']) + 1);
    const retimed = await t.discord.postToEndpoint(body, {
      ...headers,
      'x-signature-timestamp': moved,
    });
    expect(retimed.status).toBe(401);
    await settle();
    expect(callbacksFor(payload.id)).toEqual([]);
  });

  it('GIVEN a signed PING WHEN POSTed THEN 200 with PONG ({"type":1})', async () => {
    const response = await t.discord.pingEndpoint();
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ type: 1 });
  });

  it('GIVEN a body over 1 MB WHEN POSTed THEN 413 before it is verified', async () => {
    const body = JSON.stringify({ type: 2, id: '1', padding: 'x'.repeat(1024 * 1024) });
    const response = await t.discord.postToEndpoint(body, { ...t.discord.signer.sign(body) });
    expect(response.status).toBe(413);
  });

  it('GIVEN a correctly signed body that is not JSON WHEN POSTed THEN 400', async () => {
    const body = '{"type": 2,';
    const response = await t.discord.postToEndpoint(body, { ...t.discord.signer.sign(body) });
    expect(response.status).toBe(400);
  });

  it('GIVEN another path or method WHEN requested THEN 404 or 405', async () => {
    const url = new URL(t.bot.interactionsUrl!);
    expect((await fetch(new URL('/other', url), { method: 'POST' })).status).toBe(404);
    expect((await fetch(url)).status).toBe(405);
  });

  it('GIVEN the bot in HTTP mode WHEN /healthz is asked THEN it reports mode "http", ready, and no gateway connection was made', async () => {
    const response = await fetch(`${t.bot.healthUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ready: true, mode: 'http', shards: 0 });
    expect(t.discord.gatewayConnections).toMatchObject({ opened: 0 });
  });

  it('GIVEN the requests above WHEN /metrics is scraped THEN POSTs are counted by outcome, refused signatures apart', async () => {
    const metrics = await (await fetch(`${t.bot.healthUrl}/metrics`)).text();
    const count = (outcome: string) =>
      Number(
        new RegExp(`^nextbeat_http_requests_total\\{outcome="${outcome}"\\} (\\d+)$`, 'm').exec(
          metrics,
        )?.[1] ?? 0,
      );
    expect(count('interaction')).toBeGreaterThanOrEqual(1);
    expect(count('ping')).toBe(1);
    expect(count('bad_signature')).toBeGreaterThanOrEqual(7);
    expect(count('too_large')).toBe(1);
    expect(count('bad_request')).toBe(1);
  });

  it('GIVEN refused requests WHEN the logs are read THEN each is logged with its reason and no token or body', () => {
    const refusals = t.logs().match(/bad signature/g) ?? [];
    expect(refusals.length).toBeGreaterThanOrEqual(5);
    expect(t.logs()).toMatch(/"reason":"stale"/);
    expect(t.logs()).toMatch(/"reason":"missing"/);
    expect(t.logs()).not.toContain('fake-interaction-token');
  });
});
