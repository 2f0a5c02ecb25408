// How one track is written in a reply: linked title, artists, album, genre, similarity and reason.
import type { Track } from '../../data/track.ts';
import { spotifyTrackUrl } from '../../data/trackIds.ts';
import { truncate } from '../../core/queries/index.ts';

/** Markdown `text` linked to the track's Spotify page; plain text for a track with no Spotify id. */
export function linkedToSpotify(text: string, trackId: string): string {
  const url = spotifyTrackUrl(trackId);
  return url ? `[${text}](${url})` : text;
}

/** Escapes characters that would turn text into Markdown (bold, links, spoilers...). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_~`|[\]])/g, '\\$1');
}

/**
 * Two or three lines for one result; `rank` is its 1-based place in the list, `near` the seed it
 * was found near when a list has several.
 */
export function describeTrackResult(
  rank: number,
  track: Track,
  similarity: number,
  reason: string,
  { near }: { near?: string | undefined } = {},
): string {
  const title = escapeMarkdown(truncate(track.title, 80));
  const artists = escapeMarkdown(truncate(track.artists.join(', '), 80));
  const details = [
    track.album ? `*${escapeMarkdown(truncate(track.album, 60))}*` : undefined,
    track.genres.length > 0 ? track.genres.slice(0, 3).join(', ') : undefined,
    near
      ? `${similarity}% similar to ${escapeMarkdown(truncate(near, 60))}`
      : `${similarity}% similar`,
  ].filter(Boolean);
  return [
    `**${rank}. ${linkedToSpotify(title, track.id)}** - ${artists}`,
    details.join(' · '),
    reason ? `> ${escapeMarkdown(reason)}` : undefined,
  ]
    .filter(Boolean)
    .join('\n');
}
