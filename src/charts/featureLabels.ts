// Axis names for audio features, short enough to sit around a radar chart.
import type { AudioFeature } from '../data/track.ts';

const LABELS: Record<AudioFeature, string> = {
  danceability: 'Danceability',
  energy: 'Energy',
  key: 'Key',
  loudness: 'Loudness',
  mode: 'Major mode',
  speechiness: 'Speechiness',
  acousticness: 'Acousticness',
  instrumentalness: 'Instrumental',
  liveness: 'Liveness',
  valence: 'Valence',
  tempo: 'Tempo',
  duration_ms: 'Duration',
  time_signature: 'Meter',
};

/** The label written at the end of a feature's radar axis. */
export function featureAxisLabel(feature: AudioFeature): string {
  return LABELS[feature];
}
