// Hard limits typed as text, the way Spotify's retired endpoint took min_ and max_ values:
// "tempo 120-130, energy > 0.8, speechiness < 0.2". Parsed into bounds; every result meets them.
import type { AudioFeature } from '../../data/track.ts';
import { FEATURE_SPECS, isAudioFeature } from '../../data/track.ts';
import { InvalidQueryError } from '../errors.ts';
import { formatFeatureValue } from './featureFormat.ts';
import type { FeatureTargets } from './vibeQuery.ts';

/** Bounds in raw units (BPM, dB, 0-1); a missing side is open. */
export interface FeatureLimits {
  min: FeatureTargets;
  max: FeatureTargets;
}

/** Words listeners use for features, beside the features' own names. */
const ALIASES: Record<string, AudioFeature> = {
  bpm: 'tempo',
  mood: 'valence',
  happiness: 'valence',
  dance: 'danceability',
  danceable: 'danceability',
  acoustic: 'acousticness',
  instrumental: 'instrumentalness',
  speech: 'speechiness',
  words: 'speechiness',
  live: 'liveness',
  loud: 'loudness',
};

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const RANGE = new RegExp(String.raw`^([a-z_ ]+?)\s*(${NUMBER})\s*(?:-|–|to)\s*(${NUMBER})$`);
const COMPARISON = new RegExp(String.raw`^([a-z_ ]+?)\s*(>=|<=|>|<|=)\s*(${NUMBER})$`);

/** Parses "feature lo-hi" and "feature >|>=|<|<=|= x" clauses separated by commas or semicolons. */
export function parseFeatureLimits(text: string): FeatureLimits {
  const limits: FeatureLimits = { min: {}, max: {} };
  for (const clause of text
    .toLowerCase()
    .split(/[,;]/)
    .map((c) => c.trim())
    .filter(Boolean)) {
    const range = RANGE.exec(clause);
    const comparison = COMPARISON.exec(clause);
    if (range) {
      const feature = featureNamed(range[1] as string, clause);
      setBound(limits, feature, Math.min(Number(range[2]), Number(range[3])), 'min');
      setBound(limits, feature, Math.max(Number(range[2]), Number(range[3])), 'max');
    } else if (comparison) {
      const feature = featureNamed(comparison[1] as string, clause);
      const [op, value] = [comparison[2] as string, Number(comparison[3])];
      if (op !== '<' && op !== '<=') setBound(limits, feature, value, 'min');
      if (op !== '>' && op !== '>=') setBound(limits, feature, value, 'max');
    } else {
      throw new InvalidQueryError(
        `Cannot read the limit "${clause}": write it like "tempo 120-130" or "energy > 0.8".`,
      );
    }
  }
  return limits;
}

/** "tempo 120-130 BPM, energy at least 0.80": the limits as a reply shows them. */
export function describeFeatureLimits({ min, max }: FeatureLimits): string {
  const features = [...new Set([...Object.keys(min), ...Object.keys(max)])] as AudioFeature[];
  return features
    .map((feature) => {
      const [low, high] = [min[feature], max[feature]];
      const show = (value: number): string => formatFeatureValue(feature, value);
      if (low !== undefined && high !== undefined)
        return `${feature} ${show(low)} to ${show(high)}`;
      return low !== undefined
        ? `${feature} at least ${show(low)}`
        : `${feature} at most ${show(high as number)}`;
    })
    .join(', ');
}

function featureNamed(word: string, clause: string): AudioFeature {
  const name = word.trim().replace(/\s+/g, '_');
  const feature = isAudioFeature(name) ? name : ALIASES[name];
  if (!feature || feature === 'duration_ms') {
    throw new InvalidQueryError(
      `"${word.trim()}" in "${clause}" is not a feature I know: try tempo, energy, danceability, mood, acousticness, instrumentalness, speechiness, liveness or loudness.`,
    );
  }
  return feature;
}

function setBound(
  limits: FeatureLimits,
  feature: AudioFeature,
  value: number,
  side: 'min' | 'max',
): void {
  const spec = FEATURE_SPECS[feature];
  if (value < spec.min || value > spec.max) {
    throw new InvalidQueryError(
      `A ${feature} limit must be from ${spec.min} to ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}, got ${value}.`,
    );
  }
  const bounds = limits[side];
  const current = bounds[feature];
  // Two limits on one side keep the tighter one.
  bounds[feature] =
    current === undefined
      ? value
      : side === 'min'
        ? Math.max(current, value)
        : Math.min(current, value);
}
