// The journey map: a path from the start marker to the end marker, drawn where the stops are.
import type { ImageData } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { JOURNEY_COLOURS, renderJourneyMap } from '../../src/charts/renderJourneyMap.ts';
import { pngSize } from '../helpers/pngHeader.ts';
import { countColour, pngPixels } from './pngImage.ts';

/** A cloud of 2,000 background songs spread over [0, 1]^3, and a diagonal journey across it. */
function input(stops: number[][]) {
  let state = 7;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return {
    codes: Float32Array.from({ length: 6000 }, random),
    dim: 3,
    families: Uint8Array.from({ length: 2000 }, (_, i) => i % 6),
    familyNames: ['a', 'b', 'c', 'd', 'e', 'f'],
    stops: Float32Array.from(stops.flat()),
    startLabel: 'Song A - Artist A',
    endLabel: 'Song B - Artist B',
    title: 'A journey',
  };
}

/** Mean x and y of the pixels of one colour inside the left panel (x below half the width). */
function centreOf(pixels: ImageData, hex: string): { x: number; y: number; n: number } {
  const target = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let [x, y, n] = [0, 0, 0];
  for (let py = 40; py < pixels.height - 60; py++) {
    for (let px = 0; px < pixels.width / 2; px++) {
      const p = (py * pixels.width + px) * 4;
      if (target.every((c, k) => Math.abs((pixels.data[p + k] ?? 0) - c) <= 12)) {
        x += px;
        y += py;
        n++;
      }
    }
  }
  return { x: x / n, y: y / n, n };
}

describe('renderJourneyMap', () => {
  it('GIVEN a journey from low to high DNA values WHEN drawn THEN the start marker sits lower left of the end marker, joined by the path', async () => {
    const stops = Array.from({ length: 8 }, (_, s) => [0.3 + s * 0.05, 0.3 + s * 0.05, 0.5]);
    const png = await renderJourneyMap(input(stops));
    expect(pngSize(png)).toEqual({ width: 1000, height: 520 });
    const pixels = await pngPixels(png);
    const start = centreOf(pixels, JOURNEY_COLOURS.start);
    const end = centreOf(pixels, JOURNEY_COLOURS.end);
    expect(start.n).toBeGreaterThan(100);
    expect(end.n).toBeGreaterThan(100);
    expect(start.x).toBeLessThan(end.x - 100);
    expect(start.y).toBeGreaterThan(end.y + 100); // lower on the canvas: smaller DNA 2
    // The white path and stop dots: far more white than the title and legend text alone.
    const alone = await pngPixels(await renderJourneyMap(input([stops[0]!, stops[0]!])));
    expect(countColour(pixels, JOURNEY_COLOURS.path, 10)).toBeGreaterThan(
      countColour(alone, JOURNEY_COLOURS.path, 10) + 500,
    );
  });
});
