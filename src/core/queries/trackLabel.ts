// "Title - Artist" labels that fit Discord's 1-100 character limit for choices.
import type { Track } from '../../data/track.ts';

/** Discord's limit for an autocomplete choice's name and value. */
export const DISCORD_CHOICE_MAX = 100;
const ELLIPSIS = '…';
const SEPARATOR = ' - ';

/**
 * "Title - Artist, Artist2" shortened to maxLength: first drop the featured artists, then cut the
 * title with "…" so the primary artist stays visible; only very long artist names get cut too.
 */
export function formatTrackLabel(track: Track, maxLength = DISCORD_CHOICE_MAX): string {
  const title = track.title.trim() || '(untitled)';
  const allArtists = track.artists.join(', ').trim();
  const primary = (track.artists[0] ?? '').trim();
  if (allArtists === '') return truncate(title, maxLength);
  for (const artist of [allArtists, primary]) {
    const label = `${title}${SEPARATOR}${artist}`;
    if (label.length <= maxLength) return label;
  }
  const artist = truncate(primary, Math.floor(maxLength / 2));
  const room = maxLength - SEPARATOR.length - artist.length;
  return `${truncate(title, room)}${SEPARATOR}${artist}`;
}

/**
 * Cuts text to at most maxLength UTF-16 units (what discord.js checks, never fewer than Discord's
 * own count), ending in "…" at a word boundary when one is near, never splitting a surrogate pair.
 */
export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = Math.max(0, maxLength - 1);
  if (end > 0 && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  let cut = text.slice(0, end);
  const space = cut.lastIndexOf(' ');
  if (space >= cut.length - 15 && space > 0) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:\-–—(]+$/u, '')}${ELLIPSIS}`;
}
