import { describe, expect, it } from 'vitest';
import { drawLatentPlot } from '../../src/eval/latentPlot.ts';
import { drawLossCurve } from '../../src/eval/lossCurvePlot.ts';
import { GENRE_FAMILIES, genreFamilyOf } from '../../src/eval/genreFamilies.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, after checking the signature and chunk type. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(Array.from(png.subarray(0, 8))).toEqual(PNG_SIGNATURE);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('PNG pictures', () => {
  it('draws the latent space as a valid PNG of the asked size', () => {
    // GIVEN a few 3-D codes with families
    const codes = Float32Array.from({ length: 60 }, (_, i) => Math.sin(i));
    const families = Uint8Array.from({ length: 20 }, (_, i) => i % 6);
    // WHEN drawn at 640 x 360
    const png = drawLatentPlot({
      codes,
      dim: 3,
      families,
      familyNames: GENRE_FAMILIES,
      title: 't',
      width: 640,
      height: 360,
    });
    // THEN it is a PNG of that size
    expect(pngSize(png)).toEqual({ width: 640, height: 360 });
  });

  it('draws the loss curve as a valid PNG of the asked size', () => {
    const png = drawLossCurve({
      loss: [0.05, 0.02, 0.01],
      valLoss: [0.04, 0.02, 0.015],
      bestEpoch: 3,
      title: 't',
      width: 500,
      height: 300,
    });
    expect(pngSize(png)).toEqual({ width: 500, height: 300 });
  });
});

describe('genre families', () => {
  it('maps genres to their family and unknown ones to pop/other', () => {
    expect(GENRE_FAMILIES[genreFamilyOf(['death-metal'])]).toBe('rock/metal');
    expect(GENRE_FAMILIES[genreFamilyOf(['k-pop', 'techno'])]).toBe('electronic/dance');
    expect(GENRE_FAMILIES[genreFamilyOf(['k-pop'])]).toBe('pop/other');
    expect(GENRE_FAMILIES[genreFamilyOf([])]).toBe('pop/other');
  });
});
