import { describe, expect, it } from 'vitest';
import { comparisonEmbed, failureReply } from '../../src/bot/retrain/retrainReport.ts';
import type { RunRecord } from '../../src/db/runTypes.ts';

const run = (id: string, dataFile: string) =>
  ({
    id,
    dataFile,
    counts: { rowsRead: 10, rowsSkipped: 0, tracks: 10 },
    metrics: { trainMse: 0.01, valMse: 0.01, meanBaselineMse: 0.05, epochsRun: 3, history: {} },
  }) as RunRecord;

const dataLine = (value: string | undefined) => value?.split('\n').at(-1);

describe('comparisonEmbed', () => {
  it('GIVEN a new run trained on an upload WHEN compared THEN it is named by the attached file, not the stored one', () => {
    const embed = comparisonEmbed(
      run('r1', '/srv/data/dataset.csv'),
      run('r2', '/srv/data/uploads/upload-0b6f4a52-1f7e-4d3c-9a6e-2b1c3d4e5f60.csv'),
      'my\\_tracks.csv',
    ).toJSON();
    expect(dataLine(embed.fields?.[0]?.value)).toBe('data dataset.csv');
    expect(dataLine(embed.fields?.[1]?.value)).toBe('data my\\_tracks.csv');
  });

  it('GIVEN the previous run trained on an upload since deleted WHEN compared THEN it says so instead of a made-up name', () => {
    const embed = comparisonEmbed(
      run('r1', '/srv/data/uploads/upload-0b6f4a52-1f7e-4d3c-9a6e-2b1c3d4e5f60.csv'),
      run('r2', '/srv/data/dataset.csv'),
    ).toJSON();
    expect(dataLine(embed.fields?.[0]?.value)).toBe('data an upload (deleted after training)');
    expect(dataLine(embed.fields?.[1]?.value)).toBe('data dataset.csv');
  });
});

describe('failureReply', () => {
  it('GIVEN a 5,000-character reason WHEN replied THEN it fits in 2,000 characters and ends naming the run that serves on', () => {
    const text = failureReply(`bad ${'x'.repeat(5000)}`, run('r1', 'd.csv'));
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text.startsWith('Retraining failed: bad x')).toBe(true);
    expect(text.endsWith('\nThe previous model (`r1`) keeps serving.')).toBe(true);
  });
});
