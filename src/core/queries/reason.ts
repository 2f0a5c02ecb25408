// One short line saying why a result resembles the query, in a listener's words: the agreements
// that are rare enough to tell something ("same tempo (174 BPM)", not "both sung", which most
// songs are) and the biggest difference in the catalog's terms ("much more acoustic").
import type { AudioFeature } from '../../data/track.ts';
import type { TrackCatalog } from '../catalog/index.ts';
import { FEATURE_COUNT, featureColumn } from '../catalog/index.ts';
import { featureSpaceOf } from './featureSpace.ts';
import type { FeatureSample } from './featurePercentiles.ts';
import { featureSamplesOf, percentileOf, shareWithin } from './featurePercentiles.ts';
import { FEATURE_WORDS } from './featureWords.ts';

/** Scaled differences below SAME read "same", below SIMILAR "similar". */
const SAME = 0.02;
const SIMILAR = 0.06;
/** An agreement is named only if at most this share of tracks agree with the query that closely. */
const TELLING = 0.2;
/** A difference is named when the result sits this far away in percentile (and NOTABLE scaled). */
const SHIFT = 0.2;
const MUCH = 0.5;
const NOTABLE = 0.06;

interface Comparison {
  feature: AudioFeature;
  diff: number;
  shift: number;
  /** Share of tracks at least this close to the query on this feature. */
  share: number;
  /** Raw values of the query and the result. */
  from: number;
  to: number;
}

/**
 * The reason line for result `b` of query `a`. Lines of one list share `named`: how often each
 * feature was already named as an agreement, so that among the telling agreements a list names
 * the ones it has not said yet (five near-identical piano pieces need not all read "same energy").
 */
export function explainSimilarity(
  catalog: TrackCatalog,
  a: number,
  b: number,
  named: Map<AudioFeature, number> = new Map(),
): string {
  const comparisons = compareFeatures(catalog, a, b);
  if (comparisons.length === 0) return 'close in the model’s sound space';
  const byShift = [...comparisons].sort((x, y) => Math.abs(y.shift) - Math.abs(x.shift));
  const biggest = byShift.find((c) => Math.abs(c.shift) >= SHIFT && Math.abs(c.diff) >= NOTABLE);
  // Two agreements, or the rarest one and the biggest difference.
  const agreements = comparisons
    .filter((c) => Math.abs(c.diff) < SIMILAR && c.share <= TELLING)
    .sort((x, y) => timesNamed(named, x) - timesNamed(named, y) || x.share - y.share)
    .slice(0, biggest ? 1 : 2);
  for (const c of agreements) named.set(c.feature, timesNamed(named, c) + 1);
  const parts = joinAgreements(agreements.map(describeAgreement));
  if (biggest) parts.push(describeDifference(biggest));
  else if (agreements.length < 2 && byShift[0]) parts.push(`a little ${moreOrLess(byShift[0])}`);
  return parts.join(', ');
}

function timesNamed(named: Map<AudioFeature, number>, c: Comparison): number {
  return named.get(c.feature) ?? 0;
}

/** The phrases of a reason line, numbers left out: what "no phrase in over 25% of lines" counts. */
export function reasonPhrases(reason: string): string[] {
  return reason.split(', ').flatMap((part) => {
    const [first = '', second] = part.split(' and ');
    const words = first.replace(/\s*\(.*\)$/, '').trim();
    if (second === undefined) return [words];
    return [words, `${words.split(' ')[0]} ${second.replace(/\s*\(.*\)$/, '').trim()}`];
  });
}

/** "same energy" + "same mood" read as "same energy and mood". */
function joinAgreements(phrases: string[]): string[] {
  // The one with a number ("same tempo (128 BPM)") goes last, where its number reads naturally.
  const [first, second] = [...phrases].sort(
    (a, b) => Number(a.includes('(')) - Number(b.includes('(')),
  );
  if (!first || !second) return phrases;
  const word = first.split(' ')[0];
  const rest = second.split(' ');
  return (word === 'same' || word === 'similar') && rest[0] === word
    ? [`${first} and ${rest.slice(1).join(' ')}`]
    : phrases;
}

function compareFeatures(catalog: TrackCatalog, a: number, b: number): Comparison[] {
  const samples = featureSamplesOf(catalog);
  // Read in place: two row copies per reason line were a tenth of its garbage.
  const { scaled, rowOf, width } = featureSpaceOf(catalog);
  const rowA = (rowOf[a] as number) * width;
  const rowB = (rowOf[b] as number) * width;
  const { raw } = catalog.featureTable;
  const out: Comparison[] = [];
  catalog.features.forEach((feature, f) => {
    const x = scaled[rowA + f] as number;
    const y = scaled[rowB + f] as number;
    const sample = samples[f] as FeatureSample;
    if (!FEATURE_WORDS[feature] || Number.isNaN(x) || Number.isNaN(y)) return;
    const column = featureColumn(feature);
    out.push({
      feature,
      diff: y - x,
      shift: percentileOf(sample, y) - percentileOf(sample, x),
      share: shareWithin(sample, x, Math.max(Math.abs(y - x), 0.005)),
      from: raw[a * FEATURE_COUNT + column] as number,
      to: raw[b * FEATURE_COUNT + column] as number,
    });
  });
  return out;
}

function describeAgreement(c: Comparison): string {
  if (c.feature === 'instrumentalness') return c.from >= 0.5 ? 'both instrumental' : 'both sung';
  const word = Math.abs(c.diff) < SAME ? 'same' : 'similar';
  const noun = FEATURE_WORDS[c.feature]?.noun ?? c.feature;
  return c.feature === 'tempo' ? `${word} tempo (${Math.round(c.to)} BPM)` : `${word} ${noun}`;
}

function describeDifference(c: Comparison): string {
  const much = Math.abs(c.shift) >= MUCH ? 'much ' : '';
  return `${much}${moreOrLess(c)}${unitGap(c)}`;
}

function moreOrLess(c: Comparison): string {
  const words = FEATURE_WORDS[c.feature];
  return (c.diff > 0 ? words?.more : words?.less) ?? 'a little different';
}

/** "(+12 BPM)" or "(-3 dB)" where a unit makes the gap concrete. */
function unitGap(c: Comparison): string {
  const gap = c.to - c.from;
  const sign = gap > 0 ? '+' : '-';
  if (c.feature === 'tempo') return ` (${sign}${Math.abs(Math.round(gap))} BPM)`;
  if (c.feature === 'loudness') return ` (${sign}${Math.abs(gap).toFixed(1)} dB)`;
  return '';
}
