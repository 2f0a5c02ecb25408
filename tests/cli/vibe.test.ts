import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainedModel } from '../helpers/trainedModel.ts';
import { trainSmallModel } from '../helpers/trainedModel.ts';
import { runCliProcess } from './runCliProcess.ts';

const vibe = (...args: string[]) => runCliProcess('src/cli/vibe.ts', args);

describe('npm run vibe', () => {
  let model: TrainedModel;
  beforeAll(async () => {
    model = await trainSmallModel();
  }, 120_000);
  afterAll(() => rmSync(model.dir, { recursive: true, force: true }));

  it('GIVEN targets WHEN run THEN a table of the closest songs with their feature values', () => {
    const run = vibe(
      '--energy',
      '0.9',
      '--danceability',
      '0.8',
      '--tempo',
      '128',
      '--db',
      model.dbPath,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/#\s+Title\s+Artists\s+Genre\s+Match\s+Features\s+Link/);
    expect(run.stdout.split('\n').filter((line) => /^\s*\d+\s/.test(line))).toHaveLength(5);
    expect(run.stdout).toContain('(target 0.90)');
  });

  it('GIVEN hard bounds and --json WHEN run THEN every result satisfies them', () => {
    const run = vibe(
      ...['--valence', '0.5', '--min-energy', '0.4', '--max-tempo', '150'],
      ...['--count', '4', '--json', '--db', model.dbPath],
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      results: { features: { energy: number; tempo: number } }[];
    };
    expect(out.results).toHaveLength(4);
    for (const r of out.results) {
      expect(r.features.energy).toBeGreaterThanOrEqual(0.4);
      expect(r.features.tempo).toBeLessThanOrEqual(150);
    }
  });

  it('GIVEN a genre WHEN run THEN only songs of that genre are listed', () => {
    const run = vibe('--energy', '0.5', '--genre', 'jazz', '--json', '--db', model.dbPath);
    const out = JSON.parse(run.stdout) as { results: { genres: string[] }[] };
    expect(out.results).toHaveLength(5);
    for (const r of out.results) expect(r.genres).toContain('jazz');
  });

  it('GIVEN an out-of-range value WHEN run THEN a usage error names the option', () => {
    const run = vibe('--energy', '1.5', '--db', model.dbPath);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--energy');
    const bound = vibe('--max-tempo', '-3', '--db', model.dbPath);
    expect(bound.code).toBe(2);
    expect(bound.stderr).toContain('--max-tempo');
  });

  it('GIVEN no target at all WHEN run THEN it asks for one', () => {
    const run = vibe('--db', model.dbPath);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('at least one target');
  });
});
