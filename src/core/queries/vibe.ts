// Vibe queries: tracks closest to target audio features, with hard bounds, the others left free.
//
// Ranking: distance = root mean square of the scaled (0-1) differences over the targeted features
// only, minus the popularity mode's weight x popularity / 100, plus the listener's adjustScore (as
// for /recommend); similarity = round(100 * (1 - distance)). Unspecified features play no part.
// Without targets, popularity ranks alone (at the balanced weight, so adjustScore means the same).
import type { Track } from '../../data/track.ts';
import type { TrackCatalog } from '../catalog/index.ts';
import { InvalidQueryError } from '../errors.ts';
import { FEATURE_COUNT, featureColumn, scaleValue, scaledAt } from '../catalog/index.ts';
import { popularityRule } from './popularityMode.ts';
import { formatTargetComparison } from './featureFormat.ts';
import { encodeLatent } from '../latent/index.ts';
import { createResultSelector } from './resultSelector.ts';
import { TopK } from '../neighbours/index.ts';
import { compileTrackFilter } from './trackFilter.ts';
import type { CompiledVibe, FeatureTargets, VibeQuery } from './vibeQuery.ts';
import { compileVibe } from './vibeQuery.ts';

/** Reason lines name at most this many targeted features. */
const REASON_FEATURES = 4;

/** One track matching a vibe. */
export interface VibeMatch {
  index: number;
  track: Track;
  /** RMS of scaled differences over the targeted features (0 = exact). */
  distance: number;
  /** 0-100: round(100 * (1 - distance)); 100 when only bounds were given. */
  similarity: number;
  /** e.g. "energy 0.91 (target 0.90), tempo 127 BPM (target 128)". */
  reason: string;
}

/** The tracks closest to the targets that satisfy every bound and filter, varied by song and artist. */
export function findTracksByVibe(catalog: TrackCatalog, query: VibeQuery): VibeMatch[] {
  const count = query.count ?? 5;
  const maxPerArtist = query.maxPerArtist ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    throw new InvalidQueryError(`Count must be a whole number from 1 to 100, got ${count}.`);
  }
  if (!(maxPerArtist >= 1)) {
    throw new InvalidQueryError(`At most ${maxPerArtist} songs per artist leaves nothing to show.`);
  }
  const vibe = compileVibe(catalog, query);
  if (vibe.targetColumns.length === 0 && vibe.boundColumns.length === 0 && !query.genre) {
    throw new InvalidQueryError('Give at least one target feature, bound or genre.');
  }
  const rule = popularityRule(query.popularity);
  const bounded = query.minPopularity !== undefined || query.maxPopularity !== undefined;
  const passes = compileTrackFilter(
    catalog,
    bounded
      ? query
      : { ...query, minPopularity: rule.minPopularity, maxPopularity: rule.maxPopularity },
  );
  const excluded = query.excludeTracks;
  const filter =
    excluded && excluded.size > 0 ? (i: number) => !excluded.has(i) && passes(i) : passes;
  const steering = { weight: rule.weight / 100, adjustScore: query.adjustScore };
  for (let keep = Math.max(64, count * 8); ; keep *= 4) {
    const ranked = scan(catalog, vibe, filter, keep, steering);
    const select = createResultSelector(catalog, maxPerArtist);
    const chosen = ranked.filter(({ index }) => select(index)).slice(0, count);
    if (chosen.length >= count || ranked.length < keep) {
      // Chosen by score, shown closest first (popularity changes the choice, not the display).
      return chosen
        .map(({ index }) => toMatch(catalog, vibe, index))
        .sort((a, b) => a.distance - b.distance || a.index - b.index);
    }
  }
}

/** Balanced popularity weight per popularity point: how popularity ranks a vibe with no targets. */
const BOUNDS_ONLY_WEIGHT = popularityRule('balanced').weight / 100;

/**
 * The `keep` best eligible tracks by (distance - weight x popularity + adjustScore, index). With
 * no targets every track is at distance 0 and popularity decides, at the balanced weight.
 */
function scan(
  catalog: TrackCatalog,
  vibe: CompiledVibe,
  filter: (index: number) => boolean,
  keep: number,
  { weight, adjustScore }: { weight: number; adjustScore?: (index: number) => number },
): { key: number; index: number }[] {
  const { raw, min, max } = catalog.featureTable;
  const { targetColumns, targetScaled, boundColumns, boundMin, boundMax } = vibe;
  const targets = targetColumns.length;
  const bounds = boundColumns.length;
  // Each target's column scaled as scaleValue does, inlined: this loop runs over every track.
  const lows = Float64Array.from(targetColumns, (c) => min[c] as number);
  const inverseSpans = Float64Array.from(targetColumns, (c, t) => {
    const span = (max[c] as number) - (lows[t] as number);
    return span > 0 ? 1 / span : 0; // a zero span scales everything to 0
  });
  const top = new TopK(keep);
  outer: for (let i = 0, row = 0; i < catalog.size; i++, row += FEATURE_COUNT) {
    for (let b = 0; b < bounds; b++) {
      const v = raw[row + (boundColumns[b] as number)] as number;
      // NaN fails both comparisons' negation below, so unknown values never pass a bound.
      if (!(v >= (boundMin[b] as number) && v <= (boundMax[b] as number))) continue outer;
    }
    let sum = 0;
    for (let t = 0; t < targets; t++) {
      const value = raw[row + (targetColumns[t] as number)] as number;
      const scaled = (value - (lows[t] as number)) * (inverseSpans[t] as number);
      // Clamped to [0, 1]; NaN (unknown) fails both tests and stays NaN.
      const diff = (scaled < 0 ? 0 : scaled > 1 ? 1 : scaled) - (targetScaled[t] as number);
      sum += diff * diff;
    }
    const popularity = catalog.popularity[i] as number;
    const key =
      (targets > 0
        ? Math.sqrt(sum / targets) - weight * Math.max(0, popularity)
        : -BOUNDS_ONLY_WEIGHT * popularity) + (adjustScore ? adjustScore(i) : 0);
    // The cheap distance check first: the filter closure only runs for would-be results.
    if (Number.isNaN(key) || top.rejects(key) || !filter(i)) continue;
    top.push(key, i);
  }
  return top.sorted();
}

function toMatch(catalog: TrackCatalog, vibe: CompiledVibe, index: number): VibeMatch {
  const distance = targetDistance(catalog, vibe, index);
  const similarity = Math.max(0, Math.min(100, Math.round(100 * (1 - distance))));
  const row = index * FEATURE_COUNT;
  const reason = vibe.targetFeatures
    .slice(0, REASON_FEATURES)
    .map((feature, t) =>
      formatTargetComparison(
        feature,
        catalog.featureTable.raw[row + (vibe.targetColumns[t] as number)] as number,
        vibe.targetRaw[t] as number,
      ),
    )
    .join(', ');
  return {
    index,
    track: catalog.track(index),
    distance,
    similarity,
    reason: reason || 'within every bound',
  };
}

/** RMS of the scaled differences over the targeted features (0 without targets). */
function targetDistance(catalog: TrackCatalog, vibe: CompiledVibe, index: number): number {
  const targets = vibe.targetColumns.length;
  let sum = 0;
  for (let t = 0; t < targets; t++) {
    const diff =
      scaledAt(catalog.featureTable, index, vibe.targetColumns[t] as number) -
      (vibe.targetScaled[t] as number);
    sum += diff * diff;
  }
  return targets > 0 ? Math.sqrt(sum / targets) : 0;
}

/**
 * Where a vibe sits in latent space, for display: only when every training feature has a target
 * (otherwise null, since the model cannot leave a feature free). Ranking never uses it.
 */
export function encodeVibe(catalog: TrackCatalog, targets: FeatureTargets): Float64Array | null {
  const { min, max } = catalog.featureTable;
  const input: number[] = [];
  for (const feature of catalog.features) {
    const value = targets[feature];
    if (value === undefined) return null;
    const c = featureColumn(feature);
    input.push(scaleValue(value, min[c] as number, (max[c] as number) - (min[c] as number)));
  }
  return encodeLatent([...catalog.encoder], input);
}
