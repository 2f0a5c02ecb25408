// "More like this" (the chain's next page, in place) and "Recommend from one of these" (a new
// chain from the picked song, with the list's page size, popularity mode and privacy).
import { UserFacingError } from '../../core/errors.ts';
import type { ComponentHandler } from '../command.ts';
import { ExpiredComponentError } from '../customIds.ts';
import { loadChain, type Chain } from '../lists/chains.ts';
import { chainIdOf, LIST_PREFIXES } from '../lists/listIds.ts';
import type { ListState, RecommendListState } from '../lists/listState.ts';
import { sendPageWithChart } from '../pageWithChart.ts';
import { continueRecommendList, startRecommendList } from '../recommendPage.ts';

export const nextPage: ComponentHandler = {
  prefix: LIST_PREFIXES.next,
  async handle(interaction, context) {
    const chain = loadChain(context.db, chainIdOf(LIST_PREFIXES.next, interaction.customId));
    if (!isRecommendChain(chain)) throw new ExpiredComponentError();
    // The chain follows one listener's history and dislikes; others start their own.
    if (chain.userId !== interaction.user.id) {
      throw new UserFacingError(
        'Only the person who asked can page this list. Pick a song from its menu to get a list of your own.',
      );
    }
    const page = continueRecommendList(context, chain);
    await sendPageWithChart(interaction, page, 'update', context.logger);
  },
};

export const pickFromList: ComponentHandler = {
  prefix: LIST_PREFIXES.from,
  async handle(interaction, context) {
    const chain = loadChain(context.db, chainIdOf(LIST_PREFIXES.from, interaction.customId));
    const trackId = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
    if (!trackId || !chain.shown.includes(trackId)) throw new ExpiredComponentError();
    const state: RecommendListState = {
      kind: 'recommend',
      seeds: [trackId],
      count: chain.state.count,
      sameGenre: false,
      noExplicit: false,
      genre: '',
      excludeArtist: '',
      popularity: chain.state.popularity,
      forYou: false,
      private: chain.state.kind === 'recommend' && chain.state.private,
      // Limits are the listener's hard requirements: a list made from one of its songs keeps them.
      ...('limits' in chain.state && chain.state.limits ? { limits: chain.state.limits } : {}),
    };
    const page = startRecommendList(context, interaction.user.id, state);
    await sendPageWithChart(interaction, page, 'reply', context.logger);
  },
};

function isRecommendChain(chain: Chain<ListState>): chain is Chain<RecommendListState> {
  return chain.state.kind === 'recommend';
}
