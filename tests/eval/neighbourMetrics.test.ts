import { describe, expect, it } from 'vitest';
import { buildGenreTable } from '../../src/core/catalog/genreTable.ts';
import { chanceGenrePrecision, genrePrecisionAtK } from '../../src/eval/genrePrecision.ts';
import { nearestForQueries } from '../../src/eval/exactNeighbours.ts';
import { neighbourOverlap, trustworthiness } from '../../src/eval/neighbourhoodPreservation.ts';
import type { Track } from '../../src/data/track.ts';
import { mulberry32 } from '../../src/ml/seededShuffle.ts';

const withGenres = (genres: string[][]) => genres.map((g) => ({ genres: g }) as unknown as Track);

describe('genre precision@k', () => {
  it('counts neighbours sharing any merged genre, on a hand-made example', () => {
    // GIVEN four tracks: 0 is rock+pop, 1 rock, 2 jazz, 3 pop
    const table = buildGenreTable(withGenres([['rock', 'pop'], ['rock'], ['jazz'], ['pop']]));
    // WHEN track 0's neighbours are 1, 2, 3 (in that order)
    const queries = Int32Array.from([0]);
    const neighbours = Int32Array.from([1, 2, 3]);
    // THEN p@1 = 1, p@2 = 1/2, p@3 = 2/3
    expect(genrePrecisionAtK(table, queries, neighbours, 3, 1)).toBe(1);
    expect(genrePrecisionAtK(table, queries, neighbours, 3, 2)).toBe(0.5);
    expect(genrePrecisionAtK(table, queries, neighbours, 3, 3)).toBeCloseTo(2 / 3, 12);
    // AND chance is the share of the other songs sharing a genre: 2 of 3
    const songs = Int32Array.from([0, 1, 2, 3]);
    expect(chanceGenrePrecision(table, queries, songs)).toBeCloseTo(2 / 3, 12);
  });
});

describe('nearest neighbours of a sample', () => {
  it('skips the query and its other releases, and the tree agrees with brute force', () => {
    // GIVEN points on a line where rows 0 and 1 are the same song
    const points = Float32Array.from([0, 0, 0.1, 0, 0.3, 0, 0.6, 0, 1, 0]);
    const songs = Int32Array.from([7, 7, 1, 2, 3]);
    // WHEN the 2 nearest of row 0 are asked
    const brute = nearestForQueries(
      { points, dim: 2, queries: Int32Array.from([0]), k: 2, songIds: songs },
      'scan',
    );
    const tree = nearestForQueries(
      { points, dim: 2, queries: Int32Array.from([0]), k: 2, songIds: songs },
      'tree',
    );
    // THEN rows 0 and 1 are skipped
    expect(Array.from(brute)).toEqual([2, 3]);
    expect(Array.from(tree)).toEqual([2, 3]);
  });
});

describe('neighbourhood preservation', () => {
  const random = mulberry32(4);
  const n = 300;
  const x = Float32Array.from({ length: n * 4 }, () => random());
  const songs = Int32Array.from({ length: n }, (_, i) => i);
  const queries = Int32Array.from({ length: 50 }, (_, i) => i * 5);
  const rawNeighbours = nearestForQueries(
    { points: x, dim: 4, queries, k: 10, songIds: songs },
    'scan',
  );

  it('gives trustworthiness 1 and full overlap for an identity embedding', () => {
    // WHEN the embedding is the data itself
    const low = nearestForQueries({ points: x, dim: 4, queries, k: 10, songIds: songs }, 'scan');
    // THEN nothing intrudes
    expect(trustworthiness(x, 4, queries, rawNeighbours, low, 10, songs)).toBe(1);
    expect(neighbourOverlap(rawNeighbours, low, queries.length, 10)).toBe(1);
  });

  it('scores a random embedding clearly lower', () => {
    // GIVEN an embedding unrelated to the data
    const other = Float32Array.from({ length: n * 2 }, () => random());
    const low = nearestForQueries(
      { points: other, dim: 2, queries, k: 10, songIds: songs },
      'scan',
    );
    // THEN trustworthiness is near 0.5 and overlap near 10 / n
    expect(trustworthiness(x, 4, queries, rawNeighbours, low, 10, songs)).toBeLessThan(0.7);
    expect(neighbourOverlap(rawNeighbours, low, queries.length, 10)).toBeLessThan(0.15);
  });
});
