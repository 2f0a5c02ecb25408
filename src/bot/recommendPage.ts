// Computes one page of recommendations for a state: shared by /recommend, "More like this" and the menu.
import { UserFacingError } from '../core/errors.ts';
import { recommendFromTrack } from '../core/recommend.ts';
import type { Logger } from '../logger.ts';
import type { ServedModel } from './context.ts';
import { chartAttachment, chartValues, renderComparison } from './featureCharts.ts';
import { recommendationReply } from './embeds/recommendationReply.ts';
import type { RecommendState } from './recommendState.ts';

export const RECOMMEND_CHART = 'recommendations.png';

/** The reply (embed, radar chart, components) for this state, from the model being served now. */
export async function recommendPage(
  model: ServedModel,
  state: RecommendState,
  logger: Logger,
  alternatives: readonly string[] = [],
) {
  const { catalog } = model;
  const index = catalog.indexOfId(state.trackId);
  if (index < 0) {
    throw new UserFacingError(
      'That song is not in the current model any more. Run /recommend again.',
    );
  }
  const results = recommendFromTrack(catalog, index, {
    count: state.count,
    offset: state.offset,
    sameGenre: state.sameGenre,
    noExplicit: state.noExplicit,
    ...(state.genre ? { genre: state.genre } : {}),
    ...(state.excludeArtist ? { excludeArtist: state.excludeArtist } : {}),
  });
  const query = catalog.track(index);
  const reply = recommendationReply(query, results, state, catalog.runId, alternatives);
  const chart =
    results.length > 0
      ? await chartAttachment(
          RECOMMEND_CHART,
          () =>
            renderComparison(
              `${query.title} vs ${results.length} recommendations`,
              query.title,
              chartValues(query.features),
              results.map((r) => r.track),
            ),
          logger,
        )
      : undefined;
  if (chart) reply.embeds[0]?.setImage(`attachment://${RECOMMEND_CHART}`);
  // With files given, discord.js sends only their attachments, so an edit replaces the old chart.
  return { ...reply, files: chart ? [chart] : [] };
}
