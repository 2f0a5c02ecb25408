// The reply of a list recommended from seeds (/recommend, /for-you, "Recommend from one of
// these"): an embed naming the seeds and listing the tracks, each with the seed it is near; then
// "More like this", "Send me a playlist", "Recommend from one of these" and "Rate these".
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
import type { Chain } from '../lists/chains.ts';
import { LIST_PREFIXES, listCustomId } from '../lists/listIds.ts';
import type { RecommendListState } from '../lists/listState.ts';
import { limitsFields } from '../limitsOption.ts';
import { popularityNote } from '../popularityOption.ts';
import { playlistButton, rateMenuRow, type ListRow } from './listActions.ts';
import { describeTrackResult } from './trackLines.ts';

export const EMBED_COLOUR = 0x1db954;

/** One seed of the list: its catalog index and track. */
export interface Seed {
  index: number;
  track: Track;
}

export interface RecommendReplyInput {
  seeds: readonly Seed[];
  results: readonly Recommendation[];
  chain: Chain<RecommendListState>;
  /** 1-based place of the first result in the chain. */
  firstRank: number;
  runId: string;
  /** Whether "More like this" has more to show. */
  hasMore: boolean;
  /** "Did you mean" lines for seeds found by a loose title match. */
  alternatives?: readonly string[];
}

/** Embed + components for one page of a recommended list. */
export function recommendationReply(input: RecommendReplyInput) {
  const { seeds, results, chain, firstRank } = input;
  const { state } = chain;
  const near = new Map(seeds.map((s) => [s.index, s.track.title]));
  const lines = results.map((r, i) =>
    describeTrackResult(firstRank + i, r.track, r.similarity, r.reason, {
      near: seeds.length > 1 ? near.get(r.seed) : undefined,
    }),
  );
  const last = firstRank + results.length - 1;
  const footer = [
    `model ${input.runId}`,
    firstRank > 1 ? `results ${firstRank}-${last}` : '',
    popularityNote(state.popularity),
    state.private ? 'only you can see this' : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const embed = new EmbedBuilder()
    .setColor(EMBED_COLOUR)
    .setTitle(truncate(heading(seeds, results.length, state.forYou), 256))
    .setDescription(
      lines.length > 0
        ? lines.join('\n\n')
        : `No tracks match these filters${state.limits ? ' and limits' : ''}.`,
    )
    .addFields(limitsFields(state))
    .setFooter({ text: footer });
  const alternatives = input.alternatives ?? [];
  if (alternatives.length > 0) {
    embed.addFields({
      name: 'Not the song you meant?',
      value: truncate(alternatives.join('\n'), 1024),
    });
  }
  return {
    embeds: [embed],
    components: results.length > 0 ? resultComponents(results, chain.id, input.hasMore) : [],
  };
}

function heading(seeds: readonly Seed[], count: number, forYou: boolean): string {
  const first = seeds[0]?.track;
  if (forYou) return `${count} songs for you, because you liked ${joinTitles(seeds)}`;
  const named =
    seeds.length === 1 && first
      ? `${first.title} - ${first.artists[0] ?? 'unknown artist'}`
      : joinTitles(seeds);
  return `If you like ${named}, you'll like these ${count}`;
}

/** "A", "A and B", "A, B and C". */
function joinTitles(seeds: readonly Seed[]): string {
  const titles = seeds.map((s) => truncate(s.track.title, 40));
  return titles.length <= 1
    ? (titles[0] ?? '')
    : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
}

function resultComponents(
  results: readonly Recommendation[],
  chainId: string,
  hasMore: boolean,
): ListRow[] {
  const buttons: ButtonBuilder[] = [];
  if (hasMore) {
    buttons.push(
      new ButtonBuilder()
        .setCustomId(listCustomId(LIST_PREFIXES.next, chainId))
        .setLabel('More like this')
        .setStyle(ButtonStyle.Primary),
    );
  }
  buttons.push(playlistButton(chainId));
  const menu = new StringSelectMenuBuilder()
    .setCustomId(listCustomId(LIST_PREFIXES.from, chainId))
    .setPlaceholder('Recommend from one of these')
    .addOptions(
      results.map((r) => ({
        label: formatTrackLabel(r.track, 100),
        value: r.track.id,
        description: truncate(r.track.album || r.track.genres.join(', ') || ' ', 100),
      })),
    );
  return [
    new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(buttons),
    new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(menu),
    rateMenuRow(
      chainId,
      results.map((r) => r.track),
    ),
  ];
}
