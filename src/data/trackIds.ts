// Track ids from what exports put in their id column (a plain id, a Spotify URI or an
// open.spotify.com link), and a stable id for files that carry none.
import { createHash } from 'node:crypto';

const SPOTIFY_URI = /^spotify:track:([A-Za-z0-9]+)$/;
const SPOTIFY_LINK = /^(?:https?:\/\/)?open\.spotify\.com\/(?:intl-[A-Za-z-]+\/)?(?:embed\/)?track\/([A-Za-z0-9]+)(?:[/?#].*)?$/;

/** Spotify's track ids: 22 base-62 characters. Other ids (derived, another catalogue's) have no page. */
const SPOTIFY_ID = /^[A-Za-z0-9]{22}$/;

/** The track's open.spotify.com page, or undefined when its id is not a Spotify track id. */
export function spotifyTrackUrl(id: string): string | undefined {
  return SPOTIFY_ID.test(id) ? `https://open.spotify.com/track/${id}` : undefined;
}

/** The track's spotify:track: URI, or undefined when its id is not a Spotify track id. */
export function spotifyTrackUri(id: string): string | undefined {
  return SPOTIFY_ID.test(id) ? `spotify:track:${id}` : undefined;
}

/** Prefix of derived ids: '-' is not in Spotify's base-62 ids, so a derived id is never mistaken for one. */
export const DERIVED_ID_PREFIX = 'nb-';

/**
 * The track id an id cell holds: the ID of `spotify:track:ID` or of an open.spotify.com/track/ID
 * link, the text itself when it is neither a URI nor a link, and null for a link to something
 * else (an artist, an album, a video).
 */
export function trackIdFromCell(text: string): string | null {
  if (!text.includes(':') && !text.includes('/')) return text;
  const match = SPOTIFY_URI.exec(text) ?? SPOTIFY_LINK.exec(text);
  if (match) return match[1] ?? null;
  return /^[a-z][a-z0-9+.-]*:|spotify\.com\//i.test(text) ? null : text;
}

/**
 * A stable id for a track from a file without ids: 'nb-' and the first 16 hex digits (64 bits)
 * of the SHA-256 of the title and artists, each trimmed, NFC-normalised and lower-cased, joined
 * by U+001F. The same song listed twice gets one id (its genres are merged); 1.2M songs collide
 * with a chance near 4e-8.
 */
export function derivedTrackId(title: string, artists: readonly string[]): string {
  const canonical = (text: string): string => text.trim().normalize('NFC').toLowerCase();
  const text = [title, ...artists].map(canonical).join('\u001f');
  return DERIVED_ID_PREFIX + createHash('sha256').update(text).digest('hex').slice(0, 16);
}
