// Computes one page of recommendations for a state: shared by /recommend, "More like this" and the menu.
import { UserFacingError } from '../core/errors.ts';
import { recommendFromTrack } from '../core/queries/index.ts';
import type { ServedModel } from './context.ts';
import { chartValues, renderComparison } from './featureCharts.ts';
import type { PageWithChart } from './pageWithChart.ts';
import { recommendationReply } from './embeds/recommendationReply.ts';
import type { RecommendState } from './recommendState.ts';

export const RECOMMEND_CHART = 'recommendations.png';

/** The reply (embed, components) and radar chart for this state, from the model being served now. */
export function recommendPage(
  model: ServedModel,
  state: RecommendState,
  alternatives: readonly string[] = [],
): PageWithChart {
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
    popularity: state.popularity,
    ...(state.genre ? { genre: state.genre } : {}),
    ...(state.excludeArtist ? { excludeArtist: state.excludeArtist } : {}),
  });
  const query = catalog.track(index);
  const reply = recommendationReply(query, results, state, catalog.runId, alternatives);
  if (results.length === 0) return { reply };
  return {
    reply,
    chart: {
      name: RECOMMEND_CHART,
      render: () =>
        renderComparison(
          `${query.title} vs ${results.length} recommendations`,
          query.title,
          chartValues(query.features),
          results.map((r) => r.track),
        ),
    },
  };
}
