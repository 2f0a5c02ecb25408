// What every list reply (recommend, vibe, for-you, and any list to come) offers: a "Rate these"
// menu and a button that sends the list as a playlist. Both carry only the chain id.
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  StringSelectMenuBuilder,
  type MessageActionRowComponentBuilder,
} from 'discord.js';
import type { Track } from '../../data/track.ts';
import { formatTrackLabel } from '../../core/queries/index.ts';
import { LIST_PREFIXES, listCustomId, ratingValue } from '../lists/listIds.ts';

export type ListRow = ActionRowBuilder<MessageActionRowComponentBuilder>;

/** Discord allows 25 options per menu: two per track. */
const MOST_RATED = 12;

/** The "Send me a playlist" button of a chain. */
export function playlistButton(chainId: string): ButtonBuilder {
  return new ButtonBuilder()
    .setCustomId(listCustomId(LIST_PREFIXES.take, chainId))
    .setLabel('Send me a playlist')
    .setEmoji({ name: '📥' })
    .setStyle(ButtonStyle.Secondary);
}

/** A menu row to like or dismiss each of these tracks; the listener's answer is private. */
export function rateMenuRow(chainId: string, tracks: readonly Track[]): ListRow {
  const options = tracks.slice(0, MOST_RATED).flatMap((track) => {
    const label = formatTrackLabel(track, 100);
    return [
      { label, value: ratingValue('like', track.id), emoji: { name: '👍' }, description: 'Like' },
      {
        label,
        value: ratingValue('dislike', track.id),
        emoji: { name: '👎' },
        description: 'Not for me: never show it to me again',
      },
    ];
  });
  const menu = new StringSelectMenuBuilder()
    .setCustomId(listCustomId(LIST_PREFIXES.rate, chainId))
    .setPlaceholder('Rate these: like, or not for me (only you see it)')
    .setMinValues(1)
    .setMaxValues(options.length)
    .addOptions(options);
  return new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(menu);
}
