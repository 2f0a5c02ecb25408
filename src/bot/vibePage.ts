// Runs a vibe query for a listener and builds its reply: shared by /similar-vibe and the nudge
// buttons. Each vibe is a chain, so its playlist goes on without repeats and its menu can rate it.
import type { VibeMatch } from '../core/queries/index.ts';
import type { BotContext } from './context.ts';
import { chartValues, renderComparison } from './featureCharts.ts';
import { listenerTaste } from './listeners/taste.ts';
import { startChain } from './lists/chains.ts';
import type { VibeListState } from './lists/listState.ts';
import { nextVibeMatches } from './lists/nextTracks.ts';
import type { PageWithChart } from './pageWithChart.ts';
import { vibeReply } from './embeds/vibeReply.ts';
import type { VibeState } from './vibeState.ts';

export const VIBE_CHART = 'vibe.png';

/** The reply (embed, nudge buttons, playlist, ratings) and radar chart for this vibe. */
export function vibePage(context: BotContext, userId: string, state: VibeState): PageWithChart {
  const { catalog } = context.model;
  const listState: VibeListState = { kind: 'vibe', ...state };
  const taste = listenerTaste(context.db, catalog, userId);
  const matches: VibeMatch[] = nextVibeMatches(catalog, listState, [], taste, state.count);
  const chain = startChain(
    context.db,
    userId,
    listState,
    matches.map((m) => m.track.id),
  );
  const reply = vibeReply(state, matches, catalog.runId, chain.id);
  // A vibe of limits alone has no requested values to draw.
  if (matches.length === 0 || Object.keys(state.targets).length === 0) return { reply };
  return {
    reply,
    chart: {
      name: VIBE_CHART,
      render: () =>
        renderComparison(
          `Requested vibe vs ${matches.length} results`,
          'Requested vibe',
          chartValues(state.targets),
          matches.map((m) => m.track),
        ),
    },
  };
}
