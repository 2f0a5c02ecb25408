// The /recommend reply: an embed listing the tracks, a "More like this" button and a
// "Recommend from one of these" menu, with the query's state in their custom ids.
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  StringSelectMenuBuilder,
  type MessageActionRowComponentBuilder,
} from 'discord.js';
import type { Track } from '../../data/track.ts';
import type { Recommendation } from '../../core/queries/index.ts';
import { formatTrackLabel, truncate } from '../../core/queries/index.ts';
import { CUSTOM_ID_MAX } from '../customIds.ts';
import { encodeRecommendState, encodePickState, type RecommendState } from '../recommendState.ts';
import { popularityNote } from '../popularityOption.ts';
import { describeTrackResult } from './trackLines.ts';

export const EMBED_COLOUR = 0x1db954;

/** Embed + components for one page of recommendations. */
export function recommendationReply(
  query: Track,
  results: readonly Recommendation[],
  state: RecommendState,
  runId: string,
  alternatives: readonly string[] = [],
) {
  const artist = query.artists[0] ?? 'unknown artist';
  const heading = `If you like ${query.title} - ${artist}, you'll like these ${results.length}`;
  const lines = results.map((r, i) =>
    describeTrackResult(state.offset + i + 1, r.track, r.similarity, r.reason),
  );
  const footer = [
    `model ${runId}`,
    state.offset > 0 ? `results ${state.offset + 1}-${state.offset + results.length}` : '',
    popularityNote(state.popularity),
  ]
    .filter(Boolean)
    .join(' · ');
  const embed = new EmbedBuilder()
    .setColor(EMBED_COLOUR)
    .setTitle(truncate(heading, 256))
    .setDescription(lines.length > 0 ? lines.join('\n\n') : 'No tracks match these filters.')
    .setFooter({ text: footer });
  if (alternatives.length > 0) {
    embed.addFields({
      name: 'Not the song you meant?',
      value: truncate(`Did you mean: ${alternatives.join('; ')}`, 1024),
    });
  }
  return {
    embeds: [embed],
    components: results.length > 0 ? resultComponents(results, state) : [],
  };
}

function resultComponents(results: readonly Recommendation[], state: RecommendState) {
  const rows: ActionRowBuilder<MessageActionRowComponentBuilder>[] = [];
  const moreId = encodeRecommendState({ ...state, offset: state.offset + state.count });
  if (moreId.length <= CUSTOM_ID_MAX && state.offset + state.count < MAX_OFFSET) {
    rows.push(
      new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
        new ButtonBuilder()
          .setCustomId(moreId)
          .setLabel('More like this')
          .setStyle(ButtonStyle.Primary),
      ),
    );
  }
  const menu = new StringSelectMenuBuilder()
    .setCustomId(encodePickState(state))
    .setPlaceholder('Recommend from one of these')
    .addOptions(
      results.map((r) => ({
        label: formatTrackLabel(r.track, 100),
        value: r.track.id,
        description: truncate(r.track.album || r.track.genres.join(', ') || ' ', 100),
      })),
    );
  rows.push(new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(menu));
  return rows;
}

/** Paging stops here: beyond it neighbours are too far to call similar. */
export const MAX_OFFSET = 100;
