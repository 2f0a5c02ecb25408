import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { chartAttachment, chartValues } from '../../src/bot/featureCharts.ts';
import { createLogger } from '../../src/logger.ts';

describe('chartAttachment', () => {
  it('GIVEN a renderer that throws WHEN attaching THEN it returns nothing and logs the error', async () => {
    let logged = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logged += String(chunk);
        done();
      },
    });
    const logger = createLogger({ format: 'json' }, sink);
    const attachment = await chartAttachment(
      'x.png',
      () => Promise.reject(new Error('canvas exploded')),
      logger,
    );
    expect(attachment).toBeUndefined();
    expect(logged).toContain('chart rendering failed');
    expect(logged).toContain('canvas exploded');
  });
});

describe('chartValues', () => {
  it('GIVEN raw units WHEN scaled for the chart THEN tempo and loudness map onto 0-1 and unknowns are left out', () => {
    expect(chartValues({ energy: 0.5, tempo: 130, loudness: -30, valence: undefined })).toEqual({
      energy: 0.5,
      tempo: 0.5,
      loudness: 0.5,
    });
  });
});
