// One short line saying why a result resembles the query: the features that agree most, and the
// one that differs most ("same energy and danceability, more acoustic").
import type { AudioFeature } from '../../data/track.ts';
import { AUDIO_FEATURES } from '../../data/track.ts';
import { FEATURE_WORDS } from './featureWords.ts';
import type { FeatureTable } from '../catalog/index.ts';
import { scaledAt } from '../catalog/index.ts';

/** Scaled differences below this read as "same", below SIMILAR as "similar". */
const SAME = 0.03;
const SIMILAR = 0.1;
/** A scaled difference at least this large is worth naming ("more acoustic"). */
const NOTABLE = 0.15;

/**
 * Explains result row `b` against query row `a` of a feature table, on the [0, 1] scale,
 * looking only at `features` (the training features) that have words.
 */
export function explainSimilarity(
  table: FeatureTable,
  a: number,
  b: number,
  features: readonly AudioFeature[],
): string {
  const diffs: { feature: AudioFeature; diff: number }[] = [];
  for (const feature of features) {
    if (!FEATURE_WORDS[feature]) continue;
    const c = AUDIO_FEATURES.indexOf(feature);
    const diff = scaledAt(table, b, c) - scaledAt(table, a, c);
    if (!Number.isNaN(diff)) diffs.push({ feature, diff });
  }
  if (diffs.length === 0) return 'close in the model’s sound space';
  diffs.sort((x, y) => Math.abs(x.diff) - Math.abs(y.diff));
  const agreeing = diffs.slice(0, 2).filter((d) => Math.abs(d.diff) < SIMILAR);
  const parts: string[] = [];
  if (agreeing.length > 0) {
    const word = agreeing.every((d) => Math.abs(d.diff) < SAME) ? 'same' : 'similar';
    parts.push(`${word} ${agreeing.map((d) => FEATURE_WORDS[d.feature]?.noun).join(' and ')}`);
  }
  const biggest = diffs[diffs.length - 1];
  if (biggest && Math.abs(biggest.diff) >= NOTABLE && !agreeing.includes(biggest)) {
    const words = FEATURE_WORDS[biggest.feature];
    parts.push((biggest.diff > 0 ? words?.more : words?.less) ?? '');
  } else if (
    diffs.length > agreeing.length &&
    agreeing.length > 0 &&
    diffs.every((d) => Math.abs(d.diff) < SIMILAR)
  ) {
    parts.push('close on everything else');
  }
  if (parts.length === 0) return `similar overall, ${describeBiggest(diffs)}`;
  return parts.join(', ');
}

function describeBiggest(diffs: readonly { feature: AudioFeature; diff: number }[]): string {
  const biggest = diffs[diffs.length - 1] as { feature: AudioFeature; diff: number };
  const words = FEATURE_WORDS[biggest.feature];
  return (biggest.diff > 0 ? words?.more : words?.less) ?? 'a little different';
}
