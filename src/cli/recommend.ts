// `npm run recommend -- "Shape of You"`: songs that sound like one song, as a table or JSON.
import { spotifyTrackUrl } from '../data/trackIds.ts';
import { loadConfig } from '../config.ts';
import { parseFeatureLimits, recommendFromTrack } from '../core/queries/index.ts';
import type { ResolvedTrack } from '../core/queries/index.ts';
import { resolveTrack } from '../core/queries/index.ts';
import { formatResultTable } from './resultTable.ts';
import { formatTrackLabel } from '../core/queries/index.ts';
import { openActiveCatalog } from '../db/activeCatalog.ts';
import { numberOption, popularityOption, parseListArgs, runCli, UsageError } from './runCli.ts';

const USAGE = `Usage: npm run recommend -- "<song title, track id or Spotify link>" [options]

  --count <n>            how many songs (1-100, default 5)
  --genre <name>         only songs listed under this genre
  --same-genre           only songs sharing a genre with the song
  --exclude-artist <n>   leave out songs crediting this artist
  --min-popularity <n>   only songs at least this popular (0-100)
  --max-popularity <n>   only songs at most this popular (0-100)
  --no-explicit          leave out explicit songs
  --max-per-artist <n>   songs per artist (default 1)
  --limits <text>        hard limits, e.g. "tempo 120-130, energy > 0.8, speechiness < 0.2"
  --popularity <mode>    balanced (default: sound, nudged toward songs people play),
                         popular, any (sound only) or deep-cuts (popularity 1-35)
  --db <file>            SQLite database (default NEXTBEAT_DB or db/nextbeat.sqlite)
  --json                 print JSON instead of a table
  -h, --help             show this help`;

const HOW_FOUND: Record<ResolvedTrack['match'], string> = {
  id: 'track id',
  exact: 'exact title match',
  prefix: 'title starts with your text',
  word: 'a word of the title',
  substring: 'part of the title',
  artist: 'title and artist',
  fuzzy: 'closest spelling',
};

await runCli(async () => {
  const { values, positionals } = parseOrThrow();
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const query = positionals.join(' ').trim();
  if (query === '') throw new UsageError('Name a song to recommend from.');
  const options = {
    count: numberOption('count', values.count, 5, { min: 1, max: 100, integer: true }),
    genre: values.genre,
    sameGenre: values['same-genre'] ?? false,
    excludeArtist: values['exclude-artist'],
    minPopularity: optionalNumber('min-popularity', values['min-popularity']),
    maxPopularity: optionalNumber('max-popularity', values['max-popularity']),
    noExplicit: values['no-explicit'] ?? false,
    popularity: popularityOption(values.popularity),
    ...(values.limits !== undefined ? { limits: parseFeatureLimits(values.limits) } : {}),
    maxPerArtist: numberOption('max-per-artist', values['max-per-artist'], 1, {
      min: 1,
      integer: true,
    }),
  };
  const { catalog } = openActiveCatalog(values.db ?? loadConfig().dbPath);
  const resolved = resolveTrack(catalog, query);
  const results = recommendFromTrack(catalog, resolved.index, options);
  const seed = `${formatTrackLabel(resolved.track, 200)} (${HOW_FOUND[resolved.match]})`;
  const didYouMean = resolved.alternatives.map((a) => a.label);
  const rows = results.map((r, k) => ({
    rank: k + 1,
    id: r.track.id,
    title: r.track.title,
    artists: r.track.artists,
    album: r.track.album,
    genres: r.track.genres,
    similarity: r.similarity,
    reason: r.reason,
    link: spotifyTrackUrl(r.track.id) ?? '',
  }));
  if (values.json) {
    console.log(JSON.stringify({ query, track: seed, didYouMean, results: rows }, null, 2));
    return 0;
  }
  console.log(`Because you like: ${seed}`);
  if (didYouMean.length > 0) console.log(`Did you mean: ${didYouMean.join('; ')}`);
  console.log('');
  if (rows.length === 0) {
    console.log('No song passes these filters.');
    return 0;
  }
  console.log(formatResultTable(rows, 'Similarity', 'Why', 50));
  return 0;
}, USAGE);

function parseOrThrow() {
  return parseListArgs({
    count: { type: 'string' },
    genre: { type: 'string' },
    'same-genre': { type: 'boolean' },
    'exclude-artist': { type: 'string' },
    'min-popularity': { type: 'string' },
    'max-popularity': { type: 'string' },
    'max-per-artist': { type: 'string' },
    limits: { type: 'string' },
  } as const);
}

function optionalNumber(name: string, raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : numberOption(name, raw, 0, { min: 0, max: 100 });
}
