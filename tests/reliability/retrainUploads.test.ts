// /retrain uploads from a hostile client: a forged attachment id that names another file, a body far
// larger than declared, a size over the limit, a body cut short, an option with no file behind it,
// a name full of markdown and mentions, and permissions of -1. Nothing outside the uploads folder
// is touched, memory stays flat, the uploads folder ends empty and the old model serves on.
import { ApplicationCommandOptionType } from 'discord.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ID, startTestBot, type TestBot } from '../bot/botHarness.ts';
import { GeneratedBody, type FakeFile } from '../fakeDiscord/files.ts';
import { logLines } from './interactions.ts';
import { peakRssDuring } from './retrainPeakRss.ts';
import { capturedOutput, placesWithToken } from './tokenScan.ts';

const MB = 1024 * 1024;

// A local service a forged URL may point at: counts the requests it gets.
const bait = { origin: '', requests: 0, server: createServer() };
bait.server.on('request', (_request, response) => {
  bait.requests++;
  response.end('id\n');
});
let t: TestBot;
let servingRun: string;
let trainingData: Buffer;
beforeAll(async () => {
  await new Promise<void>((resolve) => bait.server.listen(0, '127.0.0.1', resolve));
  bait.origin = `http://127.0.0.1:${(bait.server.address() as AddressInfo).port}`;
  t = await startTestBot();
  servingRun = t.bot.context.model.run.id;
  trainingData = readFileSync(t.model.dataPath);
});
afterAll(async () => {
  bait.server.close();
  await t?.close();
});

const dataDir = () => dirname(t.model.dataPath);
const uploads = () => {
  const dir = join(dataDir(), 'uploads');
  return existsSync(dir) ? readdirSync(dir) : [];
};
const retrainWith = (csv: FakeFile, permissions?: string) =>
  t.discord.sendInteraction(
    t.discord.build.chatInput({
      name: 'retrain',
      userId: ADMIN_ID,
      admin: true,
      ...(permissions ? { permissions } : {}),
      options: { csv },
    }),
  );
const failureOf = async (csv: FakeFile) => {
  const reply = await retrainWith(csv);
  const final = await reply.waitForEdit(
    (e) => /Retraining failed/.test(String(e.body.content)),
    60_000,
  );
  return String(final.body.content);
};
const expectNothingChanged = () => {
  expect(readFileSync(t.model.dataPath).equals(trainingData)).toBe(true);
  expect(readdirSync(dataDir()).filter((name) => name !== 'uploads')).toEqual(['dataset.csv']);
  expect(uploads()).toEqual([]);
  expect(t.bot.context.model.run.id).toBe(servingRun);
  expect(t.bot.context.retrainer.current).toBeUndefined();
};

describe('/retrain uploads contained', () => {
  it('GIVEN a forged attachment id and name of ../dataset WHEN an admin retrains THEN the training data is untouched and the upload is gone', async () => {
    const text = await failureOf({
      name: 'evil.csv',
      data: 'id,name\n1,x\n',
      forged: { id: '../dataset', filename: '../dataset.csv' },
    });
    expect(text).toContain('"../dataset.csv"');
    expect(text).toMatch(/missing required column/);
    expectNothingChanged();
  });

  it('GIVEN an attachment declared as 1 KB and served as 400 MB WHEN an admin retrains THEN the download is cut off and refused, and memory stays flat', async () => {
    const body = new GeneratedBody(400 * MB, 'id,name\n');
    let text = '';
    const rss = await peakRssDuring(async () => {
      text = await failureOf({ name: 'small.csv', data: '', body, forged: { size: 1024 } });
    });
    console.log(
      JSON.stringify({ case: 'declared 1 KB, served 400 MB', sentMb: body.sent / MB, ...rss }),
    );
    expect(text).toMatch(/"small\.csv" holds more than the 1 KB its attachment declares/);
    expect(text).toContain(`The previous model (\`${servingRun}\`) keeps serving`);
    expect(body.sent).toBeLessThan(32 * MB);
    expect(rss.riseMb).toBeLessThan(100);
    expectNothingChanged();
  });

  it('GIVEN a genuine 45 MB upload WHEN an admin retrains THEN it is streamed to disk whole and handed to training', async () => {
    const body = new GeneratedBody(45 * MB, 'id,name\n');
    let text = '';
    const rss = await peakRssDuring(async () => {
      text = await failureOf({ name: 'big.csv', data: '', body });
    });
    console.log(JSON.stringify({ case: 'genuine 45 MB', sentMb: body.sent / MB, ...rss }));
    expect(body.sent).toBe(45 * MB);
    expect(text).toMatch(/"big\.csv".*missing required column/);
    expectNothingChanged();
  });

  it('GIVEN an attachment declaring 60 MB WHEN an admin retrains THEN it is refused before any byte is fetched', async () => {
    const body = new GeneratedBody(60 * MB);
    const text = await failureOf({ name: 'huge.csv', data: '', body });
    expect(text).toMatch(/"huge\.csv" is 60\.0 MB; the limit is 50 MB \(RETRAIN_MAX_UPLOAD_MB\)/);
    expect(body.sent).toBe(0);
    expectNothingChanged();
  });

  it('GIVEN a body shorter than its declared size WHEN an admin retrains THEN it is refused as incomplete', async () => {
    const text = await failureOf({ name: 'cut.csv', data: 'id,name\n', forged: { size: 4096 } });
    expect(text).toMatch(/"cut\.csv" arrived incomplete \(8 bytes of 4 KB\)/);
    expectNothingChanged();
  });

  it('GIVEN a file name full of markdown, mentions and control characters WHEN its retrain fails THEN the reply shows it defused', async () => {
    const text = await failureOf({
      name: '@everyone **big**\u202e\n`x`.csv',
      data: 'id,name\n1,x\n',
    });
    expect(text).toContain('"@\u200beveryone \\*\\*big\\*\\* \\`x\\`.csv"');
    expect(text).not.toMatch(/@everyone|\u202e/);
    expectNothingChanged();
  });

  it('GIVEN a csv option whose attachment is missing from the payload WHEN an admin retrains THEN a clear error and no training', async () => {
    const started = logLines(t.logs(), /retrain started/).length;
    const reply = await t.discord.sendInteraction(
      t.discord.build.chatInput({
        name: 'retrain',
        userId: ADMIN_ID,
        admin: true,
        options: [{ name: 'csv', type: ApplicationCommandOptionType.Attachment, value: '42' }],
      }),
    );
    const { data } = await reply.callback;
    expect(data?.flags).toBe(64);
    expect(data?.content).toMatch(/The attached CSV did not arrive with the command/);
    expect(logLines(t.logs(), /retrain started/)).toHaveLength(started);
    expectNothingChanged();
  });

  it.each([
    ['another port on 127.0.0.1', () => `${bait.origin}/dataset.csv`],
    ['another host', () => 'http://nextbeat-internal.invalid/dataset.csv'],
    ['a lookalike of the CDN', () => 'https://cdn.discordapp.com.evil.invalid/x.csv'],
  ])(
    'GIVEN a forged attachment URL on %s WHEN an admin retrains THEN nothing is fetched and the reply says why',
    async (_case, url) => {
      bait.requests = 0;
      const text = await failureOf({ name: 'x.csv', data: 'id\n', forged: { url: url() } });
      expect(text).toContain('"x.csv" is not on Discord\'s file servers, so it was not fetched.');
      expect(text).toContain(`The previous model (\`${servingRun}\`) keeps serving`);
      expect(bait.requests).toBe(0);
      expectNothingChanged();
    },
  );

  it.each(['-1', '-8', '0x8', '99999999999999999999999999999999999999999', 'Administrator'])(
    'GIVEN a listed admin whose permissions string is "%s" WHEN /retrain THEN refused',
    async (permissions) => {
      const reply = await retrainWith({ name: 'x.csv', data: 'id\n' }, permissions);
      const { data } = await reply.callback;
      expect(data?.content).toMatch(/Only server administrators listed in ADMIN_USER_IDS/);
      expectNothingChanged();
    },
  );

  it('GIVEN all of the above WHEN logs and replies are searched THEN no unexpected error and no token', () => {
    expect(logLines(t.logs(), /interaction failed/)).toEqual([]);
    expect(placesWithToken(t.discord.token, capturedOutput(t))).toEqual([]);
  });
});
