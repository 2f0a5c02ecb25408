// deploy/Dockerfile, carried out without a container engine (none runs in CI): its build stage
// (deploy/build.sh) on a copy of what it copies, its runtime files assembled from its COPY
// --from=build lines, and its CMD and HEALTHCHECK run as an unprivileged user against the fake
// Discord, with its ENV. If the recipe rots (a path moves, a flag changes, a runtime file is not
// copied, a production dependency is missing), this fails.
import { chownSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakeDiscord/index.ts';
import { argsOf, execForm, parseEnv } from '../helpers/dockerfile.ts';
import { buildImageTree, type BuiltImage } from '../helpers/imageRecipe.ts';
import { freePort } from '../helpers/nginx.ts';
import { killGroup, processesInGroup } from '../helpers/processGroup.ts';
import {
  runCommand,
  startScriptEnv,
  startScriptNodeFlags,
  type EntryProcess,
} from '../helpers/runEntry.ts';
import { syntheticTracksCsv } from '../helpers/syntheticTracksCsv.ts';

// Root here runs the image's commands as nobody; anyone else already is not root.
const NOBODY = 65534;
const asUnprivileged = (command: string[]) =>
  process.getuid?.() === 0
    ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', ...command]
    : command;

let image: BuiltImage;
let discord: FakeDiscord;
let bot: EntryProcess | undefined;
beforeAll(async () => {
  [image, discord] = await Promise.all([buildImageTree(), startFakeDiscord()]);
}, 300_000);
afterAll(async () => {
  if (bot?.child.pid) killGroup(bot.child.pid);
  await discord?.close();
  if (image) rmSync(join(image.appDir, '..'), { recursive: true, force: true });
});

describe('the image recipe (deploy/Dockerfile and deploy/build.sh)', () => {
  it("GIVEN the built image WHEN its files are listed THEN compiled code and production dependencies only, started by node directly with npm start's flags, as a non-root user", () => {
    const top = readdirSync(image.appDir).sort();
    expect(top).toEqual(['data', 'db', 'deploy', 'dist', 'models', 'node_modules', 'package.json']);
    expect(existsSync(join(image.appDir, 'dist/index.js'))).toBe(true);
    expect(existsSync(join(image.appDir, 'node_modules/better-sqlite3'))).toBe(true);
    expect(existsSync(join(image.appDir, 'node_modules/typescript'))).toBe(false);
    expect(existsSync(join(image.appDir, 'node_modules/vitest'))).toBe(false);
    const cmd = execForm(argsOf(image.runtime, 'CMD').at(-1)!);
    expect(cmd).toEqual(['node', ...startScriptNodeFlags(), 'dist/index.js']);
    expect(parseEnv(argsOf(image.runtime, 'ENV'))).toMatchObject(startScriptEnv());
    expect(argsOf(image.runtime, 'USER').at(-1)).toMatch(/^(?!root$|0$)\S+/);
    expect(JSON.parse(argsOf(image.runtime, 'VOLUME')[0]!)).toEqual([
      '/app/data',
      '/app/models',
      '/app/db',
    ]);
  });

  it("GIVEN the image's CMD and ENV WHEN started as a non-root user on an empty db volume THEN it trains from the data volume, passes its HEALTHCHECK, answers a signed interaction and stops on SIGTERM leaving nothing running", async () => {
    const env = parseEnv(argsOf(image.runtime, 'ENV'));
    const inVolumes = Object.fromEntries(
      Object.entries(env).map(([key, value]) => [
        key,
        value.startsWith('/app') ? image.hostPath(value) : value,
      ]),
    );
    writeFileSync(inVolumes.NEXTBEAT_DATA!, syntheticTracksCsv());
    for (const volume of ['data', 'models', 'db'])
      chownSync(join(image.appDir, volume), NOBODY, NOBODY);
    chownSync(inVolumes.NEXTBEAT_DATA!, NOBODY, NOBODY);
    const healthPort = String(await freePort());
    const runEnv = {
      ...inVolumes,
      // Loopback and free ports here; in the image they are 0.0.0.0, 8080 and 9090.
      NEXTBEAT_HEALTH_PORT: healthPort,
      NEXTBEAT_HEALTH_HOST: '127.0.0.1',
      NEXTBEAT_HTTP_HOST: '127.0.0.1',
      NEXTBEAT_HTTP_PORT: '0',
      NEXTBEAT_MODE: 'http',
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_GUILD_ID: discord.world.guildId,
      DISCORD_PUBLIC_KEY: discord.signer.publicKeyHex,
      HOME: '/nonexistent',
    };
    const [command, ...args] = asUnprivileged(execForm(argsOf(image.runtime, 'CMD').at(-1)!));
    bot = runCommand(command!, args, runEnv, { detached: true, cwd: image.appDir });
    await bot.waitFor(/HTTP interactions on (http:\/\/[^)\s]+)\)/, 180_000);
    discord.setInteractionsEndpoint(
      /HTTP interactions on (http:\/\/[^)\s]+)\)/.exec(bot.output())![1],
    );

    const [checkCommand, ...checkArgs] = asUnprivileged(
      execForm(argsOf(image.runtime, 'HEALTHCHECK').at(-1)!),
    );
    const check = runCommand(checkCommand!, checkArgs, runEnv, { cwd: image.appDir });
    expect(await check.exited, check.output()).toBe(0);
    const reply = await discord.sendInteraction(discord.build.chatInput({ name: 'about' }));
    const fields = (await reply.callback).data?.embeds?.[0]?.fields ?? [];
    expect(fields.find((f) => f.name === 'Tracks')?.value).toBe('362');
    expect(bot.output()).toMatch(/training: train done in/);

    const group = bot.child.pid as number;
    process.kill(group, 'SIGTERM');
    expect(await bot.exited).toBe(0);
    await expect.poll(() => processesInGroup(group), { timeout: 10_000 }).toEqual([]);
    const after = runCommand(checkCommand!, checkArgs, runEnv, { cwd: image.appDir });
    expect(await after.exited).toBe(1);
  }, 240_000);
});
