// The /similar-vibe reply: the chosen vibe as text bars, the matching tracks, and nudge buttons.
import { popularityNote } from '../popularityOption.ts';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  type MessageActionRowComponentBuilder,
} from 'discord.js';
import { formatFeatureValue } from '../../core/queries/index.ts';
import { limitsFields } from '../limitsOption.ts';
import type { VibeMatch } from '../../core/queries/index.ts';
import { encodeChainNudge, encodeNudge, SLIDERS, type VibeState } from '../vibeState.ts';
import { EMBED_COLOUR } from './recommendationReply.ts';
import { playlistButton, rateMenuRow } from './listActions.ts';
import { describeTrackResult } from './trackLines.ts';

const BAR_WIDTH = 10;
// Discord allows 5 rows: the rating menu takes one, so nudges get 4 rows of 4 (8 sliders; with
// all 9 set, loudness goes without) and the playlist button joins the first.
const NUDGE_BUTTON_ROWS = 4;

/** Embed, nudge buttons, playlist button and rating menu for a vibe and its matches. */
export function vibeReply(
  state: VibeState,
  matches: readonly VibeMatch[],
  runId: string,
  chainId: string,
) {
  const chosen = SLIDERS.filter((s) => state.targets[s.feature] !== undefined);
  const bars = chosen.map((s) => {
    const value = state.targets[s.feature] as number;
    const filled = Math.round(((value - s.min) / (s.max - s.min)) * BAR_WIDTH);
    const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
    return `${s.feature.padEnd(16)} ${bar} ${formatFeatureValue(s.feature, value)}`;
  });
  const list = matches.map((m, i) => describeTrackResult(i + 1, m.track, m.similarity, m.reason));
  const embed = new EmbedBuilder()
    .setColor(EMBED_COLOUR)
    .setTitle(`Songs with this vibe${state.genre ? ` in ${state.genre}` : ''}`)
    .setDescription(
      [
        // A vibe of limits alone has no bars to show.
        ...(bars.length > 0 ? ['```', ...bars, '```'] : []),
        list.length > 0
          ? list.join('\n\n')
          : `No tracks match this vibe${state.limits ? ' within these limits' : ''}.`,
      ].join('\n'),
    )
    .addFields(limitsFields(state))
    .setFooter({
      text: [`model ${runId}`, 'other features are left free', popularityNote(state.popularity)]
        .filter(Boolean)
        .join(' · '),
    });
  const rows = nudgeRows(state, chosen, chainId);
  if (matches.length > 0) {
    const first = rows[0] ?? new ActionRowBuilder<MessageActionRowComponentBuilder>();
    if (rows.length === 0) rows.push(first);
    first.addComponents(playlistButton(chainId));
    rows.push(
      rateMenuRow(
        chainId,
        matches.map((m) => m.track),
      ),
    );
  }
  return { embeds: [embed], components: rows };
}

/** Rows of "- feature" / "+ feature" buttons, four to a row, for the sliders set. */
function nudgeRows(
  state: VibeState,
  chosen: readonly (typeof SLIDERS)[number][],
  chainId: string,
): ActionRowBuilder<MessageActionRowComponentBuilder>[] {
  const buttons = chosen.flatMap((s) =>
    ([-1, 1] as const).map((direction) =>
      new ButtonBuilder()
        // Limits do not fit in a custom id: those nudges name the chain that holds them.
        .setCustomId(
          state.limits ? encodeChainNudge(chainId, s, direction) : encodeNudge(state, s, direction),
        )
        .setLabel(`${direction < 0 ? '−' : '+'} ${s.feature}`)
        .setStyle(ButtonStyle.Secondary)
        .setDisabled((state.targets[s.feature] as number) === (direction < 0 ? s.min : s.max)),
    ),
  );
  const rows: ActionRowBuilder<MessageActionRowComponentBuilder>[] = [];
  for (let i = 0; i < buttons.length && rows.length < NUDGE_BUTTON_ROWS; i += 4) {
    rows.push(
      new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
        buttons.slice(i, i + 4),
      ),
    );
  }
  return rows;
}
