// `npm run vibe -- --energy 0.9 --danceability 0.8 --tempo 128`: songs closest to target audio
// features, with optional hard bounds; features not given are left free.
import { spotifyTrackUrl } from '../data/trackIds.ts';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { formatResultTable } from './resultTable.ts';
import { findTracksByVibe } from '../core/queries/index.ts';
import type { FeatureTargets, VibeMatch, VibeQuery } from '../core/queries/index.ts';
import type { AudioFeature } from '../data/track.ts';
import { AUDIO_FEATURES, FEATURE_SPECS } from '../data/track.ts';
import { openActiveCatalog } from '../db/activeCatalog.ts';
import { numberOption, popularityOption, runCli, UsageError } from './runCli.ts';

/** The flag of a feature: duration_ms -> duration-ms. */
const flagOf = (feature: AudioFeature): string => feature.replace('_', '-');

const FEATURE_LINES = AUDIO_FEATURES.map((f) => {
  const { min, max, unit } = FEATURE_SPECS[f];
  return (
    `  --${flagOf(f)} <x>`.padEnd(27) + `target ${f} (${min} to ${max}${unit ? ` ${unit}` : ''})`
  );
}).join('\n');

const USAGE = `Usage: npm run vibe -- [--<feature> <target>]... [--min-<feature> <x>] [--max-<feature> <x>] [options]

${FEATURE_LINES}
  --min-<feature> <x>    hard lower bound, e.g. --min-valence 0.6
  --max-<feature> <x>    hard upper bound, e.g. --max-tempo 130
  --genre <name>         only songs listed under this genre
  --no-explicit          leave out explicit songs
  --count <n>            how many songs (1-100, default 5)
  --max-per-artist <n>   songs per artist (default 1)
  --popularity <mode>    balanced (default: sound, nudged toward songs people play),
                         popular, any (sound only) or deep-cuts (popularity 1-35)
  --db <file>            SQLite database (default NEXTBEAT_DB or db/nextbeat.sqlite)
  --json                 print JSON instead of a table
  -h, --help             show this help`;

await runCli(async () => {
  const { values } = parseOrThrow();
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const bounds = featureBounds(values);
  const query = vibeQuery(values, bounds);
  requireSomethingToMatch(bounds, query);
  const { catalog } = openActiveCatalog((values.db as string | undefined) ?? loadConfig().dbPath);
  printResults(resultRows(findTracksByVibe(catalog, query)), bounds, values.json === true);
  return 0;
}, USAGE);

type ParsedValues = ReturnType<typeof parseOrThrow>['values'];

interface FeatureBounds {
  targets: FeatureTargets;
  min: FeatureTargets;
  max: FeatureTargets;
}

// Targets and hard bounds from the --<feature>, --min-<feature> and --max-<feature> flags.
function featureBounds(values: ParsedValues): FeatureBounds {
  const bounds: FeatureBounds = { targets: {}, min: {}, max: {} };
  for (const feature of AUDIO_FEATURES) {
    for (const [prefix, into] of [
      ['', bounds.targets],
      ['min-', bounds.min],
      ['max-', bounds.max],
    ] as const) {
      const name = `${prefix}${flagOf(feature)}`;
      const raw = values[name] as string | undefined;
      const { min: low, max: high } = FEATURE_SPECS[feature];
      if (raw !== undefined) into[feature] = numberOption(name, raw, 0, { min: low, max: high });
    }
  }
  return bounds;
}

// The query: the bounds plus genre, explicit, popularity, count and per-artist options.
function vibeQuery(values: ParsedValues, bounds: FeatureBounds): VibeQuery {
  return {
    ...bounds,
    genre: values.genre as string | undefined,
    noExplicit: (values['no-explicit'] as boolean | undefined) ?? false,
    popularity: popularityOption(values.popularity as string | undefined),
    count: numberOption('count', values.count as string | undefined, 5, {
      min: 1,
      max: 100,
      integer: true,
    }),
    maxPerArtist: numberOption(
      'max-per-artist',
      values['max-per-artist'] as string | undefined,
      1,
      {
        min: 1,
        integer: true,
      },
    ),
  };
}

// A query with no target, bound or genre would match the whole catalog in no order.
function requireSomethingToMatch(bounds: FeatureBounds, query: VibeQuery): void {
  const { targets, min, max } = bounds;
  if (
    Object.keys(targets).length + Object.keys(min).length + Object.keys(max).length === 0 &&
    !query.genre
  ) {
    throw new UsageError('Give at least one target feature (e.g. --energy 0.9), bound or --genre.');
  }
}

// One printable row per match, ranked from 1, with its Spotify link.
function resultRows(matches: VibeMatch[]) {
  return matches.map((m, k) => ({
    rank: k + 1,
    id: m.track.id,
    title: m.track.title,
    artists: m.track.artists,
    genres: m.track.genres,
    features: m.track.features,
    similarity: m.similarity,
    reason: m.reason,
    link: spotifyTrackUrl(m.track.id) ?? '',
  }));
}

// JSON with the bounds asked for, or a table (or why it is empty).
function printResults(rows: ReturnType<typeof resultRows>, bounds: FeatureBounds, json: boolean) {
  if (json) {
    console.log(JSON.stringify({ ...bounds, results: rows }, null, 2));
  } else if (rows.length === 0) {
    console.log('No song satisfies every bound.');
  } else {
    console.log(formatResultTable(rows, 'Match', 'Features', 70));
  }
}

function parseOrThrow() {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    genre: { type: 'string' },
    'no-explicit': { type: 'boolean' },
    count: { type: 'string' },
    'max-per-artist': { type: 'string' },
    popularity: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const feature of AUDIO_FEATURES) {
    for (const prefix of ['', 'min-', 'max-'])
      options[`${prefix}${flagOf(feature)}`] = { type: 'string' };
  }
  try {
    return parseArgs({ options, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
