// Audio feature values and counts written the way people read them: "tempo 127 BPM",
// "loudness -6.2 dB", "89,740 tracks".
import type { AudioFeature } from '../../data/track.ts';

/** A raw feature value in its unit, e.g. formatFeatureValue('tempo', 127.4) === '127 BPM'. */
export function formatFeatureValue(feature: AudioFeature, value: number): string {
  switch (feature) {
    case 'tempo':
      return `${Math.round(value)} BPM`;
    case 'loudness':
      return `${value.toFixed(1)} dB`;
    case 'duration_ms': {
      const seconds = Math.round(value / 1000);
      return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    }
    case 'key':
    case 'mode':
    case 'time_signature':
      return String(Math.round(value));
    default:
      return value.toFixed(2);
  }
}

/** "energy 0.91 (target 0.90)": a result's value beside the asked-for one. */
export function formatTargetComparison(
  feature: AudioFeature,
  value: number,
  target: number,
): string {
  const name = feature === 'duration_ms' ? 'duration' : feature.replace('_', ' ');
  return `${name} ${formatFeatureValue(feature, value)} (target ${formatFeatureValue(feature, target)})`;
}

/**
 * A count with thousands separators: formatCount(89740) === '89,740'. Not toLocaleString: its
 * first call pages in about 9 MB of ICU locale data from the node binary, and the bot's resident
 * memory budget counts those pages.
 */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?<!\.\d*)(?=(\d{3})+(?!\d))/g, ',');
}
