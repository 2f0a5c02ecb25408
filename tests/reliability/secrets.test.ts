// The bot token stays secret: `.env` is never committed, the logger redacts it, and a refused
// login says so without printing it. (Every other reliability test greps its own output for it.)
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { parseConfig } from '../../src/config.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakeDiscord/index.ts';
import { runEntry } from '../helpers/runEntry.ts';
import { trainSmallModel, type TrainedModel } from '../helpers/trainedModel.ts';
import { placesWithToken } from './tokenScan.ts';

let discord: FakeDiscord;
let model: TrainedModel;
beforeAll(async () => {
  [discord, model] = await Promise.all([startFakeDiscord(), trainSmallModel()]);
});
afterAll(() => discord?.close());

describe('secrets', () => {
  it('GIVEN the repository WHEN git is asked about .env THEN it is ignored', () => {
    const root = join(import.meta.dirname, '..', '..');
    const ignored = execFileSync('git', ['check-ignore', '.env'], { cwd: root, encoding: 'utf8' });
    expect(ignored.trim()).toBe('.env');
  });

  it('GIVEN the token in a config, an object and a header WHEN logged THEN it is redacted', () => {
    let output = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        output += String(chunk);
        done();
      },
    });
    const logger = createLogger({ format: 'json' }, sink);
    const config = parseConfig({ DISCORD_TOKEN: discord.token }, { requireDiscord: true });
    logger.info({ config }, 'settings');
    logger.info({ token: discord.token }, 'a token');
    logger.warn({ request: { headers: { authorization: `Bot ${discord.token}` } } }, 'request');
    expect(output).toContain('[redacted]');
    expect(placesWithToken(discord.token, { output })).toEqual([]);
  });

  it('GIVEN Discord refusing the token WHEN npm start THEN it exits 1 saying so, without the token', async () => {
    discord.setRestFault('GET /gateway/bot', { status: 401, times: 5 });
    const bot = runEntry('src/index.ts', [], {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      NEXTBEAT_DATA: model.dataPath,
      NEXTBEAT_DB: model.dbPath,
      NEXTBEAT_MODELS: model.modelsDir,
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
    });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(/^Error: .*invalid token/im);
    expect(placesWithToken(discord.token, { output: bot.output() })).toEqual([]);
  }, 60_000);
});
