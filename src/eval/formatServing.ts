// The served ranking and the listener section of the evaluation report, as Markdown.
import { formatCount as count } from '../core/queries/index.ts';
import type { RankingMeasure } from './rankingPrecision.ts';
import type { ListenerMeasures, ServingMeasures } from './servingMeasures.ts';

const f = (v: number, digits = 4): string => (Number.isFinite(v) ? v.toFixed(digits) : '–');
const pct = (v: number, digits = 1): string => `${f(100 * v, digits)}%`;
const table = (rows: string[][]): string => rows.map((row) => `| ${row.join(' | ')} |`).join('\n');

/** Genre precision of served, latent-only, raw features and chance, with ratios (Markdown). */
export function formatServedTable({ rankings }: ServingMeasures): string {
  const raw = rankings.rankings.find((r) => r.ranking === 'raw features');
  const ratios = (m: RankingMeasure): string[] => [
    f(m.precisionAt5 / (raw?.precisionAt5 ?? NaN), 2),
    f(m.precisionAt10 / (raw?.precisionAt10 ?? NaN), 2),
    f(m.precisionAt5 / rankings.chance, 1),
    f(m.precisionAt10 / rankings.chance, 1),
  ];
  return table([
    [
      'ranking',
      'genre p@5',
      'genre p@10',
      'p@5 / raw',
      'p@10 / raw',
      'p@5 / chance',
      'p@10 / chance',
    ],
    ['---', '---:', '---:', '---:', '---:', '---:', '---:'],
    ...rankings.rankings.map((m) => [
      m.ranking,
      f(m.precisionAt5),
      f(m.precisionAt10),
      ...ratios(m),
    ]),
    ['chance', f(rankings.chance), f(rankings.chance), '', '', '1', '1'],
  ]);
}

/** The "What is served" and "Listener" sections. */
export function formatServing(serving: ServingMeasures): string {
  const { rankings, listener } = serving;
  return `## What is served

The catalog a run of the first shipped model would publish (every track, its codes and encoder,
the scaler fitted on the training rows), asked as the bot asks: \`recommendFromTrack\` with its
defaults (1,000 latent neighbours ordered by scaled feature distance minus 0.05 x popularity / 100).
Latent-only walks the 3-D neighbours in order; raw features scans every track's scaled features.
All three with the served rules: never the query's song or two releases of one song, at most
${rankings.maxPerArtist} song per artist. ${count(rankings.queries)} held-out queries; the lists of 5 and 10 are asked separately.

${formatServedTable(serving)}

Serving measures took ${f(serving.seconds, 1)} s (CPU ${f(serving.cpuSeconds, 1)} s).

${formatListener(listener)}

### How far results sit from the query (top 5 of the ${count(rankings.queries)} queries, mean absolute gap)

${table([
  ['ranking', 'tempo (BPM)', 'energy (0-1)', 'loudness (dB)'],
  ['---', '---:', '---:', '---:'],
  ...rankings.rankings.map((m) => [
    m.ranking,
    f(m.gaps.tempoBpm, 1),
    f(m.gaps.energy, 3),
    f(m.gaps.loudnessDb, 2),
  ]),
])}
`;
}

function formatListener(l: ListenerMeasures): string {
  const s = l.similarity;
  const c = l.canonicalVersions;
  const missed = c.failures
    .slice(0, 5)
    .map((miss) => `"${miss.typed}" opened ${miss.got}, not ${miss.expected}`)
    .join('; ');
  const top = l.reasons.top[0];
  return `## Listener

- **Canonical version**: ${pct(c.rate)} of the ${c.titles} most popular multi-version titles, typed
  as a listener would (release suffixes and bracketed subtitles set aside), open on their most popular version (${c.resolvedToMostPopular} of ${c.titles})${missed ? `. Missed: ${missed}` : ''}.
- **Similarity shown** (${count(l.randomQueries)} random queries, ${count(s.results)} results at the defaults):
  ${pct(s.shareAt100, 2)} at 100%; p10 / p50 / p90 ${s.p10} / ${s.p50} / ${s.p90} (spread ${s.spread} points);
  two random tracks (${count(s.randomPairs)} pairs) score ${s.randomPairMedian} at the median.
- **Reasons**: the most common phrase, "${top?.phrase ?? '–'}", is in ${pct(top?.share ?? NaN)} of ${count(l.reasons.lines)} lines
  (${l.reasons.distinctPhrases} distinct phrases); next: ${l.reasons.top
    .slice(1)
    .map((p) => `"${p.phrase}" ${pct(p.share)}`)
    .join(', ')}.

### Genre agreement by similarity shown

Is a higher number a closer match? Share of results sharing a genre with the query, per bucket
(95% Wilson interval in brackets). Monotone over buckets of at least ${l.agreementMinResults} results (no bucket shares a genre
significantly less often than a lower one, one-sided 95%): **${l.agreementMonotone ? 'yes' : 'no'}**.

${table([
  ['similarity shown', 'results', 'share a genre'],
  ['---', '---:', '---:'],
  ...l.agreement.map((b) => {
    const [low, high] = wilsonInterval(b.sharedGenre, b.results);
    return [
      b.from === b.to ? `${b.from}` : `${b.from}-${b.to}`,
      count(b.results),
      `${pct(b.sharedGenre / b.results)} (${pct(low, 0)}-${pct(high, 0)})`,
    ];
  }),
])}

### Popularity of results for the ${l.popularQueries} most popular songs (5 results each)

${table([
  ['popularity mode', 'median popularity', 'popularity 0'],
  ['---', '---:', '---:'],
  ...l.popularity.map((p) => [
    p.mode === 'balanced' ? 'balanced (default)' : p.mode,
    f(p.medianPopularity, 0),
    pct(p.zeroShare),
  ]),
])}`;
}

/** 95% Wilson score interval of a share of `hits` in `n` (sound for small n and shares near 0). */
export function wilsonInterval(hits: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.96;
  const p = hits / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const scale = 1 + (z * z) / n;
  return [Math.max(0, (centre - half) / scale), Math.min(1, (centre + half) / scale)];
}
