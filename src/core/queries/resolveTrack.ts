// Turns what a person typed (a track id, a Spotify link or free text) into one catalog track.
import type { Track } from '../../data/track.ts';
import type { TrackCatalog } from '../catalog/index.ts';
import { TrackNotFoundError } from '../errors.ts';
import { similarTitleRanks } from '../titles/index.ts';
import { normalizeText } from '../titles/index.ts';
import type { TitleMatch, TitleMatchKind } from './titleSearch.ts';
import { searchTitles } from './titleSearch.ts';
import { formatTrackLabel } from './trackLabel.ts';

const SPOTIFY_TRACK =
  /(?:open\.spotify\.com\/(?:intl-[a-z-]+\/)?track\/|spotify:track:)([A-Za-z0-9]+)/;
const RUNNERS_UP = 5;

/** The track a person meant, how it was found, and other close matches ("did you mean"). */
export interface ResolvedTrack {
  index: number;
  track: Track;
  match: TitleMatchKind | 'id';
  alternatives: TitleMatch[];
}

/**
 * An id (or open.spotify.com / spotify:track: link) picks that track; other text picks the best
 * title-search match with up to 5 runners-up. Titles are compared without release suffixes, so
 * "Hey Jude" picks the most popular version and the runners-up start with the other versions.
 * Throws TrackNotFoundError with suggestions on a miss.
 */
export function resolveTrack(catalog: TrackCatalog, input: string): ResolvedTrack {
  const text = input.trim();
  const id = SPOTIFY_TRACK.exec(text)?.[1] ?? text;
  const byId = catalog.indexOfId(id);
  if (byId >= 0) {
    return { index: byId, track: catalog.track(byId), match: 'id', alternatives: [] };
  }
  const [best, ...alternatives] = searchTitles(catalog, text, RUNNERS_UP + 1);
  if (best) {
    return {
      index: best.index,
      track: catalog.track(best.index),
      match: best.match,
      alternatives,
    };
  }
  const index = catalog.titleIndex;
  const suggestions = similarTitleRanks(index, normalizeText(text), RUNNERS_UP).map((rank) =>
    formatTrackLabel(catalog.track(index.trackOfRank[rank] as number)),
  );
  throw new TrackNotFoundError(text, suggestions);
}
