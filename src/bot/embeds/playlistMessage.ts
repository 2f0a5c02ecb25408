// The private message a playlist goes out as: a text file of spotify:track: URIs, one per line
// (pasted into a playlist in Spotify's desktop app it adds every track), and the same tracks as
// open.spotify.com links.
import { AttachmentBuilder, EmbedBuilder } from 'discord.js';
import type { Track } from '../../data/track.ts';
import { formatTrackLabel, truncate } from '../../core/queries/index.ts';
import { EMBED_COLOUR } from './recommendationReply.ts';
import { spotifyTrackUri } from '../../data/trackIds.ts';
import { escapeMarkdown, linkedToSpotify } from './trackLines.ts';

export const PLAYLIST_FILE = 'nextbeat-playlist.txt';
/** Links per embed: 25 lines of at most ~110 characters stay under the 6,000 a message holds. */
const LINKS_PER_EMBED = 25;

/** The file's text: one Spotify URI per line (tracks without a Spotify id have none). */
export function playlistUris(tracks: readonly Track[]): string {
  return tracks
    .map((track) => spotifyTrackUri(track.id))
    .filter(Boolean)
    .map((uri) => `${uri}\n`)
    .join('');
}

/** Content, link embeds and the URI file for a playlist private message. */
export function playlistMessage(title: string, tracks: readonly Track[]) {
  const unlinked = tracks.filter((track) => !spotifyTrackUri(track.id)).length;
  const content = [
    `**${escapeMarkdown(truncate(title, 300))}**: ${tracks.length} songs from NextBeat.`,
    `To make it a Spotify playlist: open \`${PLAYLIST_FILE}\`, copy every line, and paste them ` +
      '(Ctrl+V or Cmd+V) into a playlist in the Spotify desktop app.',
    unlinked > 0
      ? `${unlinked} of these songs have no Spotify id in this catalogue: they are listed below ` +
        'without a link and are not in the file.'
      : undefined,
  ]
    .filter(Boolean)
    .join('\n');
  const lines = tracks.map(
    (track, i) =>
      `${i + 1}. ${linkedToSpotify(escapeMarkdown(formatTrackLabel(track, 45)), track.id)}`,
  );
  const embeds: EmbedBuilder[] = [];
  for (let k = 0; k < lines.length; k += LINKS_PER_EMBED) {
    embeds.push(
      new EmbedBuilder()
        .setColor(EMBED_COLOUR)
        .setDescription(lines.slice(k, k + LINKS_PER_EMBED).join('\n')),
    );
  }
  const file = new AttachmentBuilder(Buffer.from(playlistUris(tracks), 'utf8'), {
    name: PLAYLIST_FILE,
    description: 'Spotify track URIs, one per line',
  });
  return { content, embeds, files: [file] };
}
