// Seeded query sets for the benchmark: track picks, typed titles (prefixes, typos, full) and vibes.
import type { TrackCatalog } from '../../src/core/catalog/index.ts';
import type { VibeQuery } from '../../src/core/queries/index.ts';

/** Deterministic numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` track indices, plus what a person might type for each and a vibe to ask for. */
export function makeQueries(catalog: TrackCatalog, count: number, seed = 11) {
  const random = seededRandom(seed);
  const picks = Array.from({ length: count }, () => Math.floor(random() * catalog.size));
  const titles = picks.map((index, k) => {
    const title = catalog.columns.titles.at(index) as string;
    if (k % 3 === 0) return title.slice(0, 3 + (k % 7)); // typing in progress
    if (k % 3 === 1) return swapTwo(title, random); // a typo
    return title;
  });
  const vibes: VibeQuery[] = picks.map((_, k) => ({
    targets: { energy: random(), danceability: random(), tempo: 80 + random() * 80 },
    ...(k % 4 === 0 ? { min: { valence: 0.5 } } : {}),
  }));
  return { picks, titles, vibes };
}

function swapTwo(text: string, random: () => number): string {
  const chars = [...text];
  if (chars.length < 3) return text;
  const at = 1 + Math.floor(random() * (chars.length - 2));
  [chars[at - 1], chars[at]] = [chars[at] as string, chars[at - 1] as string];
  return chars.join('');
}
