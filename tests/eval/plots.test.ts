import { describe, expect, it } from 'vitest';
import { renderLatentMap } from '../../src/charts/index.ts';
import { GENRE_FAMILIES, genreFamilyOf } from '../../src/core/latent/genreFamilies.ts';
import { sampleLatentMap } from '../../src/core/latent/latentSample.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, after checking the signature and chunk type. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(Array.from(png.subarray(0, 8))).toEqual(PNG_SIGNATURE);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('PNG pictures', () => {
  it('draws the latent space as a valid PNG of the asked size', async () => {
    // GIVEN a few 3-D codes with families
    const codes = Float32Array.from({ length: 60 }, (_, i) => Math.sin(i));
    const families = Uint8Array.from({ length: 20 }, (_, i) => i % 6);
    // WHEN drawn at 640 x 360
    const png = await renderLatentMap({
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
});

describe('genre families', () => {
  it('maps genres to their family and unknown ones to pop/other', () => {
    expect(GENRE_FAMILIES[genreFamilyOf(['death-metal'])]).toBe('rock/metal');
    expect(GENRE_FAMILIES[genreFamilyOf(['k-pop', 'techno'])]).toBe('electronic/dance');
    expect(GENRE_FAMILIES[genreFamilyOf(['k-pop'])]).toBe('pop/other');
    expect(GENRE_FAMILIES[genreFamilyOf([])]).toBe('pop/other');
  });
});

describe('sampleLatentMap', () => {
  it('GIVEN more rows than asked WHEN sampling THEN the same seed picks the same rows, with families', () => {
    const vectors = Float32Array.from({ length: 300 }, (_, i) => i);
    const genres = (row: number) => (row % 2 ? ['techno'] : ['death-metal']);
    const a = sampleLatentMap(vectors, 3, genres, 10, 7);
    expect(a.codes).toEqual(sampleLatentMap(vectors, 3, genres, 10, 7).codes);
    expect(a.codes).toHaveLength(30);
    for (let i = 0; i < 10; i++) {
      const row = a.codes[i * 3]! / 3;
      expect(GENRE_FAMILIES[a.families[i]!]).toBe(row % 2 ? 'electronic/dance' : 'rock/metal');
    }
  });
});
