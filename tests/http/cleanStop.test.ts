// Stopping an HTTP-mode replica as a supervisor (or a rolling deploy) does: SIGTERM to the direct
// command. It stops taking new POSTs (503, so a load balancer retries them on another replica),
// lets the interaction in flight finish, exits 0 and leaves nothing running.
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakeDiscord/index.ts';
import { buildDistOnce } from '../helpers/distBuild.ts';
import { killGroup, processesInGroup } from '../helpers/processGroup.ts';
import { recommendInFlight } from '../helpers/replyInFlight.ts';
import { runCommand, startScriptNodeFlags, type EntryProcess } from '../helpers/runEntry.ts';
import { trainSmallModel, type TrainedModel } from '../helpers/trainedModel.ts';

let discord: FakeDiscord;
let model: TrainedModel;
let run: EntryProcess | undefined;
beforeAll(async () => {
  // The direct command runs dist/: build it from these sources, whichever tests run.
  const build = buildDistOnce();
  discord = await startFakeDiscord();
  model = await trainSmallModel();
  await build;
}, 120_000);
afterAll(async () => {
  if (run?.child.pid) killGroup(run.child.pid);
  await discord?.close();
});

describe('stopping an HTTP-mode replica', () => {
  it('GIVEN a reply in flight WHEN the direct command gets SIGTERM THEN new POSTs get 503, the reply lands with 202, it exits 0 and its group is empty', async () => {
    run = runCommand(
      process.execPath,
      [...startScriptNodeFlags(), 'dist/index.js'],
      {
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_GUILD_ID: discord.world.guildId,
        NEXTBEAT_DATA: model.dataPath,
        NEXTBEAT_DB: model.dbPath,
        NEXTBEAT_MODELS: model.modelsDir,
        NEXTBEAT_MODE: 'http',
        NEXTBEAT_HTTP_PORT: '0',
        DISCORD_PUBLIC_KEY: discord.signer.publicKeyHex,
        LOG_FORMAT: 'json',
      },
      { detached: true },
    );
    await run.waitFor(/HTTP interactions on http:\/\/[^)]+\)/, 60_000);
    discord.setInteractionsEndpoint(
      /HTTP interactions on (http:\/\/[^)]+)\)/.exec(run.output())![1],
    );
    // Discord slow to take the callback: the interaction is still in flight when the signal comes.
    const inFlight = await recommendInFlight(discord);
    const exit = once(run.child, 'exit') as Promise<[number | null]>;

    process.kill(run.child.pid as number, 'SIGTERM');
    await run.waitFor(/SIGTERM: finishing replies in flight/);
    const late = await discord.sendInteraction(discord.build.chatInput({ name: 'about' }));

    expect((await late.endpointResponse)?.status).toBe(503);
    expect((await inFlight.callback).data?.embeds?.[0]?.title).toMatch(/^If you like Shape of You/);
    expect((await inFlight.endpointResponse)?.status).toBe(202);
    const [code] = await exit;
    expect(code).toBe(0);
    const group = run.child.pid as number;
    await expect.poll(() => processesInGroup(group), { timeout: 10_000 }).toEqual([]);
  }, 180_000);
});
