import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHAPE_OF_YOU_IDS } from '../helpers/syntheticTracksCsv.ts';
import type { TrainedModel } from '../helpers/trainedModel.ts';
import { trainSmallModel } from '../helpers/trainedModel.ts';
import { runCliProcess } from './runCliProcess.ts';

const recommend = (...args: string[]) => runCliProcess('src/cli/recommend.ts', args);

describe('npm run recommend', () => {
  let model: TrainedModel;
  beforeAll(async () => {
    model = await trainSmallModel();
  }, 120_000);
  afterAll(() => rmSync(model.dir, { recursive: true, force: true }));

  it('GIVEN a known title WHEN run THEN it names the resolved song and prints a table of others', () => {
    const run = recommend('Shape of You', '--db', model.dbPath);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Shape of You - Ed Sheeran (exact title match)');
    expect(run.stdout).toMatch(/#\s+Title\s+Artists\s+Genre\s+Similarity\s+Why\s+Link/);
    const rows = run.stdout.split('\n').filter((line) => /^\s*\d+\s/.test(line));
    expect(rows).toHaveLength(5);
    expect(run.stdout).toContain('https://open.spotify.com/track/');
    expect(rows.join('\n')).not.toContain('Shape of You');
  });

  it('GIVEN --json, --count and filters WHEN run THEN JSON lists that many results honouring them', () => {
    const run = recommend(
      'Song pop 3',
      '--db',
      model.dbPath,
      '--json',
      '--count',
      '3',
      '--genre',
      'rock',
      '--no-explicit',
      '--max-per-artist',
      '2',
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      track: string;
      results: { genres: string[]; similarity: number; id: string }[];
    };
    expect(out.track).toContain('Song pop 3');
    expect(out.results).toHaveLength(3);
    for (const r of out.results) {
      expect(r.genres).toContain('rock');
      expect(r.similarity).toBeGreaterThanOrEqual(0);
      expect(r.similarity).toBeLessThanOrEqual(100);
      expect(SHAPE_OF_YOU_IDS).not.toContain(r.id);
    }
  });

  it('GIVEN a typo WHEN run THEN the closest title is used and runners-up are offered', () => {
    const run = recommend('Shap of Yuo', '--db', model.dbPath);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Shape of You - Ed Sheeran (closest spelling)');
  });

  it('GIVEN an unknown song WHEN run THEN it fails with exit 1 and suggestions on stderr', () => {
    const run = recommend('Zzong jazzq 99 qq', '--db', model.dbPath);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('No song matches "Zzong jazzq 99 qq"');
    expect(run.stderr).toContain('Did you mean');
  });

  it('GIVEN no trained database WHEN run THEN it says to run npm run train', () => {
    const run = recommend('Shape of You', '--db', join(model.dir, 'missing.sqlite'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('npm run train');
  });

  it('GIVEN a bad option value WHEN run THEN a usage error names the option', () => {
    const run = recommend('Shape of You', '--db', model.dbPath, '--count', '0');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--count');
  });
});
