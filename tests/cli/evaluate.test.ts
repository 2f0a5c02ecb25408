import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticTracksCsv } from '../helpers/syntheticTracksCsv.ts';
import { runCliEntry } from './runCliProcess.ts';

const TIMEOUT = 120_000;

describe('npm run evaluate: the data set is missing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nextbeat-evaluate-'));
  const dataPath = join(dir, 'data', 'dataset.csv');
  const reports = join(dir, 'reports');
  let server: Server;
  let url = '';
  let requests = 0;
  beforeAll(async () => {
    server = createServer((_request, response) => {
      requests += 1;
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end(syntheticTracksCsv(40));
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dataset.csv`;
  });
  afterAll(async () => {
    await new Promise<void>((closed) => server.close(() => closed()));
    rmSync(dir, { recursive: true, force: true });
  });

  const evaluate = (...args: string[]) =>
    runCliEntry('src/cli/evaluate.ts', ['--quick', '--reports', reports, ...args], {
      NEXTBEAT_DATA: dataPath,
      NEXTBEAT_DATASET_URL: url,
    });

  it(
    'GIVEN --no-download WHEN evaluated THEN it fails naming the missing file and fetches nothing',
    async () => {
      const result = await evaluate('--no-download');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(dataPath);
      expect(requests).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'GIVEN no --data and no file at NEXTBEAT_DATA WHEN evaluated THEN it downloads the data set and evaluates it',
    async () => {
      const result = await evaluate();
      expect(result.code, result.stderr).toBe(0);
      expect(requests).toBe(1);
      expect(result.stderr).toContain(`downloading it from ${url}`);
      expect(readFileSync(dataPath, 'utf8')).toBe(syntheticTracksCsv(40));
      expect(readFileSync(join(reports, 'evaluation.md'), 'utf8')).toContain(
        `on 242 unique tracks (${dataPath})`,
      );
      expect(existsSync(join(reports, 'latent-space.png'))).toBe(true);
      expect(existsSync(join(reports, 'images'))).toBe(false); // the pictures are not copied twice
    },
    TIMEOUT,
  );
});
