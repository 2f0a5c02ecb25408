// The internal track schema every layer shares: what one song is, and which audio features exist.

/** Audio features a Spotify-style export may carry, in a fixed order. */
export const AUDIO_FEATURES = [
  'danceability',
  'energy',
  'key',
  'loudness',
  'mode',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
  'tempo',
  'duration_ms',
  'time_signature',
] as const;

export type AudioFeature = (typeof AUDIO_FEATURES)[number];

export interface FeatureSpec {
  /** Smallest and largest value accepted on ingest; rows outside are skipped. */
  min: number;
  max: number;
  unit: string;
  description: string;
}

/** Documented ranges (Spotify's audio-features reference, widened where real exports exceed it). */
export const FEATURE_SPECS: Record<AudioFeature, FeatureSpec> = {
  danceability: { min: 0, max: 1, unit: '', description: 'how suitable for dancing' },
  energy: { min: 0, max: 1, unit: '', description: 'intensity and activity' },
  key: { min: -1, max: 11, unit: 'pitch class', description: 'key, -1 when unknown' },
  loudness: { min: -60, max: 10, unit: 'dB', description: 'overall loudness' },
  mode: { min: 0, max: 1, unit: '', description: 'major (1) or minor (0)' },
  speechiness: { min: 0, max: 1, unit: '', description: 'presence of spoken words' },
  acousticness: { min: 0, max: 1, unit: '', description: 'confidence the track is acoustic' },
  instrumentalness: { min: 0, max: 1, unit: '', description: 'likelihood of no vocals' },
  liveness: { min: 0, max: 1, unit: '', description: 'presence of an audience' },
  valence: { min: 0, max: 1, unit: '', description: 'musical positiveness' },
  tempo: { min: 0, max: 300, unit: 'BPM', description: 'estimated tempo' },
  duration_ms: { min: 0, max: 100_000_000, unit: 'ms', description: 'length' },
  time_signature: { min: 0, max: 7, unit: 'beats/bar', description: 'estimated meter' },
};

/** Features whose Min-Max distances mislead: `key` is circular, `mode` and `time_signature` discrete, `duration_ms` heavy-tailed (see README, Evaluation). */
const NOT_CONTINUOUS: ReadonlySet<AudioFeature> = new Set([
  'key',
  'mode',
  'duration_ms',
  'time_signature',
]);

/** Default training features: the nine continuous ones, in AUDIO_FEATURES order. */
export const DEFAULT_FEATURES: readonly AudioFeature[] = AUDIO_FEATURES.filter(
  (feature) => !NOT_CONTINUOUS.has(feature),
);

export type FeatureValues = Record<AudioFeature, number | null>;

/** One unique track after ingest (duplicates by id merged). */
export interface Track {
  id: string;
  title: string;
  artists: string[];
  /** '' when the source has no album column. */
  album: string;
  /** Merged genres of every row with this id; empty when the source has none. */
  genres: string[];
  /** 0-100, null when the source has none. */
  popularity: number | null;
  explicit: boolean | null;
  year: number | null;
  /** null where the source file lacks the column. */
  features: FeatureValues;
}

/** Is this string one of the known audio features? */
export function isAudioFeature(name: string): name is AudioFeature {
  return (AUDIO_FEATURES as readonly string[]).includes(name);
}
