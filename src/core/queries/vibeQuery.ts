// Checks a vibe query and turns it into flat arrays the scan loop can read without allocating.
import type { AudioFeature } from '../../data/track.ts';
import { FEATURE_SPECS, isAudioFeature } from '../../data/track.ts';
import type { TrackCatalog } from '../catalog/index.ts';
import { InvalidQueryError } from '../errors.ts';
import { featureColumn, scaleValue } from '../catalog/index.ts';
import type { PopularityMode } from './popularityMode.ts';
import type { TrackFilterOptions } from './trackFilter.ts';

/** Feature values in raw units: tempo in BPM, loudness in dB, duration in ms, the rest 0-1. */
export type FeatureTargets = Partial<Record<AudioFeature, number>>;

/** What Spotify's retired recommendations endpoint took: targets, hard bounds and filters. */
export interface VibeQuery extends TrackFilterOptions {
  /** Ranked by closeness over these features only; the others are left free. */
  targets: FeatureTargets;
  /** Hard bounds: every result satisfies each one. */
  min?: FeatureTargets;
  max?: FeatureTargets;
  /** Results, 1-100 (default 5). */
  count?: number;
  /** Songs per primary artist (default 1; Infinity for no cap). */
  maxPerArtist?: number;
  /** How much popularity weighs (default balanced, see popularityMode.ts). */
  popularity?: PopularityMode;
  /** Tracks never to return (a listener's dislikes), as for recommendations. */
  excludeTracks?: ReadonlySet<number>;
  /** Added to a candidate's score (lower ranks first): a listener's taste, as for recommendations. */
  adjustScore?: (index: number) => number;
}

/** A vibe query as column numbers and scaled targets. */
export interface CompiledVibe {
  targetFeatures: AudioFeature[];
  targetColumns: Int32Array;
  targetScaled: Float64Array;
  targetRaw: Float64Array;
  boundColumns: Int32Array;
  boundMin: Float32Array;
  boundMax: Float32Array;
}

/** Validates targets and bounds against the documented ranges and what the catalog knows. */
export function compileVibe(catalog: TrackCatalog, query: VibeQuery): CompiledVibe {
  const { min: lows, max: highs } = catalog.featureTable;
  const targets = entries(catalog, query.targets, 'target');
  const bounds = new Map<AudioFeature, [number, number]>();
  for (const [feature, value] of entries(catalog, query.min, 'minimum')) {
    bounds.set(feature, [value, Infinity]);
  }
  for (const [feature, value] of entries(catalog, query.max, 'maximum')) {
    const low = bounds.get(feature)?.[0] ?? -Infinity;
    if (low > value) {
      throw new InvalidQueryError(
        `The minimum ${feature} (${low}) is above its maximum (${value}).`,
      );
    }
    bounds.set(feature, [low, value]);
  }
  const targetColumns = Int32Array.from(targets, ([feature]) => featureColumn(feature));
  return {
    targetFeatures: targets.map(([feature]) => feature),
    targetColumns,
    targetRaw: Float64Array.from(targets, ([, value]) => value),
    targetScaled: Float64Array.from(targets, ([, value], k) => {
      const c = targetColumns[k] as number;
      return scaleValue(value, lows[c] as number, (highs[c] as number) - (lows[c] as number));
    }),
    boundColumns: Int32Array.from(bounds.keys(), (feature) => featureColumn(feature)),
    // Rounded as the stored values are, so a bound of exactly a track's value includes it.
    boundMin: Float32Array.from(bounds.values(), ([low]) => low),
    boundMax: Float32Array.from(bounds.values(), ([, high]) => high),
  };
}

function entries(
  catalog: TrackCatalog,
  values: FeatureTargets | undefined,
  what: string,
): [AudioFeature, number][] {
  const out: [AudioFeature, number][] = [];
  for (const [name, value] of Object.entries(values ?? {})) {
    if (value === undefined) continue;
    if (!isAudioFeature(name)) throw new InvalidQueryError(`"${name}" is not an audio feature.`);
    const spec = FEATURE_SPECS[name];
    if (!Number.isFinite(value) || value < spec.min || value > spec.max) {
      throw new InvalidQueryError(
        `The ${what} ${name} must be from ${spec.min} to ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}, got ${value}.`,
      );
    }
    if (!catalog.featureTable.known[featureColumn(name)]) {
      throw new InvalidQueryError(`This catalog has no ${name} values to compare with.`);
    }
    out.push([name, value]);
  }
  return out;
}
