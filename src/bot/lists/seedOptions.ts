// The song options of /recommend (song, song2 ... song5): each resolved like the first (an id
// from autocomplete, a Spotify link or a title), with messages that name the option at fault.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { TrackCatalog } from '../../core/catalog/index.ts';
import { TrackNotFoundError, UserFacingError } from '../../core/errors.ts';
import type { ResolvedTrack } from '../../core/queries/index.ts';
import { formatTrackLabel, MAX_SEEDS, resolveTrack } from '../../core/queries/index.ts';

/** song, song2, ... song5. */
export const SONG_OPTIONS: readonly string[] = Array.from({ length: MAX_SEEDS }, (_, k) =>
  k === 0 ? 'song' : `song${k + 1}`,
);

/** The seeds a listener gave, and "did you mean" lines for those typed loosely. */
export interface GivenSeeds {
  trackIds: string[];
  alternatives: string[];
}

/** Resolves every song option given; a miss or a repeat is a message naming the options. */
export function resolveSeedOptions(
  catalog: TrackCatalog,
  interaction: ChatInputCommandInteraction,
): GivenSeeds {
  const given = SONG_OPTIONS.flatMap((name) => {
    const text = interaction.options.getString(name);
    return text === null ? [] : [{ name, text }];
  });
  const several = given.length > 1;
  const resolved = given.map(({ name, text }) => ({
    name,
    found: resolveNamed(catalog, name, text, several),
  }));
  const songs = new Map<number, string>();
  for (const { name, found } of resolved) {
    const song = catalog.songIds[found.index] as number;
    const earlier = songs.get(song);
    if (earlier !== undefined) {
      throw new UserFacingError(
        `\`${earlier}\` and \`${name}\` are the same song (${formatTrackLabel(found.track)}): pick different songs.`,
      );
    }
    songs.set(song, name);
  }
  const alternatives = resolved.flatMap(({ name, found }) => {
    if (found.match === 'id' || found.match === 'exact' || found.alternatives.length === 0)
      return [];
    const labels = found.alternatives.map((a) => a.label).join('; ');
    return [several ? `\`${name}\`: did you mean ${labels}?` : `Did you mean: ${labels}`];
  });
  return { trackIds: resolved.map(({ found }) => found.track.id), alternatives };
}

function resolveNamed(
  catalog: TrackCatalog,
  name: string,
  text: string,
  several: boolean,
): ResolvedTrack {
  try {
    return resolveTrack(catalog, text);
  } catch (error) {
    // With one song the message needs no option name (and reads as it always did).
    if (several && error instanceof TrackNotFoundError) {
      throw new UserFacingError(`\`${name}\`: ${error.message}`);
    }
    throw error;
  }
}
