// Local timing of the core on synthetic catalogs (not a test): npx tsx tests/core/timeCore.ts [size] [copies]
import { TrackCatalog } from '../../src/core/catalog.ts';
import { recommendFromTrack } from '../../src/core/recommend.ts';
import { searchTitles } from '../../src/core/titleSearch.ts';
import { findTracksByVibe } from '../../src/core/vibe.ts';
import type { CatalogSource } from '../../src/core/catalogSource.ts';
import {
  jitterCopies,
  makeSyntheticTracks,
  seededRandom,
  sourceFromTracks,
} from './syntheticCatalog.ts';

function percentiles(run: (i: number) => void, iterations: number): { p50: number; p99: number } {
  for (let i = 0; i < Math.min(200, iterations); i++) run(i);
  const times = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    run(i);
    times[i] = performance.now() - start;
  }
  times.sort();
  const at = (q: number): number =>
    Number((times[Math.floor(q * (iterations - 1))] as number).toFixed(4));
  return { p50: at(0.5), p99: at(0.99) };
}

function typo(text: string, random: () => number): string {
  const chars = [...text];
  const at = 1 + Math.floor(random() * Math.max(1, chars.length - 2));
  const a = chars[at - 1] as string;
  chars[at - 1] = chars[at] ?? a;
  chars[at] = a;
  return chars.join('');
}

function measure(label: string, source: CatalogSource): void {
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const start = performance.now();
  const catalog = new TrackCatalog(source);
  const buildMs = performance.now() - start;
  globalThis.gc?.();
  const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const random = seededRandom(11);
  const picks = Array.from({ length: 5000 }, () => Math.floor(random() * catalog.size));
  const queries = picks.map((i, k) => {
    const title = catalog.tracks[i]?.title ?? '';
    if (k % 3 === 0) return title.slice(0, 3 + (k % 7));
    if (k % 3 === 1) return typo(title, random);
    return title;
  });
  const vibes = picks.map((_, k) => ({
    targets: { energy: random(), danceability: random(), tempo: 80 + random() * 80 },
    ...(k % 4 === 0 ? { min: { valence: 0.5 } } : {}),
  }));
  const result = {
    catalog: label,
    tracks: catalog.size,
    buildMs: Number(buildMs.toFixed(1)),
    catalogMemoryMB: Number(((heapAfter - heapBefore) / 2 ** 20).toFixed(1)),
    recommendMs: percentiles((i) => recommendFromTrack(catalog, picks[i] as number), picks.length),
    recommendGenreMs: percentiles(
      (i) => recommendFromTrack(catalog, picks[i] as number, { sameGenre: true, noExplicit: true }),
      picks.length,
    ),
    titleSearchMs: percentiles((i) => searchTitles(catalog, queries[i] as string), queries.length),
    vibeMs: percentiles((i) => findTracksByVibe(catalog, vibes[i % vibes.length]!), 500),
  };
  console.log(JSON.stringify(result));
}

const size = Number(process.argv[2] ?? 114_000);
const copies = Number(process.argv[3] ?? 0);
const base = sourceFromTracks(makeSyntheticTracks(size));
measure(`synthetic-${size}`, base);
if (copies > 1) measure(`synthetic-${size}x${copies}`, jitterCopies(base, copies));
