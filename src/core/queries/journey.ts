// A journey: a playlist that walks from one song to another through the 3-D DNA. Waypoints are
// spaced evenly on the straight line between the two songs, in the latent space and in the audio
// features; each stop is a real track near its waypoint, chosen so that no step jumps much
// further than the others (a penalty on the squared step from the previous stop).
import type { Track } from '../../data/track.ts';
import type { TrackCatalog } from '../catalog/index.ts';
import { InvalidQueryError } from '../errors.ts';
import { similarityToSeed } from './similarity.ts';
import { featureDistance, featureSpaceOf, scaledFeaturesOf } from './featureSpace.ts';
import type { PopularityMode } from './popularityMode.ts';
import { popularityRule } from './popularityMode.ts';
import { rankNeighbourhood } from './ranking.ts';
import { compileSeedFilter } from './seedFilter.ts';
import type { TrackFilterOptions } from './trackFilter.ts';

export const MIN_STOPS = 5;
export const MAX_STOPS = 25;
/** Candidates considered around each waypoint. */
const CANDIDATES = 200;
/** Candidates each waypoint keeps for the path search. */
const PER_WAYPOINT = 12;
/** Weight of the squared step from the previous stop against the distance to the waypoint. */
const SMOOTHING = 10;

export interface JourneyOptions extends TrackFilterOptions {
  /** Stops including both ends, 5-25 (default 10). */
  stops?: number;
  popularity?: PopularityMode;
  excludeTracks?: ReadonlySet<number>;
}

/** One stop: its track, and its feature distance from the stop before (0 for the first). */
export interface JourneyStop {
  index: number;
  track: Track;
  /** Feature distance to the stop before (0 for the start). */
  step: number;
  /** Similarity 0-100 to the stop before, as seen from it (100 for the start). */
  similarity: number;
}

/** The stops from `from` to `to`, both included: one song per artist, no song twice. */
export function planJourney(
  catalog: TrackCatalog,
  from: number,
  to: number,
  options: JourneyOptions = {},
): JourneyStop[] {
  const stops = options.stops ?? 10;
  checkJourney(catalog, from, to, stops);
  const rule = popularityRule(options.popularity);
  const accept = compileSeedFilter(catalog, [from, to], options, rule);
  const layers = candidateLayers(catalog, from, to, stops, accept, rule.weight);
  const path = [from, ...cheapestPath(catalog, from, to, layers), to];
  const space = featureSpaceOf(catalog);
  return path.map((index, k) => {
    if (k === 0) return { index, track: catalog.track(index), step: 0, similarity: 100 };
    const before = scaledFeaturesOf(catalog, path[k - 1] as number);
    const step = featureDistance(space, before, index);
    return {
      index,
      track: catalog.track(index),
      step,
      similarity: similarityToSeed(space, before, step),
    };
  });
}

/** A waypoint's candidates: track indices and their ranking scores there. */
interface Layer {
  indices: number[];
  scores: number[];
}

/**
 * Candidates around each waypoint, handed out in turns (each waypoint takes its best free one,
 * up to PER_WAYPOINT), so every song and artist belongs to one waypoint only, never the end
 * songs' songs or artists, and any path through the layers repeats nothing.
 */
function candidateLayers(
  catalog: TrackCatalog,
  from: number,
  to: number,
  stops: number,
  accept: ((index: number) => boolean) | undefined,
  popularityWeight: number,
): Layer[] {
  const ranked = Array.from({ length: stops - 2 }, (_, k) => {
    const t = (k + 1) / (stops - 1);
    const waypoint = {
      latent: lerp(catalog.vectorOf(from), catalog.vectorOf(to), t),
      features: lerp(scaledFeaturesOf(catalog, from), scaledFeaturesOf(catalog, to), t),
      popularityWeight,
    };
    return rankNeighbourhood(catalog, waypoint, accept, CANDIDATES);
  });
  const artists = new Set([catalog.artistIds[from], catalog.artistIds[to]]);
  const songs = new Set([catalog.songIds[from], catalog.songIds[to]]);
  const layers: Layer[] = ranked.map(() => ({ indices: [], scores: [] }));
  for (let round = 0; round < PER_WAYPOINT; round++) {
    ranked.forEach((list, k) => {
      let next = list.next();
      while (
        next &&
        (artists.has(catalog.artistIds[next.index]) || songs.has(catalog.songIds[next.index]))
      )
        next = list.next();
      if (!next) return;
      artists.add(catalog.artistIds[next.index]);
      songs.add(catalog.songIds[next.index]);
      layers[k]?.indices.push(next.index);
      layers[k]?.scores.push(next.score);
    });
  }
  return layers.filter((layer) => layer.indices.length > 0);
}

/** Viterbi: the stops minimising the waypoint scores plus SMOOTHING x each squared step. */
function cheapestPath(catalog: TrackCatalog, from: number, to: number, layers: Layer[]): number[] {
  const space = featureSpaceOf(catalog);
  const step = (a: Float64Array, b: number): number => {
    const d = featureDistance(space, a, b);
    return SMOOTHING * d * d;
  };
  let previous = [from];
  let costs = [0];
  const back: number[][] = [];
  for (const layer of [...layers, { indices: [to], scores: [0] }]) {
    const features = previous.map((index) => scaledFeaturesOf(catalog, index));
    const nextCosts: number[] = [];
    const choices: number[] = [];
    layer.indices.forEach((index, j) => {
      let best = 0;
      let bestCost = Infinity;
      features.forEach((f, i) => {
        const cost = (costs[i] as number) + step(f, index);
        if (cost < bestCost) [best, bestCost] = [i, cost];
      });
      nextCosts.push(bestCost + (layer.scores[j] as number));
      choices.push(best);
    });
    back.push(choices);
    previous = layer.indices;
    costs = nextCosts;
  }
  // Walk back from the destination (the last layer's only entry).
  const path: number[] = [];
  let at = 0;
  for (let k = back.length - 1; k > 0; k--) {
    at = back[k]?.[at] as number;
    path.unshift(layers[k - 1]?.indices[at] as number);
  }
  return path;
}

function checkJourney(catalog: TrackCatalog, from: number, to: number, stops: number): void {
  for (const end of [from, to]) {
    if (!Number.isInteger(end) || end < 0 || end >= catalog.size) {
      throw new RangeError(`Track index ${end} is outside the catalog (0..${catalog.size - 1})`);
    }
  }
  if (!Number.isInteger(stops) || stops < MIN_STOPS || stops > MAX_STOPS) {
    throw new InvalidQueryError(`A journey has ${MIN_STOPS} to ${MAX_STOPS} stops, got ${stops}.`);
  }
  if (catalog.songIds[from] === catalog.songIds[to]) {
    throw new InvalidQueryError('A journey needs two different songs: pick another end.');
  }
}

/** The point a fraction t of the way from a to b. */
function lerp(a: ArrayLike<number>, b: ArrayLike<number>, t: number): Float64Array {
  return Float64Array.from({ length: a.length }, (_, d) => {
    const x = a[d] as number;
    return x + ((b[d] as number) - x) * t;
  });
}
