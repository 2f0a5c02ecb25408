// `npm run train -- --columns ...`: training on a file whose names nothing recognises, and bad mappings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../data/tempFiles.ts';
import { hashTree, runTrainCli } from './trainProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'nextbeat-columns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = join(FIXTURES, 'layouts', 'custom-names.csv');
const train = (...args: string[]) =>
  runTrainCli([
    '--data',
    data,
    '--db',
    join(dir, 'db.sqlite'),
    '--models',
    join(dir, 'models'),
    '--epochs',
    '2',
    ...args,
  ]);

describe('npm run train --columns', () => {
  it('GIVEN a mapping WHEN trained THEN exits 0 and the summary names the column taken for each field', async () => {
    const run = await train('--columns', 'title=piece,artists=singer,genres=mood,tempo=speed');

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('tracks stored: 6');
    expect(run.stdout).toMatch(
      /columns \(generic\): id derived from title and artists, title from 'piece', artists from 'singer', genres from 'mood'; audio features: 8 by their own name, tempo from 'speed'/,
    );
  }, 60_000);

  it('GIVEN an unknown field WHEN trained THEN exits 2 naming it, and nothing is written', async () => {
    const before = hashTree(dir);
    const run = await train('--columns', 'title=piece,singer=artist');

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "--columns: unknown field 'singer'; fields are id, title, artists",
    );
    expect(hashTree(dir)).toBe(before);
  }, 60_000);

  it('GIVEN a column the header lacks WHEN trained THEN exits 1 naming the pair and the columns found', async () => {
    const run = await train('--columns', 'title=piece,artists=vocalist,tempo=speed');

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /custom-names\.csv, line 1: the column mapping names column\(s\) this header lacks: artists=vocalist; found columns: piece, singer, mood/,
    );
  }, 60_000);
});
