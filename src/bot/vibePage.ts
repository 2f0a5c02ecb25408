// Runs a vibe query for a state and builds its reply: shared by /similar-vibe and the nudge buttons.
import { findTracksByVibe } from '../core/vibe.ts';
import type { Logger } from '../logger.ts';
import type { ServedModel } from './context.ts';
import { chartAttachment, chartValues, renderComparison } from './featureCharts.ts';
import { vibeReply } from './embeds/vibeReply.ts';
import type { VibeState } from './vibeState.ts';

export const VIBE_CHART = 'vibe.png';

/** The reply (embed, radar chart, nudge buttons) for this vibe, from the model being served now. */
export async function vibePage(model: ServedModel, state: VibeState, logger: Logger) {
  const matches = findTracksByVibe(model.catalog, {
    targets: state.targets,
    count: state.count,
    ...(state.genre ? { genre: state.genre } : {}),
  });
  const reply = vibeReply(state, matches, model.catalog.runId);
  const chart =
    matches.length > 0
      ? await chartAttachment(
          VIBE_CHART,
          () =>
            renderComparison(
              `Requested vibe vs ${matches.length} results`,
              'Requested vibe',
              chartValues(state.targets),
              matches.map((m) => m.track),
            ),
          logger,
        )
      : undefined;
  if (chart) reply.embeds[0]?.setImage(`attachment://${VIBE_CHART}`);
  // With files given, discord.js sends only their attachments, so an edit replaces the old chart.
  return { ...reply, files: chart ? [chart] : [] };
}
