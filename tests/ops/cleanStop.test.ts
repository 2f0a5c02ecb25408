// Stopping under a supervisor: SIGTERM or SIGINT to the one process it started (`npm start`, or
// the documented `node ... dist/index.js`) stops the bot gracefully, and nothing of its process
// group is left running. Both commands run the compiled bot, so they share one file (one build).
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakeDiscord/index.ts';
import { buildDistOnce } from '../helpers/distBuild.ts';
import { killGroup, processesInGroup } from '../helpers/processGroup.ts';
import { recommendInFlight } from '../helpers/replyInFlight.ts';
import { runCommand, startScriptNodeFlags, type EntryProcess } from '../helpers/runEntry.ts';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import { trainSmallModel, type TrainedModel } from '../helpers/trainedModel.ts';
import { freshDataFolder } from './freshDataFolder.ts';

let discord: FakeDiscord;
let model: TrainedModel;
const started: EntryProcess[] = [];
beforeAll(async () => {
  // The direct command runs dist/: build it from these sources, whichever tests run.
  const build = buildDistOnce();
  discord = await startFakeDiscord();
  model = await trainSmallModel();
  await build;
}, 120_000);
afterAll(() => discord?.close());
afterEach(() => {
  // A failed test must not leave a bot connected.
  for (const run of started.splice(0)) if (run.child.pid) killGroup(run.child.pid);
});

function botEnv(paths: { dataPath: string; dbPath: string; modelsDir: string }) {
  return {
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_GUILD_ID: discord.world.guildId,
    NEXTBEAT_DATA: paths.dataPath,
    NEXTBEAT_DB: paths.dbPath,
    NEXTBEAT_MODELS: paths.modelsDir,
    LOG_FORMAT: 'json',
  };
}

/** Starts a command at the head of its own process group, as a supervisor does. */
function supervise(command: string, args: string[], env: Record<string, string>): EntryProcess {
  const run = runCommand(command, args, env, { detached: true });
  started.push(run);
  return run;
}

/** Signals the process itself (not its group) and resolves with its exit code. */
async function signalOnly(run: EntryProcess, signal: NodeJS.Signals): Promise<number | null> {
  // 'exit', not the output closing: a child that outlived it would hold the output open.
  const exit = once(run.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  process.kill(run.child.pid as number, signal);
  return (await exit)[0];
}

async function expectGroupEmpty(run: EntryProcess) {
  const group = run.child.pid as number;
  await expect.poll(() => processesInGroup(group), { timeout: 10_000 }).toEqual([]);
}

const READY = /ready as NextBeat: \d+ tracks/;

describe('stopping the bot under a supervisor', () => {
  it('GIVEN `npm start` serving WHEN only the npm process gets SIGTERM THEN the bot finishes, stops, and its process group is empty', async () => {
    const run = supervise('npm', ['start'], botEnv(model));
    await run.waitFor(READY, 120_000);
    const reply = await discord.sendInteraction(
      discord.build.chatInput({ name: 'recommend', options: { song: SHAPE_OF_YOU_IDS[0] } }),
    );
    expect((await reply.callback).data?.embeds?.[0]?.title).toMatch(/^If you like Shape of You/);

    const code = await signalOnly(run, 'SIGTERM');

    await expectGroupEmpty(run);
    expect(code).toBe(0);
    expect(run.output()).toMatch(/SIGTERM: finishing replies in flight/);
    expect(run.output()).toMatch(/"msg":"stopped"/);
  }, 180_000);

  it('GIVEN `npm start` in a terminal WHEN Ctrl-C sends SIGINT to its whole group (npm and the bot each get one) THEN the bot stops gracefully', async () => {
    // Without its prestart build (~10 s of CPU): the test above runs it, and the signal comes
    // once the bot is serving, long after the build is over.
    const run = supervise('npm', ['start', '--ignore-scripts'], botEnv(model));
    await run.waitFor(READY, 120_000);
    const exit = once(run.child, 'exit') as Promise<[number | null]>;

    process.kill(-(run.child.pid as number), 'SIGINT');

    const [code] = await exit;
    await expectGroupEmpty(run);
    expect(code).toBe(0);
    expect(run.output()).toMatch(/SIGINT: finishing replies in flight/);
    expect(run.output()).toMatch(/"msg":"stopped"/);
  }, 180_000);

  it('GIVEN the direct command serving WHEN it gets SIGINT THEN it stops and its process group is empty', async () => {
    const run = supervise(process.execPath, [...startScriptNodeFlags(), 'dist/index.js'], {
      ...botEnv(model),
    });
    await run.waitFor(READY, 60_000);

    const code = await signalOnly(run, 'SIGINT');

    await expectGroupEmpty(run);
    expect(code).toBe(0);
    expect(run.output()).toMatch(/SIGINT: finishing replies in flight/);
  }, 120_000);

  it('GIVEN the direct command with a reply in flight WHEN SIGINT comes twice (as Ctrl-C under npm can) THEN the second does not cut the stop short: the reply lands and it exits 0', async () => {
    const run = supervise(process.execPath, [...startScriptNodeFlags(), 'dist/index.js'], {
      ...botEnv(model),
    });
    await run.waitFor(READY, 60_000);
    const reply = await recommendInFlight(discord);
    const exit = once(run.child, 'exit') as Promise<[number | null]>;

    process.kill(run.child.pid as number, 'SIGINT');
    await run.waitFor(/SIGINT: finishing replies in flight/);
    process.kill(run.child.pid as number, 'SIGINT');

    const [code] = await exit;
    await expectGroupEmpty(run);
    expect(code).toBe(0);
    expect(run.output()).toMatch(/SIGINT: already stopping/);
    expect((await reply.callback).data?.embeds?.[0]?.title).toMatch(/^If you like Shape of You/);
  }, 120_000);

  it('GIVEN the direct command training its first model WHEN it gets SIGTERM THEN training stops, nothing is published, and its process group is empty', async () => {
    const paths = freshDataFolder();
    const run = supervise(process.execPath, [...startScriptNodeFlags(), 'dist/index.js'], {
      ...botEnv(paths),
    });
    // Its progress comes from the training process, which is therefore running.
    await run.waitFor(/training: read done/, 60_000);

    const code = await signalOnly(run, 'SIGTERM');

    await expectGroupEmpty(run);
    expect(code).toBe(0);
    expect(run.output()).toMatch(/stopped before it was ready/);
    expect(run.output()).not.toMatch(READY);
    if (existsSync(paths.dbPath)) {
      const db = openDatabase(paths.dbPath);
      expect(db.prepare('SELECT COUNT(*) FROM active_run').pluck().get()).toBe(0);
      db.close();
    }
  }, 120_000);
});
