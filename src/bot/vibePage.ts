// Runs a vibe query for a state and builds its reply: shared by /similar-vibe and the nudge buttons.
import { findTracksByVibe } from '../core/queries/index.ts';
import type { ServedModel } from './context.ts';
import { chartValues, renderComparison } from './featureCharts.ts';
import type { PageWithChart } from './pageWithChart.ts';
import { vibeReply } from './embeds/vibeReply.ts';
import type { VibeState } from './vibeState.ts';

export const VIBE_CHART = 'vibe.png';

/** The reply (embed, nudge buttons) and radar chart for this vibe, from the model being served now. */
export function vibePage(model: ServedModel, state: VibeState): PageWithChart {
  const matches = findTracksByVibe(model.catalog, {
    targets: state.targets,
    count: state.count,
    popularity: state.popularity,
    ...(state.genre ? { genre: state.genre } : {}),
  });
  const reply = vibeReply(state, matches, model.catalog.runId);
  if (matches.length === 0) return { reply };
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
