// Decides when two tracks are releases of the same song (single, album, compilation, remaster).
import { normalizeText } from './normalizeText.ts';

/**
 * Suffix words that mark another release of the same recording. Deliberately short: live,
 * remix, acoustic and instrumental versions sound different, so they stay separate songs.
 */
const SAME_RECORDING =
  /^(?:.*\bremaster(?:ed|izado)?\b.*|radio edit|radio version|single version.*|album version|mono|stereo|original mix|explicit|clean|bonus track|(?:feat|ft|with)\b.*|from\b.*)$/i;

const DASH_SUFFIX = / - ([^-]*)$/;
const BRACKET_SUFFIX = /\s*[([]([^()[\]]*)[)\]]\s*$/;

/** Removes trailing " - Remastered 2011", "(feat. X)", "[Radio Edit]"-style parts, repeatedly. */
export function stripReleaseSuffixes(title: string): string {
  let current = title.trim();
  for (;;) {
    const last = current.charCodeAt(current.length - 1);
    if (last !== 41 && last !== 93 && !current.includes(' - ')) break; // no ")" / "]" end, no " - "
    const match = BRACKET_SUFFIX.exec(current) ?? DASH_SUFFIX.exec(current);
    if (!match || !SAME_RECORDING.test((match[1] ?? '').trim().replace(/\.$/, ''))) break;
    const stripped = current.slice(0, match.index).trim();
    if (stripped === '') break;
    current = stripped;
  }
  return current;
}

/**
 * The song key: normalised title without release suffixes + normalised primary artist. Pass the
 * already normalised title and artist when you have them, to save work at catalog build.
 */
export function songKeyOf(
  title: string,
  primaryArtist: string,
  normalizedTitle = normalizeText(title),
  normalizedArtist = normalizeText(primaryArtist),
): string {
  const stripped = stripReleaseSuffixes(title);
  const songTitle = stripped === title.trim() ? normalizedTitle : normalizeText(stripped);
  return `${songTitle}\u0000${normalizedArtist}`;
}
