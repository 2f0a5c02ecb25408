// Human words for each audio feature: how to name it, and how to say "more" or "less" of it.
import type { AudioFeature } from '../../data/track.ts';

/** Words for one feature; features without words (key, mode, meter) are left out of reasons. */
export interface FeatureWords {
  noun: string;
  more: string;
  less: string;
}

export const FEATURE_WORDS: Partial<Record<AudioFeature, FeatureWords>> = {
  danceability: { noun: 'danceability', more: 'more danceable', less: 'less danceable' },
  energy: { noun: 'energy', more: 'more energetic', less: 'calmer' },
  loudness: { noun: 'loudness', more: 'louder', less: 'quieter' },
  speechiness: { noun: 'wordiness', more: 'wordier', less: 'less wordy' },
  acousticness: { noun: 'acousticness', more: 'more acoustic', less: 'less acoustic' },
  instrumentalness: { noun: 'vocal balance', more: 'more instrumental', less: 'more vocal' },
  liveness: { noun: 'live feel', more: 'more live', less: 'more studio-like' },
  valence: { noun: 'mood', more: 'more upbeat', less: 'moodier' },
  tempo: { noun: 'tempo', more: 'faster', less: 'slower' },
  duration_ms: { noun: 'length', more: 'longer', less: 'shorter' },
};
