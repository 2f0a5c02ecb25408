import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError, downloadDataset } from '../../src/data/downloadDataset.ts';

const body = 'track_id,track_name\n' + 'x,y\n'.repeat(50_000);

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/dataset.csv') {
      res.writeHead(200, { 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } else if (req.url === '/cut.csv') {
      res.writeHead(200, { 'content-length': Buffer.byteLength(body) });
      res.write(body.slice(0, 1000), () => res.destroy());
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const destination = () => join(mkdtempSync(join(tmpdir(), 'nextbeat-dl-')), 'data', 'dataset.csv');

describe('downloadDataset', () => {
  it('GIVEN a server with the file WHEN downloading THEN writes it whole and reports progress', async () => {
    const path = destination();
    const seen: number[] = [];
    const { bytes } = await downloadDataset(`${base}/dataset.csv`, path, (p) => {
      seen.push(p.bytes);
      expect(p.totalBytes).toBe(Buffer.byteLength(body));
    });
    expect(bytes).toBe(Buffer.byteLength(body));
    expect(readFileSync(path, 'utf8')).toBe(body);
    expect(seen.at(-1)).toBe(bytes);
    expect(existsSync(`${path}.part`)).toBe(false);
  });

  it('GIVEN a 404 WHEN downloading THEN a DownloadError says where to put the file and nothing is left', async () => {
    const path = destination();
    const failure = downloadDataset(`${base}/missing.csv`, path);
    await expect(failure).rejects.toThrow(DownloadError);
    await expect(failure).rejects.toThrow(`save it as ${path}`);
    expect(existsSync(path)).toBe(false);
  });

  it('GIVEN a connection cut mid-way WHEN downloading THEN no partial file is kept', async () => {
    const path = destination();
    await expect(downloadDataset(`${base}/cut.csv`, path)).rejects.toThrow(DownloadError);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.part`)).toBe(false);
  });

  it('GIVEN no server (offline) WHEN downloading THEN the error says connection refused and where to put the file', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const path = destination();
    await expect(downloadDataset(`http://127.0.0.1:${port}/x.csv`, path)).rejects.toThrow(
      /connection refused[\s\S]*--data/,
    );
  });
});
