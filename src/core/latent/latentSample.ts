// A seeded random sample of tracks' latent vectors with their genre families, for the latent map.
import { genreFamilyOf } from './genreFamilies.ts';

/** `count` rows (or all, if fewer) of `vectors`, chosen with a seeded generator, and their families. */
export function sampleLatentMap(
  vectors: Float32Array,
  dim: number,
  genresOf: (row: number) => readonly string[],
  count: number,
  seed: number,
): { codes: Float32Array; families: Uint8Array } {
  const n = vectors.length / dim;
  const size = Math.min(n, count);
  const codes = new Float32Array(size * dim);
  const families = new Uint8Array(size);
  let state = seed >>> 0;
  for (let i = 0; i < size; i++) {
    // xorshift32: small, seeded and good enough to pick rows.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const row = size === n ? i : (state >>> 0) % n;
    codes.set(vectors.subarray(row * dim, (row + 1) * dim), i * dim);
    families[i] = genreFamilyOf(genresOf(row));
  }
  return { codes, families };
}
