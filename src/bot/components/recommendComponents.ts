// Buttons and menus made before list chains ("more:1:<track>:<offset>:..." and "pick:1:<n>"),
// still on old messages: each press starts a chain from the state its custom id holds, so the
// message carries on with chain buttons from then on.
import type { ComponentHandler } from '../command.ts';
import { ExpiredComponentError } from '../customIds.ts';
import type { RecommendListState } from '../lists/listState.ts';
import { sendPageWithChart } from '../pageWithChart.ts';
import { startRecommendList } from '../recommendPage.ts';
import { decodePickState, decodeRecommendState, RECOMMEND_PREFIXES } from '../recommendState.ts';

export const moreLikeThis: ComponentHandler = {
  prefix: RECOMMEND_PREFIXES.more,
  async handle(interaction, context) {
    const { trackId, offset, ...filters } = decodeRecommendState(interaction.customId);
    const state: RecommendListState = {
      kind: 'recommend',
      seeds: [trackId],
      ...filters,
      forYou: false,
      private: false,
    };
    // The earlier pages count as shown, so the new chain goes on after them.
    const page = startRecommendList(context, interaction.user.id, state, { skipFirst: offset });
    await sendPageWithChart(interaction, page, 'update', context.logger);
  },
};

export const recommendFromPick: ComponentHandler = {
  prefix: RECOMMEND_PREFIXES.pick,
  async handle(interaction, context) {
    const { count, popularity } = decodePickState(interaction.customId);
    const trackId = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
    if (!trackId) throw new ExpiredComponentError();
    const state: RecommendListState = {
      kind: 'recommend',
      seeds: [trackId],
      count,
      sameGenre: false,
      noExplicit: false,
      genre: '',
      excludeArtist: '',
      popularity,
      forYou: false,
      private: false,
    };
    const page = startRecommendList(context, interaction.user.id, state);
    await sendPageWithChart(interaction, page, 'reply', context.logger);
  },
};
