// `npm run train` as a user runs it: a child process, its output, its exit code, and what it leaves.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACKS_HEADER, tracksRow } from '../data/tempFiles.ts';
import { syntheticTracksCsv } from '../helpers/syntheticTracksCsv.ts';
import { activeRunFingerprint, hashTree, runTrainCli } from './trainProcess.ts';
import type { TrainResult } from './trainProcess.ts';

const TIMEOUT = 60_000;
const STAGES = [
  'Reading CSV',
  'Scaling features',
  'Training autoencoder',
  'Encoding tracks',
  'Saving model',
  'Publishing run',
];
const SMALL_CSV = syntheticTracksCsv(40); // 6 genres x 40 tracks + 2 releases of one song

const dir = mkdtempSync(join(tmpdir(), 'nextbeat-cli-'));
const db = join(dir, 'db', 'nextbeat.sqlite');
const models = join(dir, 'models');
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const train = (data: string, ...args: string[]) =>
  runTrainCli(['--data', data, '--db', db, '--models', models, '--epochs', '3', ...args]);

// One good run in `dir`, whose model every failure below must leave serving; one more with --json.
let plain: TrainResult;
let json: TrainResult;
beforeAll(async () => {
  const data = file('good.csv', SMALL_CSV);
  const jsonDir = join(dir, 'json-run');
  const jsonArgs = ['--db', join(jsonDir, 'db.sqlite'), '--models', jsonDir, '--epochs', '3'];
  [plain, json] = await Promise.all([
    train(data),
    runTrainCli(['--data', data, ...jsonArgs, '--json']),
  ]);
}, TIMEOUT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run train: a good run', () => {
  it('GIVEN a small CSV WHEN trained THEN exits 0 and the summary gives rows, tracks, MSE beside the baseline, stage times and paths', () => {
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('rows: 242 read, 0 skipped, 0 merged as duplicates');
    expect(plain.stdout).toContain('tracks stored: 242');
    expect(plain.stdout).toMatch(
      /validation MSE: \d\.\d+ \(predicting the mean: \d\.\d+, ratio \d/,
    );
    expect(plain.stdout).toMatch(
      /time: read [\d.]+ s, scale [\d.]+ s, train [\d.]+ s, encode [\d.]+ s, save [\d.]+ s, publish [\d.]+ s; total/,
    );
    expect(plain.stdout).toContain(`model: ${models}/`);
    expect(plain.stdout).toContain(`database: ${db}`);
  });

  it('GIVEN output to a pipe WHEN trained THEN progress is plain lines: one per stage start and end, one per epoch', () => {
    expect(plain.stderr).not.toContain('\r');
    expect(plain.stderr).not.toContain('\u001b'); // no bar, no colours
    const lines = plain.stderr.trimEnd().split('\n');
    for (const stage of STAGES) {
      expect(lines).toContain(`${stage}...`);
      expect(lines.filter((line) => line.startsWith(`${stage}: done in `))).toHaveLength(1);
    }
    expect(
      lines.filter((line) => /^epoch \d+\/3 {2}loss \d\.\d{5} {2}val \d\.\d{5} {2}ETA/.test(line)),
    ).toHaveLength(3);
  });

  it('GIVEN --json WHEN trained THEN stdout is only JSON lines, with stage, epoch and done events', () => {
    expect(json.code, json.stderr).toBe(0);
    const events = json.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; stage?: string });
    expect(events.filter((e) => e.type === 'stage').map((e) => e.stage)).toContain('publish');
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ type: 'done', summary: { tracksStored: 242 } });
  });
});

describe('npm run train: failures keep the previous model serving', () => {
  let before: { run: string; models: string };
  beforeAll(() => {
    before = { run: activeRunFingerprint(db), models: hashTree(models) };
    expect(before.run).toMatch(/242 tracks/);
  });

  const cases: [string, () => string, string[], RegExp[]][] = [
    [
      'a CSV missing a required column',
      () => file('missing.csv', 'track_id,track_name,tempo\n1,a,120\n'),
      [],
      [
        /missing\.csv, line 1: missing required column\(s\) artists .*danceability.*; found columns: track_id, track_name, tempo/,
      ],
    ],
    ['an empty file', () => file('empty.csv', ''), [], [/empty\.csv: is empty \(0 bytes\)/]],
    [
      'a file of garbage bytes',
      () =>
        file(
          'garbage.csv',
          Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
        ),
      [],
      [/garbage\.csv: contains a NUL byte at byte \d+: this looks like a binary file/],
    ],
    [
      'a file with 1 good row in 100',
      () => {
        const bad = Array.from({ length: 99 }, (_, i) => tracksRow(`b${i}`, { energy: 'loud' }));
        return file('mostly-bad.csv', `${[TRACKS_HEADER, tracksRow('good'), ...bad].join('\n')}\n`);
      },
      [],
      [
        /mostly-bad\.csv: 99 of 100 data rows \(99%\) are unusable/,
        /non-numeric energy: 99 \(line 3, 4, 5, 6, 7, \.\.\.\)/,
      ],
    ],
    [
      'a nonexistent --data path',
      () => join(dir, 'nowhere', 'tracks.csv'),
      [],
      [/nowhere\/tracks\.csv: file not found/],
    ],
    [
      'a bad flag value (--epochs abc)',
      () => file('flag.csv', SMALL_CSV),
      ['--epochs', 'abc'],
      [/--epochs must be a whole number from 1 to 1000 \(got "abc"\)/, /Usage: npm run train/],
    ],
  ];

  it.each(cases)(
    'GIVEN %s WHEN trained THEN a clear error, a non-zero exit, and the previous run untouched',
    async (_name, makeData, extra, messages) => {
      const result = await train(makeData(), ...extra);
      expect(result.code).not.toBe(0);
      for (const message of messages) expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/^\s+at /m); // a message for people, not a stack trace
      expect({ run: activeRunFingerprint(db), models: hashTree(models) }).toEqual(before);
      expect(readdirSync(models).filter((name) => name.endsWith('.partial'))).toEqual([]);
    },
    TIMEOUT,
  );
});

describe('npm run train: the data set is missing', () => {
  let server: Server;
  let url = '';
  let sawPartFile = false;
  const home = join(dir, 'fresh');
  const dataPath = join(home, 'data', 'dataset.csv');
  beforeAll(async () => {
    server = createServer((_request, response) => {
      // Half the file, then wait until the CLI has written it to the .part file, then the rest.
      const body = Buffer.from(SMALL_CSV);
      const half = Math.floor(body.length / 2);
      response.writeHead(200, { 'content-length': body.length, 'content-type': 'text/csv' });
      response.write(body.subarray(0, half));
      const started = Date.now();
      const poll = setInterval(() => {
        if (!existsSync(`${dataPath}.part`) && Date.now() - started < 10_000) return;
        clearInterval(poll);
        sawPartFile = existsSync(`${dataPath}.part`) && !existsSync(dataPath);
        response.end(body.subarray(half));
      }, 20);
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dataset.csv`;
  });
  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

  const trainFresh = (datasetUrl: string) =>
    runTrainCli(
      ['--db', join(home, 'db.sqlite'), '--models', join(home, 'models'), '--epochs', '2'],
      { NEXTBEAT_DATA: dataPath, NEXTBEAT_DATASET_URL: datasetUrl },
    );

  it(
    'GIVEN no --data and no file at NEXTBEAT_DATA WHEN trained THEN downloads via a .part file and trains',
    async () => {
      const result = await trainFresh(url);
      expect(result.code, result.stderr).toBe(0);
      expect(sawPartFile).toBe(true);
      expect(existsSync(dataPath)).toBe(true);
      expect(existsSync(`${dataPath}.part`)).toBe(false);
      expect(result.stderr).toMatch(/^Downloading data set: done in/m);
      expect(result.stdout).toContain('tracks stored: 242');
    },
    TIMEOUT,
  );

  it(
    'GIVEN the server is down WHEN trained THEN fails saying where to put the file',
    async () => {
      rmSync(home, { recursive: true, force: true });
      const down = createServer();
      await new Promise<void>((listening) => down.listen(0, '127.0.0.1', listening));
      const port = (down.address() as AddressInfo).port;
      await new Promise<void>((closed) => down.close(() => closed()));

      const result = await trainFresh(`http://127.0.0.1:${port}/dataset.csv`);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Could not download the data set');
      expect(result.stderr).toContain('connection refused');
      expect(result.stderr).toContain(`save it as ${dataPath}`);
      expect(existsSync(dataPath)).toBe(false);
      expect(existsSync(`${dataPath}.part`)).toBe(false);
    },
    TIMEOUT,
  );
});
