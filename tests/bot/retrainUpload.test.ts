// UploadedCsv against a small attachment server on 127.0.0.1: what is kept, where, and what is refused.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/bot/retrain/attachmentDownload.ts';
import { attachmentOrigins, isUploadFile, UploadedCsv } from '../../src/bot/retrain/uploadedCsv.ts';

const CSV = 'id,name\n1,x\n';
let server: Server;
let origin = '';
/** Bytes the server handed to the socket for the last /endless request. */
let endlessSent = 0;
// A second local service, standing for anything a forged URL may point at: counts its requests.
let bait: Server;
let baitOrigin = '';
let baitRequests = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/exact.csv') return void response.end(CSV);
    if (request.url === '/missing.csv') return void response.writeHead(404).end();
    if (request.url === '/redirect.csv') {
      return void response.writeHead(302, { location: `${baitOrigin}/exact.csv` }).end();
    }
    if (request.url !== '/endless.csv') return void response.end('');
    endlessSent = 0;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const write = () => {
      while (!response.destroyed && endlessSent < 200 * 1024 * 1024) {
        endlessSent += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', write);
      }
      response.end();
    };
    write();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  bait = createServer((_request, response) => {
    baitRequests++;
    response.end(CSV);
  });
  await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
  baitOrigin = `http://127.0.0.1:${(bait.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const open of [server, bait])
    await new Promise<void>((resolve) => open.close(() => resolve()));
});

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'nextbeat-upload-')), 'uploads');
});
const upload = (name: unknown, size: unknown, path = '/exact.csv', maxMb = 50) =>
  new UploadedCsv({ name, size, url: `${origin}${path}` }, dir, maxMb, [origin]);

describe('UploadedCsv', () => {
  it('GIVEN a name with folders in it WHEN saved THEN the file gets a name the bot made, inside the uploads folder', async () => {
    const path = await upload('../../etc/passwd.csv', CSV.length).save();
    expect(path.startsWith(`${dir}/`)).toBe(true);
    expect(isUploadFile(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(CSV);
  });

  it('GIVEN a body larger than declared WHEN saved THEN refused, the connection dropped early, nothing kept', async () => {
    await expect(upload('a.csv', 1000, '/endless.csv').save()).rejects.toThrow(
      '"a.csv" holds more than the 1000 bytes its attachment declares; the download was stopped and nothing was kept.',
    );
    expect(endlessSent).toBeLessThan(32 * 1024 * 1024);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('GIVEN a body shorter than declared WHEN saved THEN refused as incomplete, nothing kept', async () => {
    await expect(upload('a.csv', 2048).save()).rejects.toThrow(
      '"a.csv" arrived incomplete (12 bytes of 2 KB). Attach it again.',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('GIVEN a 404 WHEN saved THEN refused naming the file and the status', async () => {
    await expect(upload('a.csv', 10, '/missing.csv').save()).rejects.toThrow(
      'Could not fetch "a.csv" (HTTP 404). Try again.',
    );
  });

  it.each([
    ['no size', undefined],
    ['a negative size', -1],
    ['a fractional size', 1.5],
    ['a size as text', '12'],
  ])('GIVEN %s WHEN saved THEN refused before fetching', async (_case, size) => {
    await expect(upload('a.csv', size).save()).rejects.toThrow(/does not say how large it is/);
  });

  it('GIVEN a declared size over the limit WHEN saved THEN refused naming the limit', async () => {
    await expect(upload('a.csv', 3 * 1024 * 1024, '/exact.csv', 2).save()).rejects.toThrow(
      '"a.csv" is 3.0 MB; the limit is 2 MB (RETRAIN_MAX_UPLOAD_MB).',
    );
  });

  it('GIVEN a name not ending in .csv WHEN saved THEN refused', async () => {
    await expect(upload('a.csv.exe', CSV.length).save()).rejects.toThrow(/is not a \.csv file/);
  });

  it('GIVEN uploads left by a killed bot and a stranger file WHEN an upload is saved THEN only the leftovers go', async () => {
    mkdirSync(dir);
    const leftover = 'upload-0b6f4a52-1f7e-4d3c-9a6e-2b1c3d4e5f60.csv';
    writeFileSync(join(dir, leftover), 'old');
    writeFileSync(join(dir, 'notes.txt'), 'keep');
    const path = await upload('a.csv', CSV.length).save();
    expect(readdirSync(dir).sort()).toEqual([path.split('/').at(-1), 'notes.txt'].sort());
  });

  it('GIVEN a saved upload WHEN a message names its path and it is discarded THEN the message names the attached file and the file is gone', async () => {
    const saved = upload('my tracks.csv', CSV.length);
    const path = await saved.save();
    expect(saved.describeIn(`${path}, line 2: bad`)).toBe('"my tracks.csv", line 2: bad');
    await saved.discard();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('UploadedCsv: where an attachment may come from', () => {
  const forged = (url: string) =>
    new UploadedCsv({ name: 'a.csv', size: CSV.length, url }, dir, 50, [origin]);

  it.each([
    ['another port on 127.0.0.1', () => `${baitOrigin}/exact.csv`],
    [
      'the allowed host with a user:password prefix',
      () => `http://${origin.slice(7)}@${baitOrigin.slice(7)}/exact.csv`,
    ],
    ['localhost', () => `http://localhost:${baitOrigin.split(':')[2]}/exact.csv`],
    ['a cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a file: URL', () => 'file:///etc/passwd'],
    ['not a URL', () => 'exact.csv'],
  ])(
    'GIVEN a forged attachment URL on %s WHEN saved THEN refused before any request, nothing kept',
    async (_case, url) => {
      // GIVEN
      baitRequests = 0;
      // WHEN / THEN
      await expect(forged(url()).save()).rejects.toThrow(
        '"a.csv" is not on Discord\'s file servers, so it was not fetched. Attach it again.',
      );
      expect(baitRequests).toBe(0);
      expect(readdirSync(join(dir, '..'))).toEqual([]);
    },
  );

  it('GIVEN an allowed origin that redirects elsewhere WHEN saved THEN the redirect is not followed and nothing is kept', async () => {
    baitRequests = 0;
    await expect(forged(`${origin}/redirect.csv`).save()).rejects.toThrow(
      /Could not fetch "a\.csv"/,
    );
    expect(baitRequests).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("GIVEN DISCORD_API_URL set or not WHEN the allowed origins are read THEN Discord's file servers, plus that origin only", () => {
    expect(attachmentOrigins(undefined)).toEqual([
      'https://cdn.discordapp.com',
      'https://media.discordapp.net',
    ]);
    expect(attachmentOrigins('http://127.0.0.1:4321/api')).toEqual([
      'https://cdn.discordapp.com',
      'https://media.discordapp.net',
      'http://127.0.0.1:4321',
    ]);
  });
});

describe('formatBytes', () => {
  it.each([
    [8, '8 bytes'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [45 * 1024 * 1024, '45 MB'],
  ])('GIVEN %d bytes WHEN formatted THEN %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
