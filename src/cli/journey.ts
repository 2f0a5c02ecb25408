// `npm run journey -- "from song" "to song"`: a playlist walking from one song to another.
import { spotifyTrackUrl } from '../data/trackIds.ts';
import { loadConfig } from '../config.ts';
import { MAX_STOPS, MIN_STOPS, planJourney, resolveTrack } from '../core/queries/index.ts';
import { formatTrackLabel } from '../core/queries/index.ts';
import { openActiveCatalog } from '../db/activeCatalog.ts';
import { formatResultTable } from './resultTable.ts';
import { numberOption, popularityOption, parseListArgs, runCli, UsageError } from './runCli.ts';

const USAGE = `Usage: npm run journey -- "<from song>" "<to song>" [options]

  Songs are titles, track ids or Spotify links, each in quotes.
  --stops <n>            stops including both ends (${MIN_STOPS}-${MAX_STOPS}, default 10)
  --popularity <mode>    balanced (default), popular, any or deep-cuts
  --no-explicit          leave out explicit songs
  --db <file>            SQLite database (default NEXTBEAT_DB or db/nextbeat.sqlite)
  --json                 print JSON instead of a table
  -h, --help             show this help`;

await runCli(async () => {
  const { values, positionals } = parseOrThrow();
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 2) {
    throw new UsageError(`Name two songs, each in quotes; got ${positionals.length}.`);
  }
  const { catalog } = openActiveCatalog(values.db ?? loadConfig().dbPath);
  const [from, to] = positionals.map((text) => resolveTrack(catalog, text));
  const stops = planJourney(catalog, from!.index, to!.index, {
    stops: numberOption('stops', values.stops, 10, {
      min: MIN_STOPS,
      max: MAX_STOPS,
      integer: true,
    }),
    popularity: popularityOption(values.popularity),
    noExplicit: values['no-explicit'] ?? false,
  });
  const rows = stops.map((stop, k) => ({
    rank: k + 1,
    id: stop.track.id,
    title: stop.track.title,
    artists: stop.track.artists,
    genres: stop.track.genres,
    similarity: stop.similarity,
    reason: k === 0 ? 'start' : k === stops.length - 1 ? 'destination' : '',
    link: spotifyTrackUrl(stop.track.id) ?? '',
  }));
  if (values.json) {
    console.log(
      JSON.stringify(
        { from: formatTrackLabel(from!.track), to: formatTrackLabel(to!.track), stops: rows },
        null,
        2,
      ),
    );
    return 0;
  }
  console.log(
    `From ${formatTrackLabel(from!.track, 200)} to ${formatTrackLabel(to!.track, 200)}\n`,
  );
  console.log(formatResultTable(rows, 'Like previous', '', 12));
  return 0;
}, USAGE);

function parseOrThrow() {
  return parseListArgs({
    stops: { type: 'string' },
  } as const);
}
