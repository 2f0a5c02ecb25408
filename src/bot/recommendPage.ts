// Pages of lists recommended from seeds, shared by /recommend, /for-you, "More like this" and the
// menu: each starts or continues a chain (lists/chains.ts) and builds its reply and radar chart.
import type { Recommendation } from '../core/queries/index.ts';
import { UserFacingError } from '../core/errors.ts';
import type { BotContext, ServedModel } from './context.ts';
import { recommendationReply, type Seed } from './embeds/recommendationReply.ts';
import { renderSeedsComparison } from './featureCharts.ts';
import { listenerTaste } from './listeners/taste.ts';
import type { Chain } from './lists/chains.ts';
import { MAX_CHAIN_TRACKS, recordShown, startChain } from './lists/chains.ts';
import type { RecommendListState } from './lists/listState.ts';
import { nextRecommendations, seedIndices } from './lists/nextTracks.ts';
import type { PageWithChart } from './pageWithChart.ts';

export const RECOMMEND_CHART = 'recommendations.png';

export interface StartOptions {
  /** "Did you mean" lines for seeds typed loosely. */
  alternatives?: readonly string[];
  /** Results already seen on earlier pages (a button made before chains): shown and counted, not listed. */
  skipFirst?: number;
}

/** The first page of a new list for this listener; its chain remembers what it showed. */
export function startRecommendList(
  context: BotContext,
  userId: string,
  state: RecommendListState,
  { alternatives = [], skipFirst = 0 }: StartOptions = {},
): PageWithChart {
  const { catalog } = context.model;
  const taste = listenerTaste(context.db, catalog, userId);
  const results = nextRecommendations(catalog, state, [], taste, skipFirst + state.count);
  const chain = startChain(
    context.db,
    userId,
    state,
    results.map((r) => r.track.id),
  );
  return recommendListPage(
    context.model,
    chain,
    results.slice(skipFirst),
    skipFirst + 1,
    alternatives,
  );
}

/** The chain's next page, none of it shown before in this chain, for the chain's listener. */
export function continueRecommendList(
  context: BotContext,
  chain: Chain<RecommendListState>,
): PageWithChart {
  const room = MAX_CHAIN_TRACKS - chain.shown.length;
  if (room <= 0) {
    throw new UserFacingError(
      `This list has shown its ${MAX_CHAIN_TRACKS} songs. Pick one from the menu to start a new list.`,
    );
  }
  const { catalog } = context.model;
  const taste = listenerTaste(context.db, catalog, chain.userId);
  const count = Math.min(room, chain.state.count);
  const results = nextRecommendations(catalog, chain.state, chain.shown, taste, count);
  if (results.length === 0) {
    throw new UserFacingError(
      'No more songs match this list. Pick one from the menu for a new list.',
    );
  }
  const firstRank = chain.shown.length + 1;
  const updated = recordShown(
    context.db,
    chain,
    results.map((r) => r.track.id),
  );
  return recommendListPage(context.model, updated, results, firstRank);
}

function recommendListPage(
  model: ServedModel,
  chain: Chain<RecommendListState>,
  results: readonly Recommendation[],
  firstRank: number,
  alternatives: readonly string[] = [],
): PageWithChart {
  const { catalog } = model;
  const seeds: Seed[] = seedIndices(catalog, chain.state.seeds).map((index) => ({
    index,
    track: catalog.track(index),
  }));
  const { count } = chain.state;
  const hasMore = results.length === count && chain.shown.length + count <= MAX_CHAIN_TRACKS;
  const reply = recommendationReply({
    seeds,
    results,
    chain,
    firstRank,
    runId: catalog.runId,
    hasMore,
    alternatives,
  });
  const page: PageWithChart = { reply, ephemeral: chain.state.private };
  if (results.length === 0) return page;
  const seedTracks = seeds.map((s) => s.track);
  const title =
    seedTracks.length === 1
      ? `${seedTracks[0]?.title} vs ${results.length} recommendations`
      : `Your ${seedTracks.length} songs vs ${results.length} recommendations`;
  return {
    ...page,
    chart: {
      name: RECOMMEND_CHART,
      render: () =>
        renderSeedsComparison(
          title,
          seedTracks,
          results.map((r) => r.track),
        ),
    },
  };
}
