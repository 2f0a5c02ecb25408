// The /journey reply: the stops in order, each with how much it sounds like the stop before.
import { ActionRowBuilder, EmbedBuilder, type MessageActionRowComponentBuilder } from 'discord.js';
import type { TrackCatalog } from '../../core/catalog/index.ts';
import type { JourneyStop } from '../../core/queries/index.ts';
import { truncate } from '../../core/queries/index.ts';
import { playlistButton, rateMenuRow, type ListRow } from './listActions.ts';
import { EMBED_COLOUR } from './recommendationReply.ts';
import { escapeMarkdown, linkedToSpotify } from './trackLines.ts';

/**
 * Embed listing every stop with its link and its likeness to the previous stop; a playlist
 * button and a menu rating the stops between the two ends (the first 12 of them).
 */
export function journeyReply(
  catalog: TrackCatalog,
  stops: readonly JourneyStop[],
  chainId: string,
) {
  const first = stops[0]?.track;
  const last = stops.at(-1)?.track;
  const lines = stops.map((stop, k) => {
    const title = escapeMarkdown(truncate(stop.track.title, 70));
    const artists = escapeMarkdown(truncate(stop.track.artists.join(', '), 60));
    const likeness = k === 0 ? 'start' : `${stop.similarity}% like the one before`;
    return `**${k + 1}. ${linkedToSpotify(title, stop.track.id)}** - ${artists} · ${likeness}`;
  });
  const embed = new EmbedBuilder()
    .setColor(EMBED_COLOUR)
    .setTitle(
      truncate(
        `From ${first?.title ?? '?'} to ${last?.title ?? '?'} in ${stops.length} songs`,
        256,
      ),
    )
    .setDescription(truncate(lines.join('\n'), 4096))
    .setFooter({ text: `model ${catalog.runId} · one song per artist, no repeats` });
  const between = stops.slice(1, -1).map((stop) => stop.track);
  const components: ListRow[] = [
    new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(playlistButton(chainId)),
  ];
  if (between.length > 0) components.push(rateMenuRow(chainId, between));
  return { embeds: [embed], components };
}
